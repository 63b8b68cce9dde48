import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Enrolled } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { PageTitle } from '../components/Layout.tsx';
import { useOffice } from '../components/office-context.ts';
import { PlaceSelect } from '../components/PlaceSelect.tsx';
import { FailureMessage } from '../components/Status.tsx';
import { useT } from '../i18n.ts';
import { holdForSheets } from '../sheets-store.ts';
import { CohortChoice, CsvUpload } from './CsvUpload.tsx';

/** Enrol one trainee, or a CSV of them; then print each one's enrolment sheet. */
export function Enrol() {
  const { t } = useT();
  const { officer, places } = useOffice();
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState(officer.unit ?? '');
  const [placeId, setPlaceId] = useState('');
  const [cohortIds, setCohortIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const [enrolled, setEnrolled] = useState<Enrolled[]>([]);
  const add = (more: Enrolled[]) => setEnrolled((list) => [...list, ...more]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      add([await api<Enrolled>('POST', '/trainees', { name, unit, placeId, cohortIds })]);
      setName('');
    } catch (failure) {
      setProblem(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'internal'));
    }
    setBusy(false);
  };
  const print = () => {
    holdForSheets(enrolled);
    route('/office/sheets');
  };
  return (
    <>
      <PageTitle title={t('enrol.title')}>{t('enrol.title')}</PageTitle>
      <p>{t('enrol.intro')}</p>
      <section aria-labelledby="one-title">
        <h2 id="one-title">{t('enrol.one')}</h2>
        <form class="stack" onSubmit={submit}>
          <div class="field">
            <label for="enrol-name">{t('trainees.name')}</label>
            <input id="enrol-name" required maxLength={120} autocomplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="enrol-unit">{t('trainees.unit')}</label>
            <input id="enrol-unit" required maxLength={160} readOnly={officer.unit !== null} aria-describedby={officer.unit ? 'unit-fixed' : undefined} value={unit} onInput={(e) => setUnit(e.currentTarget.value)} />
            {officer.unit && <p id="unit-fixed" class="hint">{t('enrol.unitFixed')}</p>}
          </div>
          <div class="field">
            <label for="enrol-place">{t('trainees.place')}</label>
            <PlaceSelect id="enrol-place" places={places} value={placeId} onChange={setPlaceId} empty={t('enrol.choosePlace')} required />
          </div>
          <CohortChoice legend={t('detail.cohorts')} chosen={cohortIds} onChange={setCohortIds} />
          {problem && <FailureMessage failure={problem} />}
          <button type="submit" class="primary" disabled={busy}>
            {t('enrol.submit')}
          </button>
        </form>
      </section>
      <CsvUpload onEnrolled={add} />
      <section aria-labelledby="done-title" aria-live="polite">
        <h2 id="done-title">{t('enrol.done', { n: enrolled.length })}</h2>
        {enrolled.length > 0 && (
          <>
            <ul>
              {enrolled.map((e) => (
                <li key={e.trainee.id}>
                  <a href={`/office/trainees/${e.trainee.id}`}>{e.trainee.name}</a> · {e.trainee.unit}
                </li>
              ))}
            </ul>
            <button type="button" class="primary" onClick={print}>
              {t('enrol.printSheets', { n: enrolled.length })}
            </button>
          </>
        )}
      </section>
    </>
  );
}
