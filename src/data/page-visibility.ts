/*
 * Whether the trainee can see the app, and when that changes: the sync engine pulls while the
 * app is in view, checks at once when it comes back, and asks for Background Sync as it goes.
 * Outside a browser (tests in Node) the page counts as visible and never changes.
 */

export function pageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** Calls `listener` when the app comes back into view or its window regains focus. */
export function onPageShown(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onVisibility = () => pageVisible() && listener();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('focus', listener);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', listener);
  };
}

/** Calls `listener` when the app leaves view (switched away, screen off, tab closing). */
export function onPageHidden(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onVisibility = () => !pageVisible() && listener();
  document.addEventListener('visibilitychange', onVisibility);
  return () => document.removeEventListener('visibilitychange', onVisibility);
}
