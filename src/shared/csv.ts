/*
 * CSV as spreadsheets write and read it (RFC 4180): fields separated by commas (or semicolons,
 * which Excel uses where the decimal mark is a comma), quoted with double quotes when they hold
 * one, a quote doubled inside. The office uploads trainees in it and downloads every table as it.
 */

/** A record of a CSV file and its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  fields: string[];
}

/** The text's records; a UTF-8 BOM is dropped, blank records are skipped but keep their number. */
export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((fields, i) => ({ row: i + 1, fields })).filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/**
 * A cell as text a spreadsheet will not run: one that starts with =, +, -, @ or a tab or carriage
 * return is a formula to Excel, so a trainee named "=HYPERLINK(…)" gets a leading apostrophe.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV for Excel and LibreOffice: UTF-8 with a byte order mark (without it Excel reads
 * Vietnamese as Windows-1252), CRLF line ends, a header row first.
 */
export function toCsv(header: string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
