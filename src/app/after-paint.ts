/**
 * Resolves after the next frame has been painted, or after a second in a hidden tab (which
 * paints no frames). Work that can wait (the sync engine, the service worker) starts then, so
 * on a slow link its downloads do not compete with the first screen's.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 1000);
  });
}
