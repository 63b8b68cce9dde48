import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation.ts';
import { canPromptInstall, isIosSafari, isStandalone, onInstallChange, promptInstall } from '../../install/install-events.ts';

/** "Install app" where the browser offers it, Share → Add to Home Screen steps on iOS, else nothing. */
export function InstallApp() {
  const { t } = useTranslation();
  const [, rerender] = useState(0);
  useEffect(() => onInstallChange(() => rerender((n) => n + 1)), []);

  if (isStandalone()) return null;
  if (canPromptInstall()) {
    return (
      <section class="install" aria-labelledby="install-title">
        <h3 id="install-title">{t('install:title')}</h3>
        <p>{t('install:why')}</p>
        <button type="button" class="primary" onClick={() => void promptInstall()}>
          {t('install:button')}
        </button>
      </section>
    );
  }
  if (!isIosSafari()) return null;
  return (
    <section class="install" id="install" aria-labelledby="install-title">
      <h3 id="install-title">{t('install:title')}</h3>
      <p>{t('install:iosWhy')}</p>
      <IosSteps />
    </section>
  );
}

/** Safari's Share → Add to Home Screen → Add, with its own icons so the trainee knows what to tap. */
export function IosSteps() {
  const { t } = useTranslation();
  return (
    <ol class="install-steps">
      <li>
        <ShareIcon /> {t('install:iosStep1')}
      </li>
      <li>
        <AddIcon /> {t('install:iosStep2')}
      </li>
      <li>{t('install:iosStep3')}</li>
    </ol>
  );
}

const ShareIcon = () => (
  <svg class="install-icon" viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 3v12M8 7l4-4 4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    <path d="M6 11H5v10h14V11h-1" fill="none" stroke="currentColor" stroke-width="2" />
  </svg>
);
const AddIcon = () => (
  <svg class="install-icon" viewBox="0 0 24 24" aria-hidden="true">
    <rect x="4" y="4" width="16" height="16" rx="3" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="M12 8v8M8 12h8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>
);
