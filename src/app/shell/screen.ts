import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '../i18n/i18n.ts';

/** What the app bar and the document title say about the screen on show. */
export interface Screen {
  /** The screen's name, unique across screens: the document title and, with `back`, the bar's title. */
  title: string;
  /** Where the bar's back button leads when there is no in-app history to go back through. */
  back?: string | undefined;
  /** A shorter title for the bar than the document's (a lesson: "Bài 3/9"). */
  barTitle?: string | undefined;
}

let current: Screen = { title: '' };
const listeners = new Set<(screen: Screen) => void>();

/**
 * Declares the screen on show: the document title becomes "<title> – <app name>" in the UI
 * language, and the app bar shows the back button and title. Each page calls it once.
 */
export function useScreen(screen: Screen): void {
  const { title, back, barTitle } = screen;
  // Before paint, so the bar and the title never show the previous screen's.
  useLayoutEffect(() => {
    current = { title, back, barTitle };
    const app = i18n.t('app.name');
    document.title = title && title !== app ? `${title} – ${app}` : app;
    for (const listener of listeners) listener(current);
  }, [title, back, barTitle]);
}

/** The screen on show, for the app bar. */
export function useCurrentScreen(): Screen {
  const [screen, setScreen] = useState(current);
  useEffect(() => {
    listeners.add(setScreen);
    setScreen(current);
    return () => void listeners.delete(setScreen);
  }, []);
  return screen;
}

/**
 * After a navigation, keyboard and screen reader focus starts at the new screen's heading, as
 * it would on a new page (WCAG 2.4.3); the first screen keeps the browser's own start.
 */
export function focusScreenHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
