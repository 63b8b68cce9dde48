import { useEffect, useState } from 'preact/hooks';

/*
 * The screens and sheets no first screen needs, in one lazy chunk with their strings (see
 * pages/me-screens.ts): the Me and enrolment screens, the settings and sync sheets, and the
 * urgent status banner.
 */
export type LaterScreens = typeof import('./pages/me-screens.ts');

let loading: Promise<LaterScreens> | undefined;

/** Loads the chunk once; a failed download is tried again on the next call. */
export function loadLaterScreens(): Promise<LaterScreens> {
  loading ??= import('./pages/me-screens.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The chunk once `wanted` (and loaded); undefined until then, or when it could not load (`failed`). */
export function useLaterScreens(wanted: boolean): { screens?: LaterScreens | undefined; failed: boolean; retry: () => void } {
  const [screens, setScreens] = useState<LaterScreens>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || screens) return;
    let live = true;
    setFailed(false);
    loadLaterScreens().then(
      (loaded) => live && setScreens(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, attempt]);
  return { screens, failed, retry: () => setAttempt((n) => n + 1) };
}
