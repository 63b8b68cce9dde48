import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/app/i18n/format-size.ts';

// What the app showed before, with Intl (Node has the same ICU data as the browsers).
const intl = (bytes: number, lng: 'vi' | 'en') => {
  const [unit, per] = bytes >= 1e9 ? ['gigabyte', 1e9] : bytes >= 1e6 ? ['megabyte', 1e6] : ['kilobyte', 1e3];
  return new Intl.NumberFormat(lng, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / (per as number));
};

describe('formatSize', () => {
  const sizes = [0, 1, 499, 999, 1000, 1049, 1050, 12_345, 999_949, 999_950, 1e6, 1_250_000, 1_049_999, 25_960_000, 999_999_999, 1e9, 64.25e9, 1_234.5e9, 12_345_678e9];
  for (const lng of ['vi', 'en'] as const) {
    it(`writes sizes as Intl.NumberFormat does in ${lng}`, () => {
      for (const bytes of sizes) expect(formatSize(bytes, lng).replace(/\s/g, ' '), String(bytes)).toBe(intl(bytes, lng).replace(/\s/g, ' '));
    });
  }
});
