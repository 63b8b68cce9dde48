import { useEnrolment } from '../../hooks/use-enrolment.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Who this phone studies for once enrolled; before that, what enrolment is for and the way to it (offline too). */
export function WhoAmI() {
  const { t } = useTranslation();
  const trainee = useEnrolment();
  if (trainee === undefined) return <p class="placeholder" aria-hidden="true">…</p>;
  if (trainee) {
    return (
      <dl class="facts" data-testid="who-am-i">
        <dt>{t('me:who.name')}</dt>
        <dd>{trainee.name}</dd>
        <dt>{t('me:who.unit')}</dt>
        <dd>{trainee.unit}</dd>
      </dl>
    );
  }
  return (
    <div data-testid="who-am-i">
      <p>{t('me:who.notEnrolled')}</p>
      <p>
        <a class="button-link primary" href="/enrol">
          {t('me:who.enrol')}
        </a>
      </p>
      <p class="hint">{t('me:who.needsNetwork')}</p>
    </div>
  );
}
