import { parseCsv } from '../../shared/csv.ts';
import { IMPORT_ROWS_MAX, type ImportIssue, isPrintableLine, NAME_MAX, type Place, type RowProblem, UNIT_MAX } from '../../shared/office-api.ts';
import { fold } from '../../shared/search.ts';

/** A row of an upload that can be enrolled. */
export interface ImportedTrainee {
  row: number;
  name: string;
  unit: string;
  placeId: string;
}

const columns = ['name', 'unit', 'province'] as const;
type Column = (typeof columns)[number];

/** Header words, folded (no diacritics, lower case), in either language. */
const headerNames: Record<Column, string[]> = {
  name: ['name', 'full name', 'ho va ten', 'ho ten', 'ten'],
  unit: ['unit', 'don vi', 'co quan', 'don vi cong tac'],
  province: ['province', 'ministry', 'province or ministry', 'province/ministry', 'tinh', 'tinh/thanh pho', 'tinh, thanh pho', 'tinh thanh', 'bo', 'tinh/bo', 'tinh hoac bo', 'tinh/thanh pho/bo'],
};

const folded = (text: string) => fold(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
// "Tỉnh Lào Cai", "TP. Hồ Chí Minh", "Lao Cai province" name the place "Lào Cai" / "Hồ Chí Minh".
const withoutPrefix = (name: string) => name.replace(/^(tinh|thanh pho|tp\.?)\s+/, '').replace(/\s+(province|city)$/, '');

/** Finds a place by its Vietnamese or English name (diacritics, case and "Tỉnh"/"TP." aside) or its id; retired places are not offered. */
export function placeMatcher(places: readonly Place[]): (text: string) => Place | undefined {
  const index = new Map<string, Place>();
  for (const place of places.filter((p) => !p.retired)) {
    for (const name of [place.id, place.vi, place.en]) {
      index.set(folded(name), place);
      index.set(withoutPrefix(folded(name)), place);
    }
  }
  return (text) => index.get(folded(text)) ?? index.get(withoutPrefix(folded(text)));
}

const messages: Record<RowProblem, string> = {
  required: 'this field is empty',
  too_long: 'this field is too long',
  not_printable: 'this field must be printable text on one line',
  unknown_place: 'no province, city or ministry in the list has this name',
  other_unit: "a unit officer enrols only their own unit's trainees",
  missing_columns: 'the first row must name the columns: name, unit, province',
  no_rows: 'the file has no trainees below its header',
  too_many_rows: `one file enrols at most ${IMPORT_ROWS_MAX} trainees`,
  unreadable: 'the file is not CSV text',
};
const issue = (path: ImportIssue['path'], code: RowProblem): ImportIssue => ({ path, code, message: messages[code] });

/**
 * Reads an uploaded CSV of trainees (a header row naming name, unit and province in either
 * language, in any order, then one trainee a row). Every problem is reported, each with its row
 * as a spreadsheet numbers it and its column, so the office can fix the file in one go.
 */
export function readImport(csv: string, places: readonly Place[], scopeUnit: string | null): { trainees: ImportedTrainee[]; issues: ImportIssue[] } {
  if (csv.includes('\u0000')) return { trainees: [], issues: [issue(['csv'], 'unreadable')] };
  const [header, ...rows] = parseCsv(csv);
  const at = header ? Object.fromEntries(columns.map((c) => [c, header.fields.findIndex((f) => headerNames[c].includes(folded(f)))])) as Record<Column, number> : undefined;
  if (!at || columns.some((c) => at[c] < 0)) return { trainees: [], issues: [issue(['csv'], 'missing_columns')] };
  if (rows.length === 0) return { trainees: [], issues: [issue(['csv'], 'no_rows')] };
  if (rows.length > IMPORT_ROWS_MAX) return { trainees: [], issues: [issue(['csv'], 'too_many_rows')] };
  const findPlace = placeMatcher(places);
  const issues: ImportIssue[] = [];
  const trainees: ImportedTrainee[] = [];
  for (const { row, fields } of rows) {
    const problems = issues.length;
    const text = (column: Column, max: number) => {
      const value = (fields[at[column]] ?? '').normalize('NFC').trim();
      if (!value) issues.push(issue(['rows', row, column], 'required'));
      else if (value.length > max) issues.push(issue(['rows', row, column], 'too_long'));
      else if (!isPrintableLine(value)) issues.push(issue(['rows', row, column], 'not_printable'));
      return value;
    };
    const name = text('name', NAME_MAX);
    const unit = text('unit', UNIT_MAX);
    const placeText = text('province', UNIT_MAX);
    if (unit && scopeUnit !== null && unit !== scopeUnit) issues.push(issue(['rows', row, 'unit'], 'other_unit'));
    const place = placeText ? findPlace(placeText) : undefined;
    if (placeText && !place) issues.push(issue(['rows', row, 'province'], 'unknown_place'));
    if (issues.length === problems) trainees.push({ row, name, unit, placeId: place!.id });
  }
  return { trainees, issues };
}
