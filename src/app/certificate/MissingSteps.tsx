import { type CompletionCourse, courseCompletion } from '../../shared/completion/course-completion.ts';
import { course } from '../content/course.ts';
import { useCourseProgress } from '../hooks/use-progress.ts';
import { Both } from './Both.tsx';
import type { BothLanguages } from './certificate-strings.ts';

// Every lesson of the app's course has a quiz (the build refuses one without).
const completionCourse: CompletionCourse = {
  lessons: course.lessons.map((l) => ({ id: l.id, sections: l.sectionIds, quiz: true, formerIds: l.formerIds, formerSectionIds: l.formerSectionIds })),
};

/** Before the record: what is still missing, from the phone's own progress, offline, by the server's rule. */
export function MissingSteps({ t }: { t: BothLanguages }) {
  const progress = useCourseProgress();
  if (!progress) return <Both t={t} k="none.loading" as="p" class="placeholder" />;
  const completion = courseCompletion(completionCourse, progress);
  return (
    <section class="certificate-missing" data-testid="certificate-missing">
      <h1 tabIndex={-1}>
        <Both t={t} k="none.title" />
      </h1>
      {completion.complete ? (
        <Both t={t} k="none.waiting" as="p" />
      ) : (
        <>
          <Both t={t} k="none.intro" as="p" />
          <ul>
            {completion.missing.lessons.map((m) => {
              const title = course.lessons.find((l) => l.id === m.lessonId)!.title;
              const lesson = { vi: { lesson: title.vi }, en: { lesson: title.en } };
              return (
                <li key={m.lessonId}>
                  <a href={`/lessons/${m.lessonId}`}>
                    {m.unreadSections.length > 0 && (
                      <Both t={t} k="none.unread" options={{ vi: { ...lesson.vi, count: m.unreadSections.length }, en: { ...lesson.en, count: m.unreadSections.length } }} />
                    )}
                    {!m.quizPassed && <Both t={t} k="none.quiz" options={lesson} />}
                  </a>
                </li>
              );
            })}
            {!completion.missing.finalAssessmentPassed && (
              <li>
                <Both t={t} k="none.final" />
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
