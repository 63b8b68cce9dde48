import type { QuestionRow } from '../../shared/office-api.ts';
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

/** The questions trainees get wrong most at their first attempt, and the wrong answer they choose. */
export function Questions() {
  const { t, lng } = useT();
  const query = queryOf(useFilters());
  const { data, failure } = useResource(() => api<QuestionRow[]>('GET', `/questions${query}`), query);
  const columns: Array<Column<QuestionRow>> = [
    { key: 'question', label: t('questions.question'), value: (r) => r.prompt?.[lng] ?? r.questionId },
    { key: 'right', label: t('questions.rightFirstTime'), value: (r) => r.rightFirstTime, render: (r) => percent(r.rightFirstTime, lng), numeric: true },
    { key: 'answered', label: t('questions.answered'), value: (r) => r.firstAttempts, render: (r) => count(r.firstAttempts, lng), numeric: true },
    { key: 'wrong', label: t('questions.mostChosenWrong'), value: (r) => r.mostChosenWrong?.text?.[lng] ?? r.mostChosenWrong?.optionId ?? null },
    { key: 'wrongCount', label: t('questions.chosenBy'), value: (r) => r.mostChosenWrong?.count ?? null, numeric: true },
    { key: 'lesson', label: t('questions.lesson'), value: (r) => r.lessonTitle?.[lng] ?? r.lessonId },
  ];
  return (
    <>
      <PageTitle title={t('nav.questions')}>{t('nav.questions')}</PageTitle>
      <FilterBar />
      <p class="actions">
        <ExportLink table="questions" label={t('nav.questions')} />
      </p>
      {failure && <FailureMessage failure={failure} />}
      {!data && !failure && <Loading />}
      {data && <DataTable caption={t('questions.caption')} columns={columns} rows={data} rowKey={(r) => `${r.lessonId}/${r.questionId}`} sort={{ key: 'right', descending: false }} />}
      <p class="hint">{t('questions.explain')}</p>
    </>
  );
}
