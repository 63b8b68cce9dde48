import { EnrolForm } from '../components/EnrolForm.tsx';
import { useTranslation } from '../i18n/use-translation.ts';

/** /enrol: what enrolment is for, and the form. */
export function Enrol() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('sync:enrol.title')}</h1>
      <p>{t('sync:enrol.intro')}</p>
      <EnrolForm />
    </section>
  );
}
