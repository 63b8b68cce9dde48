import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * How long a section must be on screen to count as read: about 500 words a minute (a careful
 * skim), at least 3 s so scrolling past never counts, at most 12 s so a long section does not
 * ask for more patience than a trainee on a bus has.
 */
export function dwellMs(words: number): number {
  return Math.min(12_000, Math.max(3_000, words * 120));
}

/**
 * Calls `onRead(sectionId)` once a `[data-section]` element inside `container` has been on screen
 * for its dwell time (added up across visits, paused while the app is hidden). A section is "on
 * screen" when half of it is visible, or when it fills half the screen (long sections never
 * show half of themselves on a phone).
 */
export function useSectionDwell(
  container: RefObject<HTMLElement | null>,
  words: Record<string, number>,
  alreadyRead: readonly string[],
  onRead: (sectionId: string) => void,
) {
  const latest = useRef({ onRead, alreadyRead, words });
  latest.current = { onRead, alreadyRead, words };
  const key = Object.keys(words).join();

  useEffect(() => {
    const root = container.current;
    if (!root || typeof IntersectionObserver === 'undefined') return;
    const seen = new Map<string, { total: number; since?: number | undefined; timer?: ReturnType<typeof setTimeout> | undefined }>();
    const state = (id: string) => seen.get(id) ?? seen.set(id, { total: 0 }).get(id)!;
    const done = new Set<string>();

    const start = (id: string) => {
      const s = state(id);
      if (s.since !== undefined || done.has(id) || latest.current.alreadyRead.includes(id)) return;
      s.since = Date.now();
      s.timer = setTimeout(() => {
        done.add(id);
        stop(id);
        latest.current.onRead(id);
      }, Math.max(0, dwellMs(latest.current.words[id] ?? 0) - s.total));
    };
    const stop = (id: string) => {
      const s = state(id);
      if (s.since === undefined) return;
      s.total += Date.now() - s.since;
      s.since = undefined;
      clearTimeout(s.timer);
    };
    const visible = new Set<string>();

    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.section!;
          const screen = entry.rootBounds?.height ?? window.innerHeight;
          const onScreen = entry.isIntersecting && (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= screen / 2);
          if (onScreen) visible.add(id);
          else visible.delete(id);
          if (onScreen && document.visibilityState !== 'hidden') start(id);
          else stop(id);
        }
      },
      { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
    );
    for (const el of root.querySelectorAll<HTMLElement>('[data-section]')) observer.observe(el);
    const onVisibility = () => {
      for (const id of visible) (document.visibilityState === 'hidden' ? stop : start)(id);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
      for (const s of seen.values()) clearTimeout(s.timer);
    };
  }, [container, key]);
}
