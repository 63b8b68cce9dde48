import { useTranslation } from '../i18n/use-translation.ts';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
