import { readStored, writeStored } from '../../data/local-storage.ts';

export const themes = ['system', 'light', 'dark'] as const;
/** Light or dark colours: the phone's setting (prefers-color-scheme), or the trainee's choice. */
export type Theme = (typeof themes)[number];

const KEY = 'egov-learn.theme';
const isTheme = (v: unknown): v is Theme => themes.includes(v as Theme);

export const storedTheme = (): Theme => readStored(KEY, (v) => (isTheme(v) ? v : undefined)) ?? 'system';

/** Applies a theme to the page (styles.css reads data-theme) and remembers it. */
export function setTheme(theme: Theme): void {
  writeStored(KEY, theme);
  applyTheme(theme);
}

/** Called once before the first paint with the remembered theme. */
export function applyTheme(theme: Theme = storedTheme()): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
