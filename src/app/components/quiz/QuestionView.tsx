import type { QuizQuestion } from '../../../shared/lesson.ts';
import { optionOrder } from '../../../shared/quiz-order.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Bilingual } from '../reader/Bilingual.tsx';
import type { ReadingMode } from '../../settings/reading-prefs.ts';

interface Props {
  question: QuizQuestion;
  number: number;
  total: number;
  mode: ReadingMode;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  /** Once checked, the options are locked and each shows whether it was right. */
  checked: boolean;
  /**
   * The attempt's shuffle seed: the options show in `optionOrder(question, seed)`. Without one
   * (an attempt recorded before shuffling) they show in file order, as that attempt saw them.
   */
  seed?: number | undefined;
}

/** One question as a fieldset of radio buttons (single) or checkboxes (multiple). */
export function QuestionView({ question, number, total, mode, chosen, onChange, checked, seed }: Props) {
  const { t } = useTranslation();
  const single = question.kind === 'single';
  const toggle = (id: string, on: boolean) =>
    onChange(single ? [id] : on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset class="quiz-question" tabIndex={-1}>
      <legend>
        <span class="quiz-count">{t('lesson:quiz.questionOf', { number, total })}</span>
        <Bilingual text={question.prompt} mode={mode} />
      </legend>
      <p class="quiz-hint">{t(single ? 'lesson:quiz.chooseOne' : 'lesson:quiz.chooseAll')}</p>
      <ul class="quiz-options">
        {(seed === undefined ? question.options : optionOrder(question, seed)).map((o) => {
          const picked = chosen.includes(o.id);
          const verdict = checked && (o.correct ? 'right' : picked ? 'wrong' : undefined);
          return (
            <li key={o.id} class={verdict ? `is-${verdict}` : undefined}>
              <label>
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={`q-${question.id}`}
                  value={o.id}
                  checked={picked}
                  disabled={checked}
                  onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                />
                <span class="option-text">
                  <Bilingual text={o} mode={mode} />
                </span>
                {verdict && (
                  <span class="verdict">
                    <span aria-hidden="true">{verdict === 'right' ? '✓' : '✗'}</span>
                    <span class="sr-only">{t(verdict === 'right' ? 'lesson:quiz.correctOption' : 'lesson:quiz.wrongChoice')}</span>
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
