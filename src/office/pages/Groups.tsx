import type { GroupBy, GroupRow } from '../../shared/office-api.ts';
import { api, queryOf } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useFilters, useOffice } from '../components/office-context.ts';
import { FailureMessage, Loading } from '../components/Status.tsx';
import { useResource } from '../components/use-resource.ts';
import { count, dateTime, percent } from '../format.ts';
import { useT } from '../i18n.ts';

/** By unit, or by province, city or ministry: trainees, completion rate, average score, last activity. */
export function Groups({ by }: { by: GroupBy }) {
  const { t, lng } = useT();
  const { places } = useOffice();
  const filters = useFilters();
  const query = queryOf(filters);
  const { data, failure } = useResource(() => api<GroupRow[]>('GET', `/groups/${by}${query}`), `${by}${query}`);
  const nameOf = (row: GroupRow) => {
    if (row.key === null) return t('groups.noPlace');
    if (by === 'unit') return row.key;
    return places.find((p) => p.id === row.key)?.[lng] ?? row.key;
  };
  const columns: Array<Column<GroupRow>> = [
    { key: 'name', label: t(by === 'unit' ? 'groups.unit' : 'groups.place'), value: nameOf },
    { key: 'trainees', label: t('groups.trainees'), value: (r) => r.trainees, render: (r) => count(r.trainees, lng), numeric: true },
    { key: 'completion', label: t('groups.completionRate'), value: (r) => r.completionRate, render: (r) => percent(r.completionRate, lng), numeric: true },
    { key: 'score', label: t('groups.averageScore'), value: (r) => r.averageScore, render: (r) => percent(r.averageScore, lng), numeric: true },
    { key: 'last', label: t('groups.lastActivity'), value: (r) => r.lastActivityAt, render: (r) => dateTime(r.lastActivityAt, lng) },
  ];
  const title = t(by === 'unit' ? 'nav.units' : 'nav.places');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <FilterBar />
      <p class="actions">
        <ExportLink table={by === 'unit' ? 'units' : 'places'} label={title} />
      </p>
      {failure && <FailureMessage failure={failure} />}
      {!data && !failure && <Loading />}
      {data && <DataTable caption={t('groups.caption', { view: title })} columns={columns} rows={data} rowKey={(r) => r.key ?? ''} sort={{ key: 'trainees', descending: true }} />}
      <p class="hint">{t('groups.explain')}</p>
    </>
  );
}
