import { useLive } from '../hooks/use-live.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** The record's "YYYY-MM-DD" as the UI language writes a date. */
function shownDate(isoDate: string, lng: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** The Me screen's way to the certificate: kept on the phone, so it shows offline; before it, what is missing. */
export function CertificateLink() {
  const { t, lng } = useTranslation();
  const kept = useLive((data) => data.completionRecord(), []);
  if (kept === undefined) return null;
  if (kept === null) {
    return (
      <p>
        <a class="button-link" href="/me/certificate">
          {t('me:certificate.notYet')}
        </a>
      </p>
    );
  }
  return (
    <div data-testid="me-certificate">
      <p>
        <a class="button-link primary" href="/me/certificate">
          {t(kept.revokedAt ? 'me:certificate.openRevoked' : 'me:certificate.open')}
        </a>
      </p>
      <p class="hint">{t('me:certificate.completedOn', { date: shownDate(kept.record.completed, lng) })}</p>
    </div>
  );
}
