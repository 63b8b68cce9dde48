import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';

export function NotFound() {
  const { t } = useTranslation();
  useScreen({ title: t('screens.notFound') });
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href="/" class="button-link">
          {t('notFound.home')}
        </a>
      </p>
    </section>
  );
}
