const heldInThisTab = new Set<string>();

/**
 * Runs `task` unless a sync holding `name` is already running, in this tab or (through the Web
 * Locks API) in another tab of the same origin; returns 'busy' without waiting in that case,
 * since the running sync pushes the same shared outbox anyway.
 */
export async function withSyncLock<T>(name: string, task: () => Promise<T>): Promise<T | 'busy'> {
  if (heldInThisTab.has(name)) return 'busy';
  heldInThisTab.add(name);
  try {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return await task();
    return await locks.request(name, { ifAvailable: true }, (lock) => (lock ? task() : ('busy' as const)));
  } finally {
    heldInThisTab.delete(name);
  }
}
