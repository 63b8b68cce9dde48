import { useRef, useState } from 'preact/hooks';
import type { ImportError } from '../../../data/phone-data.ts';
import { act } from '../../data-layer.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';

type Outcome = { ok: true; message: string } | { ok: false; error: ImportError };

/**
 * "Save progress to a file" and "Import progress from a file": how a trainee carries a week of
 * study to a new or reinstalled phone, connection or not. An import that fails says why in both
 * languages (the file may come from a colleague reading the other one) and changes nothing.
 */
export function ProgressTransfer() {
  const { t, lng } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const say = (next: Outcome) => {
    setOutcome(next);
    // A refusal is an alert of its own; the rest is said through the live region.
    if (next.ok) announce(next.message);
  };

  const save = async () => {
    const file = await act((data) => data.exportProgress(__APP_VERSION__));
    const name = `egov-learn-progress-${file.exportedAt.slice(0, 10)}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say({ ok: true, message: t('me:transfer.exported', { count: file.events.length, file: name }) });
  };

  const load = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    const text = await file.text().catch(() => '');
    const result = await act((data) => data.importProgress(text));
    setBusy(false);
    if (input.current) input.current.value = ''; // the same file may be chosen again
    if (!result.ok) return say(result);
    say({
      ok: true,
      message: result.added === 0 ? t('me:transfer.nothingNew') : t('me:transfer.imported', { added: result.added, known: result.known }),
    });
  };

  const other = lng === 'vi' ? 'en' : 'vi';
  return (
    <div class="transfer">
      <p>{t('me:transfer.intro')}</p>
      <p class="actions">
        <button type="button" onClick={() => void save()}>
          {t('me:transfer.export')}
        </button>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t('me:transfer.importing') : t('me:transfer.import')}
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden data-testid="import-file" onChange={(e) => void load(e.currentTarget.files)} />
      </p>
      {outcome?.ok && <p data-testid="transfer-outcome">{outcome.message}</p>}
      {outcome && !outcome.ok && (
        <div class="problem" role="alert" data-testid="transfer-outcome">
          <p>{t(outcome.error.i18nKey)}</p>
          <p lang={other}>{i18n.getFixedT(other)(outcome.error.i18nKey)}</p>
        </div>
      )}
    </div>
  );
}
