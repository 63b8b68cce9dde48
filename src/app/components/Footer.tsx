import { useTranslation } from '../i18n/use-translation.ts';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer class="app-footer">
      <p>{t('footer.version', { version: __APP_VERSION__ })}</p>
    </footer>
  );
}
