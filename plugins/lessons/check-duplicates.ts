import type { QuizQuestion } from '../../src/shared/lesson.ts';
import { questionName } from './check-quiz.ts';
import type { Problems } from './content-error.ts';
import { displayPath } from './content-error.ts';

/** The questions of one file (a lesson's quiz.yaml or final-assessment.yaml), in file order. */
export interface QuestionFile {
  file: string;
  questions: readonly QuizQuestion[];
}

/**
 * A prompt as compared for repeats: same letters and digits, whatever the case, spacing,
 * punctuation or Unicode composition of the diacritics.
 */
export const normalisedPrompt = (prompt: string) =>
  prompt.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();

/**
 * No question is asked twice in the course: a prompt (in either language) that repeats one
 * earlier in the same or another file (lesson quizzes, then the final assessment's pool) is a
 * problem for the later file, naming the earlier question.
 */
export function checkRepeatedPrompts(files: readonly QuestionFile[], problems: Problems) {
  const seen = new Map<string, string>();
  for (const { file, questions } of files) {
    questions.forEach((q, i) => {
      const here = `${displayPath(file)} ${questionName(q, i)}`;
      for (const lang of ['vi', 'en'] as const) {
        const key = `${lang}:${normalisedPrompt(q.prompt[lang])}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, here);
        else if (first !== here) {
          problems.add(file, `${questionName(q, i)} repeats ${first}: "${q.prompt[lang]}"; ask each question once in the course`);
        }
      }
    });
  }
}
