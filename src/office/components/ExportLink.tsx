import { exportUrl } from '../api.ts';
import { useT } from '../i18n.ts';
import { useFilters } from './office-context.ts';

/** Downloads the table as CSV (UTF-8 with a BOM, for Excel), for the same filters as on screen. */
export function ExportLink({ table, label }: { table: string; label: string }) {
  const { t, lng } = useT();
  return (
    <a class="button-link" href={exportUrl(table, useFilters(), lng)} download>
      {t('common.exportCsv', { table: label })}
    </a>
  );
}
