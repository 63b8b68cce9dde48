import { useLive } from '../hooks/use-live.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';
import stylesheet from './certificate.css?url';
import { CertificateSheet } from './CertificateSheet.tsx';
import { bothLanguages } from './certificate-strings.ts';
import { Both } from './Both.tsx';
import { MissingSteps } from './MissingSteps.tsx';

/** Where a record is checked: the record rides in the fragment, which browsers never send to a server. */
export const verifyUrlOf = (jws: string): string => `${location.origin}/verify#${jws}`;

/**
 * The trainee's certificate, from the record kept on the phone (so it shows offline), with its
 * QR code and "Print / Save PDF"; before there is one, what is still missing.
 */
export function CertificatePage() {
  const t = bothLanguages();
  const { t: ui } = useTranslation();
  useScreen({ title: ui('certificate:title'), back: '/me' });
  // undefined while the data layer loads; null when the phone keeps no record.
  const kept = useLive((data) => data.completionRecord(), []);
  return (
    <div class="certificate-screen">
      {/* Its own stylesheet, never part of the first load's; the print rules are in it. */}
      <link rel="stylesheet" href={stylesheet} />
      {kept === undefined ? (
        <Both t={t} k="none.loading" as="p" class="placeholder" />
      ) : kept === null ? (
        <MissingSteps t={t} />
      ) : (
        <>
          <CertificateSheet kept={kept} verifyUrl={verifyUrlOf(kept.jws)} t={t} />
          <div class="certificate-actions">
            <button type="button" class="primary" onClick={() => window.print()}>
              <Both t={t} k="print" />
            </button>
            <a class="button-link" href={`/verify#${kept.jws}`} data-testid="certificate-verify-link">
              <Both t={t} k="openVerify" />
            </a>
          </div>
        </>
      )}
    </div>
  );
}
