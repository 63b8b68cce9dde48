import { useTranslation } from '../i18n/use-translation.ts';

export function Home() {
  const { t } = useTranslation();
  return (
    <section class="home" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <h2>{t('home.courseHeading')}</h2>
      <p class="placeholder" data-testid="course-list">{t('home.courseSoon')}</p>
    </section>
  );
}
