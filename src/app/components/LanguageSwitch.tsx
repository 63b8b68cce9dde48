import { setLanguage } from '../i18n/i18n.ts';
import { languages } from '../i18n/language.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export function LanguageSwitch() {
  const { t, lng } = useTranslation();
  return (
    <div class="lang-switch" role="group" aria-label={t('language.label')}>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lng === code}
          aria-label={t(`language.${code}`)}
          onClick={() => void setLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
