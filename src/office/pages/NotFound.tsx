import { PageTitle } from '../components/Layout.tsx';
import { useT } from '../i18n.ts';

export function NotFound() {
  const { t } = useT();
  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>
        <a href="/office">{t('notFound.back')}</a>
      </p>
    </>
  );
}
