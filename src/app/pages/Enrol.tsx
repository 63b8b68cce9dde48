import { EnrolForm } from '../components/sync/EnrolForm.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';

/** /enrol: what enrolment is for, and the form (reachable offline; it says it needs a connection). */
export function Enrol() {
  const { t } = useTranslation();
  useScreen({ title: t('screens.enrol'), back: '/me' });
  return (
    <section>
      <h1>{t('sync:enrol.title')}</h1>
      <p>{t('sync:enrol.intro')}</p>
      <EnrolForm />
    </section>
  );
}
