import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Keeps a CSS variable on the root at the bar's height: the page's scroll padding uses it, so a
 * section, a quiz question or a keyboard-focused term scrolled into view is never under a bar,
 * whatever the text size or orientation.
 */
export function useBarSize(bar: RefObject<HTMLElement | null>, variable: string): void {
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      // The tab bar as a side rail (landscape, wide screens) is not sticky, and covers no text.
      const sticky = getComputedStyle(el).position === 'sticky';
      const height = sticky ? `${el.offsetHeight}px` : '0px';
      // Only a change is written: the stylesheet's value is right at default text size, and a
      // write here restyles the whole page (in the first frame, a few ms on a desktop CPU).
      if (getComputedStyle(root).getPropertyValue(variable) !== height) root.style.setProperty(variable, height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
}
