import { useState } from 'preact/hooks';
import { ContinueCard } from '../components/home/ContinueCard.tsx';
import { CourseSummary } from '../components/home/CourseSummary.tsx';
import { FinalAssessmentCard } from '../components/home/FinalAssessmentCard.tsx';
import { loadLastRead } from '../components/reader/last-read.ts';
import { CourseList } from '../components/reader/CourseList.tsx';
import { course } from '../content/course.ts';
import { useCourseProgress } from '../hooks/use-progress.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { CourseDownloadSlot } from '../offline/CourseDownloadSlot.tsx';
import { useScreen } from '../shell/screen.ts';

/**
 * The Lessons tab: a welcome until the first lesson is opened, then "continue" where the trainee
 * left off; the course's progress and the suggested next step; the lessons themselves, then the
 * final assessment.
 */
export function Home() {
  const { t } = useTranslation();
  useScreen({ title: t('screens.home') });
  const progress = useCourseProgress();
  const [lastRead] = useState(loadLastRead);
  const [offline, setOffline] = useState<ReadonlySet<string>>(new Set());
  return (
    <div class="home">
      {lastRead ? (
        <>
          <h1>{t('home.lessonsTitle')}</h1>
          <ContinueCard place={lastRead} />
        </>
      ) : (
        <>
          <h1>{t('home.title')}</h1>
          <p class="lead">{t('home.intro')}</p>
        </>
      )}
      <CourseSummary lessons={course.lessons} progress={progress} />
      <h2>{t('home.courseHeading')}</h2>
      <CourseList lessons={course.lessons} progress={progress ?? {}} offline={offline} />
      <FinalAssessmentCard progress={progress} />
      {/* Below the list: its states come and go after the first paint without moving a lesson. */}
      <CourseDownloadSlot lessons={course.lessons} onOffline={setOffline} />
    </div>
  );
}
