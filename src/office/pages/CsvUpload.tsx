import { useState } from 'preact/hooks';
import type { Enrolled } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { useOffice } from '../components/office-context.ts';
import { FailureMessage } from '../components/Status.tsx';
import { useT } from '../i18n.ts';

/** Checkboxes for the cohorts to put new trainees in. */
export function CohortChoice({ legend, chosen, onChange }: { legend: string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { cohorts } = useOffice();
  if (cohorts.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {cohorts.map((c) => (
        <label key={c.id} class="check">
          <input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} />
          {c.name}
        </label>
      ))}
    </fieldset>
  );
}

/** A spreadsheet saved as CSV (name, unit, province): all of it is enrolled, or every problem is listed by row. */
export function CsvUpload({ onEnrolled }: { onEnrolled: (enrolled: Enrolled[]) => void }) {
  const { t } = useT();
  const [file, setFile] = useState<File>();
  const [cohortIds, setCohortIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<ApiFailure>();
  const [notText, setNotText] = useState(false);
  const [busy, setBusy] = useState(false);
  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setProblem(undefined);
    setNotText(false);
    let csv: string;
    try {
      // Excel's plain "CSV" is not UTF-8 and would turn Vietnamese letters into others: say so instead.
      csv = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return setNotText(true);
    }
    setBusy(true);
    try {
      onEnrolled((await api<{ enrolled: Enrolled[] }>('POST', '/trainees/import', { csv, cohortIds })).enrolled);
    } catch (failure) {
      setProblem(failure instanceof ApiFailure ? failure : new ApiFailure(0, 'internal'));
    }
    setBusy(false);
  };
  const rowProblems = problem?.issues.filter((i) => i.code) ?? [];
  const describe = (issue: ApiFailure['issues'][number]) => {
    const text = t(`enrol.problems.${issue.code}`);
    const [, row, column] = issue.path;
    return row === undefined ? text : t('enrol.rowProblem', { row, column: t(`enrol.columns.${String(column)}`), problem: text });
  };
  return (
    <section aria-labelledby="csv-title">
      <h2 id="csv-title">{t('enrol.csv')}</h2>
      <p id="csv-format">{t('enrol.csvFormat')}</p>
      <form class="stack" onSubmit={upload}>
        <div class="field">
          <label for="csv-file">{t('enrol.csvFile')}</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" required aria-describedby="csv-format" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </div>
        <CohortChoice legend={t('enrol.csvCohorts')} chosen={cohortIds} onChange={setCohortIds} />
        {notText && (
          <p class="failure" role="alert">
            {t('enrol.notUtf8')}
          </p>
        )}
        {problem && rowProblems.length === 0 && <FailureMessage failure={problem} />}
        {rowProblems.length > 0 && (
          <div class="failure" role="alert">
            <p>{t('enrol.csvRefused', { n: rowProblems.length })}</p>
            <ul data-testid="row-problems">
              {rowProblems.map((issue) => (
                <li key={issue.path.join('.')}>{describe(issue)}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" class="primary" disabled={busy || !file}>
          {t('enrol.upload')}
        </button>
      </form>
    </section>
  );
}
