import { useState } from 'preact/hooks';
import { CourseDownload } from '../components/CourseDownload.tsx';
import { CourseList } from '../components/reader/CourseList.tsx';
import { CourseNav } from '../components/reader/CourseNav.tsx';
import { course } from '../content/course.ts';
import { useCourseProgress } from '../hooks/use-progress.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export function Home() {
  const { t } = useTranslation();
  const progress = useCourseProgress();
  const [offline, setOffline] = useState<ReadonlySet<string>>(new Set());
  return (
    <section class="home" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <CourseNav />
      <h2>{t('home.courseHeading')}</h2>
      <CourseDownload lessons={course.lessons} onOffline={setOffline} />
      <CourseList lessons={course.lessons} progress={progress} offline={offline} />
    </section>
  );
}
