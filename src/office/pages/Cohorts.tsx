import { useState } from 'preact/hooks';
import type { Cohort, CohortInput } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { type Column, DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useOffice } from '../components/office-context.ts';
import { FailureMessage } from '../components/Status.tsx';
import { count, date } from '../format.ts';
import { useT } from '../i18n.ts';

function CohortForm({ initial, onSave, label }: { initial?: Cohort; onSave: (input: CohortInput) => Promise<void>; label: string }) {
  const { t } = useT();
  const prefix = initial ? `cohort-${initial.id}` : 'cohort-new';
  const [name, setName] = useState(initial?.name ?? '');
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? '');
  const [problem, setProblem] = useState<ApiFailure>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(undefined);
    try {
      await onSave({ name, startsOn, endsOn });
      if (!initial) [setName, setStartsOn, setEndsOn].forEach((set) => set(''));
    } catch (failure) {
      setProblem(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'internal'));
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} aria-label={label}>
      <div class="field">
        <label for={`${prefix}-name`}>{t('cohorts.name')}</label>
        <input id={`${prefix}-name`} required maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${prefix}-start`}>{t('cohorts.startsOn')}</label>
        <input id={`${prefix}-start`} type="date" required value={startsOn} onInput={(e) => setStartsOn(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${prefix}-end`}>{t('cohorts.endsOn')}</label>
        <input id={`${prefix}-end`} type="date" required min={startsOn || undefined} value={endsOn} onInput={(e) => setEndsOn(e.currentTarget.value)} />
      </div>
      <button type="submit">{initial ? t('common.save') : t('cohorts.add')}</button>
      {problem && <FailureMessage failure={problem} />}
    </form>
  );
}

/** Cohorts ("annually, quarterly and monthly"): name and dates; trainees join them on enrolment or their page. */
export function Cohorts() {
  const { t, lng } = useT();
  const { officer, cohorts, reloadLists } = useOffice();
  const [editing, setEditing] = useState<string>();
  const mayChange = officer.unit === null;
  const columns: Array<Column<Cohort>> = [
    { key: 'name', label: t('cohorts.name'), value: (c) => c.name, render: (c) => <a href={`/office?cohort=${c.id}`}>{c.name}</a> },
    { key: 'start', label: t('cohorts.startsOn'), value: (c) => c.startsOn, render: (c) => date(c.startsOn, lng) },
    { key: 'end', label: t('cohorts.endsOn'), value: (c) => c.endsOn, render: (c) => date(c.endsOn, lng) },
    { key: 'trainees', label: t('groups.trainees'), value: (c) => c.trainees, render: (c) => count(c.trainees, lng), numeric: true },
    ...(mayChange
      ? [{ key: 'edit', label: t('common.change'), value: () => null, csv: false as const, render: (c: Cohort) => <button type="button" aria-expanded={editing === c.id} onClick={() => setEditing(editing === c.id ? undefined : c.id)}>{t('cohorts.edit', { name: c.name })}</button> }]
      : []),
  ];
  const editingCohort = cohorts.find((c) => c.id === editing);
  return (
    <>
      <PageTitle title={t('nav.cohorts')}>{t('nav.cohorts')}</PageTitle>
      <DataTable caption={t('cohorts.caption')} columns={columns} rows={cohorts} rowKey={(c) => c.id} sort={{ key: 'start', descending: true }} empty={t('cohorts.none')} download="egov-learn-cohorts" />
      {editingCohort && (
        <section aria-labelledby="edit-cohort">
          <h2 id="edit-cohort">{t('cohorts.edit', { name: editingCohort.name })}</h2>
          <CohortForm key={editingCohort.id} initial={editingCohort} label={t('cohorts.edit', { name: editingCohort.name })} onSave={async (input) => {
            await api('PUT', `/cohorts/${editingCohort.id}`, input);
            setEditing(undefined);
            reloadLists();
          }} />
        </section>
      )}
      {mayChange ? (
        <section aria-labelledby="new-cohort">
          <h2 id="new-cohort">{t('cohorts.new')}</h2>
          <CohortForm label={t('cohorts.new')} onSave={async (input) => {
            await api('POST', '/cohorts', input);
            reloadLists();
          }} />
        </section>
      ) : (
        <p class="hint">{t('common.programmeOnly')}</p>
      )}
    </>
  );
}
