/*
 * Whether the browser believes it has a connection, and when that changes: the one place the app
 * reads `navigator.onLine` and listens for online/offline (the status line, the sync engine,
 * enrolment). Outside a browser (tests in Node) the answer is "online".
 */

export function isOnline(): boolean {
  return typeof navigator === 'undefined' ? true : navigator.onLine;
}

/** Calls `listener` with the new state on online/offline; returns the unsubscribe. */
export function onNetworkChange(listener: (online: boolean) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const update = () => listener(isOnline());
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return () => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  };
}
