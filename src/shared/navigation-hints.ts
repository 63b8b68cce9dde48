import * as z from 'zod/mini';

/**
 * dist/navigation-hints.json, written by the build (plugins/navigation-hints.ts) and read by the
 * server: for a page, the files its code will fetch next. The server sends them as a Link
 * header with the page's HTML, so a slow phone downloads them alongside the app's code instead
 * of one round trip after it.
 */
export const navigationHintsSchema = z.object({
  /** Link header entries by path: a lesson's text and the lesson screen's code. */
  paths: z.record(z.string(), z.array(z.string())),
  /** Link header entries for a browser that prefers English: the English UI strings. */
  english: z.array(z.string()),
});
export type NavigationHints = z.infer<typeof navigationHintsSchema>;

export const NAVIGATION_HINTS_FILE = 'navigation-hints.json';
