import { useTranslation } from '../i18n/use-translation.ts';

/** Offers a new version; nothing reloads until the trainee taps. */
export function UpdatePrompt({ onReload, onDismiss }: { onReload: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div class="update-prompt" role="alertdialog" aria-live="polite" aria-label={t('update.title')}>
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
