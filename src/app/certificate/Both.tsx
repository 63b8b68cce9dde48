import type { BothLanguages } from './certificate-strings.ts';

interface BothProps {
  t: BothLanguages;
  k: string;
  options?: { vi?: Record<string, unknown>; en?: Record<string, unknown> } | undefined;
  /** The element holding the two lines. */
  as?: 'span' | 'p' | 'h1' | 'h2' | 'dt' | 'th' | 'div';
  class?: string | undefined;
}

/** One string in both languages: Vietnamese, then English on the line below, each marked with its language. */
export function Both({ t, k, options, as: Tag = 'span', class: className }: BothProps) {
  return (
    <Tag class={['both', className].filter(Boolean).join(' ')}>
      <span lang="vi" class="both-vi">{t.vi(k, options?.vi)}</span>
      <span lang="en" class="both-en">{t.en(k, options?.en)}</span>
    </Tag>
  );
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A record's "YYYY-MM-DD" as each language writes a date: "ngày 3 tháng 12 năm 2026" / "3 December 2026". */
export function dateOptions(isoDate: string): { vi: Record<string, unknown>; en: Record<string, unknown> } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { vi: { day, month, year }, en: { day, month: EN_MONTHS[month - 1], year } };
}
