import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { toCsv } from '../../shared/csv.ts';
import { useT } from '../i18n.ts';

export interface Column<R> {
  key: string;
  label: string;
  /** What the column sorts by. */
  value: (row: R) => string | number | null;
  /** What the cell shows; the value when omitted. */
  render?: (row: R) => ComponentChildren;
  /** What a CSV download holds for the cell; the value when omitted, nothing for `false` (a column of buttons). */
  csv?: ((row: R) => string | number | null) | false;
  numeric?: boolean;
}

interface DataTableProps<R> {
  caption: string;
  columns: Array<Column<R>>;
  rows: R[];
  rowKey: (row: R) => string;
  /** The column sorted by at first, and its direction. */
  sort?: { key: string; descending: boolean };
  empty?: string;
  /** A file name: offers the table, as sorted, as CSV (for tables the server does not export). */
  download?: string;
}

type Direction = 'ascending' | 'descending';

/**
 * A table whose column headers are sort buttons. Each header says its state to assistive
 * technology (aria-sort), and a change of order is announced in words.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, sort: initial, empty, download }: DataTableProps<R>) {
  const { t, lng } = useT();
  const [sort, setSort] = useState<{ key: string; direction: Direction } | undefined>(
    initial && { key: initial.key, direction: initial.descending ? 'descending' : 'ascending' },
  );
  const column = columns.find((c) => c.key === sort?.key);
  const collator = new Intl.Collator(lng);
  const sorted = column
    ? [...rows].sort((a, b) => {
        const [x, y] = [column.value(a), column.value(b)];
        // Empty cells go last whichever way the column is sorted.
        if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return sort!.direction === 'ascending' ? order : -order;
      })
    : rows;
  const toggle = (key: string) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                <button type="button" class="sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span class="sort-mark" aria-hidden="true">
                    {sort?.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && (
            <tr>
              <td colSpan={columns.length} class="empty">
                {empty ?? t('common.noRows')}
              </td>
            </tr>
          )}
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => {
                const content = c.render ? c.render(row) : (c.value(row) ?? '–');
                return i === 0 ? (
                  <th key={c.key} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={c.key} class={c.numeric ? 'num' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {download && (
        <p class="table-download">
          <button type="button" onClick={() => saveCsv(download, columns, sorted)}>
            {t('common.exportCsv', { table: caption })}
          </button>
        </p>
      )}
      <p class="sr-only" role="status">
        {column ? t(`table.sorted.${sort!.direction}`, { column: column.label }) : ''}
      </p>
    </div>
  );
}

/** Saves the rows as a CSV file (UTF-8 with a BOM, as the server's exports), made in the page. */
function saveCsv<R>(name: string, columns: Array<Column<R>>, rows: R[]) {
  const kept = columns.filter((c) => c.csv !== false);
  const text = toCsv(kept.map((c) => c.label), rows.map((r) => kept.map((c) => (c.csv ? c.csv(r) : c.value(r)))));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.csv` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
