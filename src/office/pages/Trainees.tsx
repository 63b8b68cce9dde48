import { useState } from 'preact/hooks';
import type { TraineeRow } from '../../shared/office-api.ts';
import { api, queryOf } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useFilters, useOffice } from '../components/office-context.ts';
import { FailureMessage, Loading } from '../components/Status.tsx';
import { useResource } from '../components/use-resource.ts';
import { count, dateTime } from '../format.ts';
import { useT } from '../i18n.ts';

interface Page {
  total: number;
  rows: TraineeRow[];
  offset: number;
  limit: number;
}

/** Every trainee the officer may see, a page at a time, found by part of a name. */
export function Trainees() {
  const { t, lng } = useT();
  const { places } = useOffice();
  const filters = useFilters();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = queryOf({ ...filters, q: q || undefined, offset: offset ? String(offset) : undefined });
  const { data, failure } = useResource(() => api<Page>('GET', `/trainees${query}`), query);
  const columns: Array<Column<TraineeRow>> = [
    { key: 'name', label: t('trainees.name'), value: (r) => r.name, render: (r) => <a href={`/office/trainees/${encodeURIComponent(r.id)}`}>{r.name}</a> },
    { key: 'unit', label: t('trainees.unit'), value: (r) => r.unit },
    { key: 'place', label: t('trainees.place'), value: (r) => places.find((p) => p.id === r.placeId)?.[lng] ?? null },
    { key: 'lessons', label: t('trainees.lessonsCompleted'), value: (r) => r.lessonsCompleted, numeric: true },
    { key: 'activity', label: t('trainees.lastActivity'), value: (r) => r.lastActivityAt, render: (r) => dateTime(r.lastActivityAt, lng) },
    { key: 'sync', label: t('trainees.lastSync'), value: (r) => r.lastSyncAt, render: (r) => dateTime(r.lastSyncAt, lng) },
    { key: 'status', label: t('trainees.status'), value: (r) => t(r.revoked ? 'trainees.revoked' : r.courseCompleted ? 'trainees.completed' : 'trainees.studying') },
  ];
  return (
    <>
      <PageTitle title={t('nav.trainees')}>{t('nav.trainees')}</PageTitle>
      <FilterBar />
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setQ(search.trim());
        }}
      >
        <label for="trainee-search">{t('trainees.search')}</label>
        <input id="trainee-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        <button type="submit">{t('trainees.find')}</button>
      </form>
      <p class="actions">
        <a class="button-link" href="/office/enrol">
          {t('nav.enrol')}
        </a>
        <ExportLink table="trainees" label={t('nav.trainees')} />
      </p>
      {failure && <FailureMessage failure={failure} />}
      {!data && !failure && <Loading />}
      {data && (
        <>
          <DataTable caption={t('trainees.caption', { total: count(data.total, lng) })} columns={columns} rows={data.rows} rowKey={(r) => r.id} />
          {data.total > data.limit && (
            <nav class="pager" aria-label={t('trainees.pages')}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - data.limit))}>
                {t('trainees.previous')}
              </button>
              <span>{t('trainees.showing', { from: offset + 1, to: Math.min(data.total, offset + data.limit), total: data.total })}</span>
              <button type="button" disabled={offset + data.limit >= data.total} onClick={() => setOffset(offset + data.limit)}>
                {t('trainees.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
