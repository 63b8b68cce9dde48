/*
 * The office's limits and kinds as plain constants: the office's pages import these without
 * pulling the schemas (and zod) into their bundle; office-api.ts builds its schemas from them.
 */
export const NAME_MAX = 120;
export const UNIT_MAX = 160;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** Rows one CSV upload may enrol; a larger programme uploads several files. */
export const IMPORT_ROWS_MAX = 1000;

export const placeKinds = ['city', 'province', 'ministry'] as const;
export type PlaceKind = (typeof placeKinds)[number];
