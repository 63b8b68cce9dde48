import { useEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { Quiz } from '../components/quiz/Quiz.tsx';
import { Bilingual } from '../components/reader/Bilingual.tsx';
import { LessonProgressLine } from '../components/reader/LessonProgressLine.tsx';
import { LessonNote } from '../components/reader/LessonNote.tsx';
import { LessonReader } from '../components/reader/LessonReader.tsx';
import { LessonSources } from '../components/reader/LessonSources.tsx';
import { loadPosition } from '../components/reader/reading-position.ts';
import { LoadProblem } from '../components/reader/LoadProblem.tsx';
import { PrevNext } from '../components/reader/PrevNext.tsx';
import { course, lessonSummary } from '../content/course.ts';
import { lessonStatus, readyToComplete } from '../content/lesson-status.ts';
import { loadLesson } from '../content/loaders.ts';
import { useLoaded } from '../content/use-loaded.ts';
import { useLessonProgress } from '../hooks/use-progress.ts';
import { nextTask, releaseBackgroundWork } from '../background-work.ts';
import { act } from '../data-layer.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useReadingPrefs } from '../settings/reading-prefs.ts';
import { useScreen } from '../shell/screen.ts';
import { NotFound } from './NotFound.tsx';

/** /lessons/:id — the reader, the quiz, the note, sources and previous/next. `?section=` opens at a section, `?at=note` at the note. */
export function LessonPage() {
  const { params, query } = useRoute();
  const id = params.id ?? '';
  const summary = lessonSummary(id);
  return summary ? <LessonScreen key={id} id={id} startAt={query.section} atNote={query.at === 'note'} /> : <NotFound />;
}

/** How much of a lesson opened at its note is drawn: all of it at once. */
const WHOLE = Number.POSITIVE_INFINITY;

/** The index of the section a lesson opens at (0, its first, when the id is unknown or none is given). */
const openingSection = (sections: readonly { id: string }[], sectionId: string | undefined) =>
  Math.max(0, sectionId === undefined ? 0 : sections.findIndex((s) => s.id === sectionId));

function LessonScreen({ id, startAt, atNote }: { id: string; startAt?: string | undefined; atNote: boolean }) {
  const { t, lng } = useTranslation();
  const summary = lessonSummary(id)!;
  const { mode, size } = useReadingPrefs();
  useScreen({ title: summary.title[lng], back: '/', barTitle: t('screens.lesson', { order: summary.order, total: course.lessons.length }) });
  const loaded = useLoaded(id, () => loadLesson(id));
  const progress = useLessonProgress(id);
  const status = lessonStatus(summary, progress);
  const reported = useRef(new Set<string>());
  // A link from the bottom of the previous lesson must not open this one half way down.
  useEffect(() => window.scrollTo(0, 0), []);
  // Drawing the whole lesson (its sections, the quiz, the note) before the first paint kept its
  // text off screen for the time of all of it, and made one long task: a lesson is drawn in
  // steps, each after the previous one's paint: the sections up to the one it opens at (its first,
  // a search result's or bookmark's, or where the trainee left off) at once, so that one can be
  // scrolled to, then each further section, the quiz, and last the note, the sources and
  // previous/next (steps 0 to n + 1 for n sections). One opened at the note is drawn whole.
  const [stepsDone, setStepsDone] = useState(atNote ? WHOLE : 0);
  // Read once: the place moves as the trainee scrolls.
  const [leftOffAt] = useState(() => loadPosition(id)?.sectionId);
  const sectionCount = loaded.status === 'ready' ? loaded.data.sections.length : 0;
  const lastStep = loaded.status === 'ready' ? sectionCount + 1 : 0;
  const opensAt = loaded.status === 'ready' ? openingSection(loaded.data.sections, startAt ?? leftOffAt) : 0;
  const drawn = Math.max(stepsDone, opensAt);
  // The text (or why it could not load) is on screen: the app's background work may start.
  useEffect(() => {
    if (loaded.status !== 'loading') releaseBackgroundWork();
    if (loaded.status === 'ready' && atNote) document.getElementById('note-title')?.scrollIntoView({ block: 'start' });
  }, [loaded.status]);
  useEffect(() => {
    if (loaded.status === 'loading' || drawn >= lastStep) return;
    // The next step in a task of its own: the effects of the one just painted (the reading place
    // put back, the observers set up) lay the page out, and with the next step's render they made
    // one long task on a slow phone.
    let live = true;
    void nextTask().then(() => live && setStepsDone(drawn + 1));
    return () => {
      live = false;
    };
  }, [loaded.status, drawn]);
  const whole = drawn >= lastStep;

  // Recorded once per lesson visit: the merge rules make a repeat harmless, but it would be noise.
  useEffect(() => {
    if (readyToComplete(status) && !reported.current.has('#completed')) {
      reported.current.add('#completed');
      void act((data) => data.completeLesson(id));
    }
  });
  const onSectionRead = (sectionId: string) => {
    if (reported.current.has(sectionId)) return;
    reported.current.add(sectionId);
    void act((data) => data.markSectionRead(id, sectionId));
  };

  return (
    <article class="lesson" aria-labelledby="lesson-title">
      <h1 id="lesson-title">
        <Bilingual text={summary.title} mode={mode} />
      </h1>
      <p class="meta">{t('lesson:list.minutes', { count: summary.minutes })}</p>
      <LessonProgressLine status={status} label={t('lesson:progress.label', { title: summary.title[mode === 'en' ? 'en' : 'vi'] })} />
      {loaded.status === 'loading' && <p class="placeholder">{t('lesson:load.loading')}</p>}
      {loaded.status === 'error' && <LoadProblem code={loaded.code} retry={loaded.retry} />}
      {loaded.status === 'ready' && (
        <>
          <LessonReader
            lesson={loaded.data}
            mode={mode}
            size={size}
            sectionsRead={progress?.sectionsRead ?? []}
            onSectionRead={onSectionRead}
            bookmarks={progress?.bookmarks}
            onBookmark={(sectionId, on) => void act((data) => data.setBookmark(id, sectionId, on))}
            startAt={startAt}
            keepPlace={!atNote}
            sectionsShown={drawn >= sectionCount ? undefined : drawn + 1}
          />
          {/* Room below a place further down until the rest is drawn: without it, a place in the
              last section drawn could not be scrolled to the top of the screen. */}
          {opensAt > 0 && !whole && <div class="drawing-room" aria-hidden="true" />}
          {drawn >= sectionCount && (
            <section class="lesson-quiz" aria-labelledby="quiz-title">
              <h2 id="quiz-title">{t('lesson:quiz.title')}</h2>
              <p>{t('lesson:quiz.intro', { count: loaded.data.quiz.questions.length, mark: Math.round(loaded.data.quiz.passMark * 100) })}</p>
              <Quiz quiz={loaded.data.quiz} mode={mode} onFinish={(answers, score, passed, seed) => void act((data) => data.answerQuiz(id, answers, score, passed, seed))} />
            </section>
          )}
          {whole && (
            <>
              <LessonNote saved={progress?.note ?? ''} onSave={(text) => void act((data) => data.saveNote(id, text))} />
              <LessonSources sources={loaded.data.sources} mode={mode} />
            </>
          )}
        </>
      )}
      {/* After the text: above the placeholder it would jump down when the text arrives. */}
      {loaded.status !== 'loading' && whole && <PrevNext id={id} />}
    </article>
  );
}
