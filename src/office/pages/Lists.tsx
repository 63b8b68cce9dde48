import { useState } from 'preact/hooks';
import type { Place } from '../../shared/office-api.ts';
import { type PlaceKind, placeKinds } from '../../shared/office-limits.ts';
import { api, ApiFailure } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useOffice } from '../components/office-context.ts';
import { FailureMessage } from '../components/Status.tsx';
import { useT } from '../i18n.ts';

/** Both names of a place, for adding one or renaming it. */
function PlaceForm({ place, label, onSave }: { place?: Place; label: string; onSave: (value: { kind: PlaceKind; vi: string; en: string }) => Promise<boolean> }) {
  const { t } = useT();
  const prefix = place ? `place-${place.id}` : 'place-new';
  const [kind, setKind] = useState<PlaceKind>(place?.kind ?? 'ministry');
  const [vi, setVi] = useState(place?.vi ?? '');
  const [en, setEn] = useState(place?.en ?? '');
  const submit = async (e: Event) => {
    e.preventDefault();
    if ((await onSave({ kind, vi, en })) && !place) [setVi, setEn].forEach((set) => set(''));
  };
  return (
    <form class="inline-form" onSubmit={submit} aria-label={label}>
      {!place && (
        <div class="field">
          <label for={`${prefix}-kind`}>{t('lists.kind')}</label>
          <select id={`${prefix}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as PlaceKind)}>
            {placeKinds.map((k) => (
              <option key={k} value={k}>
                {t(`places.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`${prefix}-vi`}>{t('lists.nameVi')}</label>
        <input id={`${prefix}-vi`} lang="vi" required maxLength={120} value={vi} onInput={(e) => setVi(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${prefix}-en`}>{t('lists.nameEn')}</label>
        <input id={`${prefix}-en`} lang="en" required maxLength={120} value={en} onInput={(e) => setEn(e.currentTarget.value)} />
      </div>
      <button type="submit">{place ? t('common.save') : t('lists.addButton')}</button>
    </form>
  );
}

/**
 * The provinces, centrally run cities and ministries trainees belong to: data the office keeps
 * (a merger renames or retires one), never code. A retired place stays on its trainees and in the
 * figures, and is no longer offered for new enrolments.
 */
export function Lists() {
  const { t, lng } = useT();
  const { officer, places, reloadLists } = useOffice();
  const mayChange = officer.unit === null;
  const [editing, setEditing] = useState<string>();
  const [problem, setProblem] = useState<ApiFailure>();
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      reloadLists();
      return true;
    } catch (failure) {
      setProblem(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'internal'));
      return false;
    }
  };
  const columns: Array<Column<Place>> = [
    { key: 'name', label: t('lists.name'), value: (p) => p[lng] },
    { key: 'other', label: t('lists.otherName'), value: (p) => p[lng === 'vi' ? 'en' : 'vi'] },
    { key: 'kind', label: t('lists.kind'), value: (p) => t(`places.kinds.${p.kind}`) },
    { key: 'state', label: t('lists.state'), value: (p) => t(p.retired ? 'lists.retired' : 'lists.inUse') },
    ...(mayChange
      ? [{
          key: 'actions',
          label: t('common.change'),
          value: () => null,
          csv: false as const,
          render: (p: Place) => (
            <span class="row-actions">
              <button type="button" aria-expanded={editing === p.id} onClick={() => setEditing(editing === p.id ? undefined : p.id)}>
                {t('lists.rename', { name: p[lng] })}
              </button>
              <button type="button" onClick={() => void act(() => api('PATCH', `/places/${p.id}`, { retired: !p.retired }))}>
                {t(p.retired ? 'lists.restore' : 'lists.retire', { name: p[lng] })}
              </button>
            </span>
          ),
        }]
      : []),
  ];
  const editingPlace = places.find((p) => p.id === editing);
  return (
    <>
      <PageTitle title={t('nav.lists')}>{t('nav.lists')}</PageTitle>
      <p>{t('lists.intro')}</p>
      {problem && <FailureMessage failure={problem} />}
      {editingPlace && (
        <section aria-labelledby="rename-place">
          <h2 id="rename-place">{t('lists.rename', { name: editingPlace[lng] })}</h2>
          <PlaceForm key={editingPlace.id} place={editingPlace} label={t('lists.rename', { name: editingPlace[lng] })} onSave={async ({ vi, en }) => {
            const done = await act(() => api('PATCH', `/places/${editingPlace.id}`, { vi, en }));
            if (done) setEditing(undefined);
            return done;
          }} />
        </section>
      )}
      {mayChange ? (
        <section aria-labelledby="new-place">
          <h2 id="new-place">{t('lists.add')}</h2>
          <PlaceForm label={t('lists.add')} onSave={(value) => act(() => api('POST', '/places', value))} />
        </section>
      ) : (
        <p class="hint">{t('common.programmeOnly')}</p>
      )}
      <DataTable caption={t('lists.caption')} columns={columns} rows={places} rowKey={(p) => p.id} download="egov-learn-lists" />
    </>
  );
}
