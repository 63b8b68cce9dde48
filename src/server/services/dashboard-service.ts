import type { Catalogue } from '../../shared/catalogue.ts';
import { FINAL_ASSESSMENT_ID } from '../../shared/lesson.ts';
import type { FunnelRow, GroupBy, GroupRow, Overview, QuestionRow, TraineeDetail } from '../../shared/office-api.ts';
import type { OfficeCourse } from '../../shared/office-course.ts';
import { parseHlc } from '../../shared/hlc.ts';
import type { CurrentCatalogue } from '../course/catalogue-index.ts';
import type { CurrentOfficeCourse } from '../course/office-course-file.ts';
import type { Repositories } from '../repositories/repositories.ts';
import type { TraineeFilter } from '../repositories/trainee-filter.ts';

export interface DashboardDeps {
  repositories: Repositories;
  catalogue: CurrentCatalogue;
  officeCourse: CurrentOfficeCourse;
  now: () => number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const lessonsOf = (catalogue: Catalogue) => catalogue.lessons.filter((l) => l.id !== FINAL_ASSESSMENT_ID);
const textsOf = (course: OfficeCourse | undefined, lessonId: string) => course?.lessons.find((l) => l.id === lessonId);

/** The overview's figures for the filter's trainees. */
export async function overview(deps: DashboardDeps, filter: TraineeFilter): Promise<Overview> {
  const since = new Date(deps.now() - WEEK_MS).toISOString();
  const counts = await deps.repositories.dashboard.overview(filter, since);
  return {
    enrolled: counts.enrolled,
    activeLast7Days: counts.active,
    completed: counts.completed,
    certificates: await deps.repositories.dashboard.certificatesIssued(filter),
    devicesNotSynced7Days: counts.devicesNotSynced,
  };
}

/**
 * One row per unit or place: trainees, completion rate (lessons completed out of every lesson of
 * every trainee in the group), average best quiz score, last activity.
 */
export async function groups(deps: DashboardDeps, filter: TraineeFilter, by: GroupBy): Promise<GroupRow[]> {
  const lessonCount = lessonsOf(deps.catalogue().catalogue).length;
  const sums = await deps.repositories.dashboard.groups(filter, by);
  return sums.map((g) => ({
    key: g.key,
    trainees: g.trainees,
    completionRate: lessonCount && g.trainees ? g.lessonsCompleted / (g.trainees * lessonCount) : null,
    averageScore: g.scored ? g.scoreSum / g.scored : null,
    lastActivityAt: g.lastActivityAt,
  }));
}

/** For each lesson in course order (the final assessment last): opened, every section read, quiz passed. */
export async function funnel(deps: DashboardDeps, filter: TraineeFilter): Promise<FunnelRow[]> {
  const { catalogue } = deps.catalogue();
  const texts = deps.officeCourse();
  const counts = await deps.repositories.dashboard.lessonCounts(filter);
  return catalogue.lessons.map((lesson) => {
    const rows = counts.filter((c) => c.lessonId === lesson.id);
    const sum = (keep: (c: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((n, c) => n + c.trainees, 0);
    return {
      lessonId: lesson.id,
      title: textsOf(texts, lesson.id)?.title ?? null,
      opened: sum(() => true),
      allSectionsRead: sum((c) => c.sectionsRead >= lesson.sections.length),
      quizPassed: sum((c) => c.passed),
    };
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Every question someone has answered, hardest first: the share of trainees right at their first
 * attempt, and the wrong option chosen most often at first attempts. Without the build's answer
 * key (office-course.json) neither can be told, and both are null.
 */
export async function questions(deps: DashboardDeps, filter: TraineeFilter): Promise<QuestionRow[]> {
  const { catalogue } = deps.catalogue();
  const texts = deps.officeCourse();
  const counts = await deps.repositories.dashboard.firstAnswerCounts(filter);
  const rows = catalogue.lessons.flatMap((lesson) =>
    lesson.questions.flatMap((question): QuestionRow[] => {
      const answers = counts.filter((c) => c.lessonId === lesson.id && c.questionId === question.id);
      const firstAttempts = answers.reduce((n, c) => n + c.trainees, 0);
      if (firstAttempts === 0) return [];
      const lessonTitle = textsOf(texts, lesson.id)?.title ?? null;
      const text = textsOf(texts, lesson.id)?.questions.find((q) => q.id === question.id);
      if (!text) return [{ lessonId: lesson.id, questionId: question.id, lessonTitle, prompt: null, firstAttempts, rightFirstTime: null, mostChosenWrong: null }];
      const right = answers.filter((a) => sameSet(a.options, text.correct)).reduce((n, c) => n + c.trainees, 0);
      const wrong = new Map<string, number>();
      for (const a of answers) for (const option of a.options) if (!text.correct.includes(option)) wrong.set(option, (wrong.get(option) ?? 0) + a.trainees);
      const worst = text.options.map((o) => ({ option: o, count: wrong.get(o.id) ?? 0 })).reduce<{ option: (typeof text.options)[number]; count: number } | null>(
        (best, x) => (x.count > (best?.count ?? 0) ? x : best),
        null,
      );
      return [{
        lessonId: lesson.id,
        questionId: question.id,
        lessonTitle,
        prompt: text.prompt,
        firstAttempts,
        rightFirstTime: right / firstAttempts,
        mostChosenWrong: worst && { optionId: worst.option.id, text: { vi: worst.option.vi, en: worst.option.en }, count: worst.count },
      }];
    }),
  );
  return rows.sort((a, b) => (a.rightFirstTime ?? 2) - (b.rightFirstTime ?? 2));
}

/** One trainee's page: lessons in course order, devices, cohorts, and how many notes (never their text). */
export async function traineeDetail(deps: DashboardDeps, traineeId: string): Promise<TraineeDetail | undefined> {
  const { repositories } = deps;
  const trainee = await repositories.officeTrainees.row(traineeId);
  if (!trainee) return undefined;
  const { catalogue } = deps.catalogue();
  const texts = deps.officeCourse();
  const rows = await repositories.dashboard.lessonsOf(traineeId);
  const lessons = catalogue.lessons.flatMap((lesson) => {
    const row = rows.find((r) => r.lessonId === lesson.id);
    if (!row) return [];
    return [{
      lessonId: lesson.id,
      title: textsOf(texts, lesson.id)?.title ?? null,
      sectionsRead: row.sectionsRead,
      sectionsTotal: lesson.sections.length,
      completed: row.completed,
      attempts: row.attempts,
      bestScore: row.bestScore,
      passed: row.passed,
      lastActivityAt: new Date(parseHlc(row.lastAt).wall).toISOString(),
    }];
  });
  return {
    trainee,
    cohorts: await repositories.cohorts.cohortsOf(traineeId),
    lessons,
    devices: await repositories.officeTrainees.devices(traineeId),
    notes: await repositories.officeTrainees.noteCount(traineeId),
  };
}
