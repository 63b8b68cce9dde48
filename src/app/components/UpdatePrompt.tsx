import { useEffect } from 'preact/hooks';
import { useTranslation } from '../i18n/use-translation.ts';
import { announce } from '../shell/announce.tsx';

/** Offers a new version, above the tab bar; nothing reloads until the trainee taps. */
export function UpdatePrompt({ onReload, onDismiss }: { onReload: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  useEffect(() => announce(t('announce.update')), []);
  return (
    <div class="update-prompt" role="alertdialog" aria-label={t('update.title')}>
      <p>{t('update.message')}</p>
      <button type="button" class="primary" onClick={onReload}>
        {t('update.reload')}
      </button>
      <button type="button" onClick={onDismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}
