import type { Language } from './i18n.ts';

const locale = (lng: Language) => (lng === 'vi' ? 'vi-VN' : 'en-GB');

/** 0.5 → "50%"; null → "–". */
export function percent(share: number | null, lng: Language): string {
  return share === null ? '–' : new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function count(n: number, lng: Language): string {
  return new Intl.NumberFormat(locale(lng)).format(n);
}

/** An ISO time in the officer's time zone, e.g. "2 thg 12, 2026 08:15"; null → "–". */
export function dateTime(iso: string | null, lng: Language): string {
  return iso === null ? '–' : new Intl.DateTimeFormat(locale(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function date(iso: string, lng: Language): string {
  return new Intl.DateTimeFormat(locale(lng), { dateStyle: 'medium' }).format(new Date(iso));
}
