import type { Page } from 'playwright-core';

/*
 * Measurements of the page as drawn, for the geometry checks. Each runs in the page as one
 * expression (no helpers named inside, which the test runner's transform would rename).
 */

/** How far the fixed or sticky areas reach in from the top and bottom edges of the viewport (dialogs aside). */
export const barAreas = (page: Page) =>
  page.evaluate(() => {
    let top = 0;
    let bottom = 0;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const position = getComputedStyle(el).position;
      if ((position !== 'fixed' && position !== 'sticky') || el.closest('dialog') || el.classList.contains('update-prompt')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
      // A side rail touches both edges and covers neither: it is beside the text, not over it.
      if (r.top <= 0.5 && r.bottom >= innerHeight - 0.5) continue;
      if (r.top <= 0.5) top = Math.max(top, r.bottom);
      if (r.bottom >= innerHeight - 0.5) bottom = Math.max(bottom, innerHeight - r.top);
    }
    return { top, bottom };
  });

export interface Control {
  what: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
  /** In a fixed or sticky bar (a dialog's sticky head too): it must be on screen as it is, not after scrolling. */
  pinned: boolean;
  /** A link or term inside running text (WCAG 2.5.8's inline exception). */
  inline: boolean;
}

/**
 * Every control a trainee can reach, with its target's box: a radio or checkbox is its label, a
 * card's stretched link is its card. Hidden and screen-reader-only ones are left out.
 */
export const controls = (page: Page): Promise<Control[]> =>
  page.evaluate(() => {
    const out: Control[] = [];
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('.sr-only, [hidden], dialog:not([open])') || (el instanceof HTMLInputElement && el.type === 'hidden')) continue;
      const inertDialog = document.querySelector('dialog[open]') && !el.closest('dialog[open]');
      if (inertDialog) continue; // behind an open modal: not reachable until it closes
      const box = (el.matches('input[type="radio"], input[type="checkbox"]') && el.closest('label')) || (el.classList.contains('card-link') && el.closest('.card')) || el;
      const r = box.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // Inside a dialog, what is below its fold is scrolled to within it (the dialog itself must fit).
      let pinned = false;
      for (let p: HTMLElement | null = el; p && p.tagName !== 'DIALOG'; p = p.parentElement) {
        const position = getComputedStyle(p).position;
        if (position === 'fixed' || position === 'sticky') pinned = true;
      }
      const block = el.closest('p, td, dd, figcaption, blockquote');
      const ownText = (el.textContent ?? '').trim();
      const inline = el.matches('button.term') || (el.tagName === 'A' && !!block && (block.textContent ?? '').trim().length > ownText.length + 1 && !el.classList.contains('card-link'));
      const label = el.getAttribute('aria-label') ?? ownText.slice(0, 40);
      out.push({ what: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${label}"`, left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height, pinned, inline });
    }
    return out;
  });

/** The boxes of the open dialogs (sheets, the term dialog): each must fit on screen. */
export const openDialogs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('dialog[open]')].map((d) => d.getBoundingClientRect().toJSON() as DOMRect));
