export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** How much this app stores and may store on the phone; undefined where the browser won't say. */
export async function readStorageInfo(storage: StorageManager | undefined = navigator.storage): Promise<StorageInfo | undefined> {
  if (!storage?.estimate) return undefined;
  const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false]);
  return { usage, quota, persisted };
}

/**
 * Asks the browser not to evict our data under storage pressure: progress waiting to sync must
 * survive. Returns whether it is now persistent.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  return (await storage.persisted?.()) || storage.persist();
}
