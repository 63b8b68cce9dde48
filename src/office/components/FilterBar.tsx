import { useLocation } from 'preact-iso';
import { queryOf } from '../api.ts';
import { useT } from '../i18n.ts';
import { useFilters, useOffice } from './office-context.ts';
import { PlaceSelect } from './PlaceSelect.tsx';

/** Cohort and province (or ministry) filters; they live in the address, so every view and export follows them. */
export function FilterBar() {
  const { t } = useT();
  const { cohorts, places } = useOffice();
  const { path, query, route } = useLocation();
  const filters = useFilters();
  const set = (name: 'cohort' | 'place', value: string) => route(path + queryOf({ ...query, ...filters, [name]: value || undefined }), true);
  return (
    <form class="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for="filter-cohort">{t('filters.cohort')}</label>
        <select id="filter-cohort" value={filters.cohort ?? ''} onChange={(e) => set('cohort', e.currentTarget.value)}>
          <option value="">{t('filters.allCohorts')}</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-place">{t('filters.place')}</label>
        <PlaceSelect id="filter-place" places={places} value={filters.place ?? ''} onChange={(v) => set('place', v)} empty={t('filters.allPlaces')} withRetired />
      </div>
    </form>
  );
}
