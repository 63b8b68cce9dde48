import type { Language } from './language.ts';

const UNITS = [
  { from: 1e9, unit: 'GB' },
  { from: 1e6, unit: 'MB' },
  { from: 0, unit: 'kB' },
] as const;

/**
 * A file or storage size as Intl.NumberFormat's `unit` style writes it ("1,5 MB", "1.5 MB", at
 * most one decimal, digits grouped by thousands), without Intl: Chromium spends 35-65 ms loading
 * the number formats the first time a page makes one (measured on a desktop CPU; several times
 * that on a phone), and the home screen shows a size on every visit once the course is offline.
 * Vietnamese and English have the same unit symbols; they differ in the decimal and group marks.
 */
export function formatSize(bytes: number, lng: Language): string {
  const { from, unit } = UNITS.find((u) => bytes >= u.from) ?? UNITS[UNITS.length - 1];
  const value = Math.round((bytes / (from || 1e3)) * 10) / 10;
  const [whole, tenth] = String(value).split('.') as [string, string | undefined];
  const [decimal, group] = lng === 'vi' ? [',', '.'] : ['.', ','];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return `${grouped}${tenth ? decimal + tenth : ''} ${unit}`;
}
