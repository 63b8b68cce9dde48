import type { FunnelRow } from '../../shared/office-api.ts';
import { api, queryOf } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useFilters } from '../components/office-context.ts';
import { FailureMessage, Loading } from '../components/Status.tsx';
import { useResource } from '../components/use-resource.ts';
import { count, percent } from '../format.ts';
import { useT } from '../i18n.ts';

/** Each lesson: how many opened it, read every section, passed its quiz. */
export function Funnel() {
  const { t, lng } = useT();
  const query = queryOf(useFilters());
  const { data, failure } = useResource(() => api<FunnelRow[]>('GET', `/funnel${query}`), query);
  const stage = (n: number, r: FunnelRow) => `${count(n, lng)} (${percent(r.opened ? n / r.opened : null, lng)})`;
  const columns: Array<Column<FunnelRow & { order: number }>> = [
    { key: 'lesson', label: t('funnel.lesson'), value: (r) => r.title?.[lng] ?? r.lessonId },
    { key: 'order', label: t('funnel.order'), value: (r) => r.order, numeric: true },
    { key: 'opened', label: t('funnel.opened'), value: (r) => r.opened, render: (r) => count(r.opened, lng), numeric: true },
    { key: 'read', label: t('funnel.allSectionsRead'), value: (r) => r.allSectionsRead, render: (r) => stage(r.allSectionsRead, r), numeric: true },
    { key: 'passed', label: t('funnel.quizPassed'), value: (r) => r.quizPassed, render: (r) => stage(r.quizPassed, r), numeric: true },
  ];
  return (
    <>
      <PageTitle title={t('nav.funnel')}>{t('nav.funnel')}</PageTitle>
      <FilterBar />
      <p class="actions">
        <ExportLink table="funnel" label={t('nav.funnel')} />
      </p>
      {failure && <FailureMessage failure={failure} />}
      {!data && !failure && <Loading />}
      {data && (
        <DataTable caption={t('funnel.caption')} columns={columns} rows={data.map((r, i) => ({ ...r, order: i + 1 }))} rowKey={(r) => r.lessonId} sort={{ key: 'order', descending: false }} />
      )}
      <p class="hint">{t('funnel.explain')}</p>
    </>
  );
}
