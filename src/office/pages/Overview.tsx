import type { Overview as Figures } from '../../shared/office-api.ts';
import { api, queryOf } from '../api.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useFilters } from '../components/office-context.ts';
import { FailureMessage, Loading } from '../components/Status.tsx';
import { useResource } from '../components/use-resource.ts';
import { count } from '../format.ts';
import { useT } from '../i18n.ts';

const figures: Array<keyof Figures> = ['enrolled', 'activeLast7Days', 'completed', 'certificates', 'devicesNotSynced7Days'];

/** The programme at a glance, for the filters chosen. */
export function Overview() {
  const { t, lng } = useT();
  const filters = useFilters();
  const query = queryOf(filters);
  const { data, failure } = useResource(() => api<Figures>('GET', `/overview${query}`), query);
  return (
    <>
      <PageTitle title={t('overview.title')}>{t('overview.title')}</PageTitle>
      <FilterBar />
      {failure && <FailureMessage failure={failure} />}
      {!data && !failure && <Loading />}
      {data && (
        <dl class="figures" data-testid="overview">
          {figures.map((key) => (
            <div key={key} class="figure" data-figure={key}>
              <dt>{t(`overview.${key}`)}</dt>
              <dd>{count(data[key], lng)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="hint">{t('overview.explain')}</p>
    </>
  );
}
