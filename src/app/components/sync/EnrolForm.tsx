import { useEffect, useRef, useState } from 'preact/hooks';
import type { EnrolError } from '../../../data/phone-data.ts';
import { requestPersistentStorage } from '../../../data/storage-info.ts';
import { act } from '../../data-layer.ts';
import { useEnrolment } from '../../hooks/use-enrolment.ts';
import { useOnline } from '../../hooks/use-online.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import './sync.css';

/**
 * The code an enrolment sheet's QR code brings (`/enrol#code=…`), in the fragment so that it never
 * reaches a server log. Read once, then dropped from the address, so it stays in neither the
 * history nor a bookmark; the trainee still confirms with the button.
 */
function codeFromAddress(): string {
  const code = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  if (code) history.replaceState(history.state, '', location.pathname + location.search);
  return code;
}

/**
 * The one-time enrolment code, entered while online (or filled in from the sheet's QR code). Offline, the button says it is waiting for
 * a connection instead of failing; a refused code gets a message from its error code, and focus
 * moves to it. Right after the first enrolment the app asks to keep its data, saying why.
 */
export function EnrolForm() {
  const { t } = useTranslation();
  const online = useOnline();
  const trainee = useEnrolment();
  const [code, setCode] = useState(codeFromAddress);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<EnrolError | null>(null);
  const [justEnrolled, setJustEnrolled] = useState(false);
  const errorLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) errorLine.current?.focus();
  }, [error]);

  if (trainee) {
    return (
      <div data-testid="enrolled">
        <p>{t('sync:enrol.done', { name: trainee.name, unit: trainee.unit })}</p>
        {justEnrolled && <p class="hint">{t('sync:enrol.persistReason')}</p>}
      </div>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await act((data) => data.enrol(code));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    // A moment the trainee understands: their progress now matters to the programme. The reason
    // is on screen while the browser decides (Firefox asks the trainee; Chromium decides alone).
    setJustEnrolled(true);
    void requestPersistentStorage().catch(() => false);
  };

  return (
    <form class="enrol-form" onSubmit={submit} noValidate>
      <label for="enrol-code">{t('sync:enrol.label')}</label>
      <input
        id="enrol-code"
        name="code"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'enrol-hint enrol-error' : 'enrol-hint'}
      />
      <p id="enrol-hint" class="hint">
        {t('sync:enrol.hint')}
      </p>
      {!online && <p data-testid="enrol-offline">{t('sync:enrol.offlineReason')}</p>}
      <button type="submit" class="primary" disabled={!online || busy}>
        {busy ? t('sync:enrol.submitting') : online ? t('sync:enrol.submit') : t('sync:enrol.waitingOffline')}
      </button>
      {error && (
        <p id="enrol-error" class="error" role="alert" tabIndex={-1} ref={errorLine}>
          {t(error.i18nKey)}
        </p>
      )}
    </form>
  );
}
