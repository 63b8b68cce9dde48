/**
 * WebKit deletes a site's IndexedDB and caches after seven days without use, unless the web app
 * was added to the home screen. Progress the server already holds comes back on the next sync;
 * progress that never left the phone would be gone. So after a day unsynced in a Safari tab
 * the trainee is warned, which leaves six days to connect or install.
 */
const WARN_UNSYNCED_AFTER_MS = 24 * 60 * 60 * 1000;

export interface EvictionRisk {
  iosSafari: boolean;
  standalone: boolean;
  /** When the oldest event the server does not hold yet was recorded (ms), or null. */
  oldestPendingAt: number | null;
  now: number;
}

/** Whether progress on this phone is at risk of WebKit's seven-day deletion. */
export function atRiskOfEviction({ iosSafari, standalone, oldestPendingAt, now }: EvictionRisk): boolean {
  return iosSafari && !standalone && oldestPendingAt !== null && now - oldestPendingAt > WARN_UNSYNCED_AFTER_MS;
}
