/*
 * The app's few icons, drawn inline as 24-unit strokes in currentColor (so they follow the text
 * colour in light, dark and forced colours) and always beside a word or inside a named button:
 * they are decoration, hidden from screen readers.
 */
const paths = {
  back: 'M15 5l-7 7 7 7',
  settings: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
  lessons: 'M4 5.5C6.5 4 9.5 4 12 5.5v14C9.5 18 6.5 18 4 19.5zM12 5.5C14.5 4 17.5 4 20 5.5v14c-2.5-1.5-5.5-1.5-8 0',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5L20 20',
  glossary: 'M5 19V6a2 2 0 0 1 2-2h12v13H7a2 2 0 0 0-2 2 2 2 0 0 0 2 2h12M9 8h6',
  me: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4.5 20c1-3.5 4-5 7.5-5s6.5 1.5 7.5 5',
  cloud: 'M7 18h10a4 4 0 0 0 .5-8A6 6 0 0 0 6 9.5 4.3 4.3 0 0 0 7 18z',
  offline: 'M7 18h10a4 4 0 0 0 1.5-.3M20.5 14.5A4 4 0 0 0 17.5 10 6 6 0 0 0 9 5.5M6.5 8.3A4.3 4.3 0 0 0 7 18M3 3l18 18',
  sync: 'M19 9a7 7 0 0 0-12.5-2.5L5 8M5 4v4h4M5 15a7 7 0 0 0 12.5 2.5L19 16M19 20v-4h-4',
  check: 'M7 18h10a4 4 0 0 0 .5-8A6 6 0 0 0 6 9.5 4.3 4.3 0 0 0 7 18zM9.5 13.5l2 2 3.5-4',
  upload: 'M12 19V7M7 11.5L12 6.5l5 5M5 4h14',
  phone: 'M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2',
  alert: 'M12 4L3 20h18zM12 10v4.5M12 17v.5',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/**
 * The app's mark (public/icons/icon.svg), drawn inline: as an <img> it was a separate SVG
 * document, parsed and painted in a long task of its own just after the first paint. A test
 * keeps the two drawings the same.
 */
export function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 512 512" width="26" height="26" aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" fill="#b3261e" />
      <path d="M256 150l17 52h55l-44 32 17 52-45-32-45 32 17-52-44-32h55z" fill="#ffcd00" />
      <path d="M96 300c56-26 112-26 160 10 48-36 104-36 160-10v112c-56-26-112-26-160 10-48-36-104-36-160-10z" fill="#fffaf3" />
      <path d="M256 310v112" stroke="#b3261e" stroke-width="10" />
    </svg>
  );
}
