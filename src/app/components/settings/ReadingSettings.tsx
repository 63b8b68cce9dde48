import { useId, useState } from 'preact/hooks';
import { i18n, setLanguage } from '../../i18n/i18n.ts';
import { languageNames, languages } from '../../i18n/language.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { setBothLanguages, setTextSize, textSizes, useReadingPrefs } from '../../settings/reading-prefs.ts';
import { setTheme, storedTheme, themes, type Theme } from '../../settings/theme.ts';

const themeKeys: Record<Theme, string> = { system: 'me:settings.themeSystem', light: 'me:settings.themeLight', dark: 'me:settings.themeDark' };

/**
 * The app language, what lessons show, the lesson text size and the colours: the settings
 * sheet's content, and the Me screen's preferences. The language rule is stated in both
 * languages, so it reads right whichever language the trainee is about to choose.
 */
export function ReadingSettings() {
  const { t, lng } = useTranslation();
  const prefs = useReadingPrefs();
  const [theme, setThemeState] = useState(storedTheme);
  const id = useId();
  const other = lng === 'vi' ? 'en' : 'vi';
  const percent = Math.round((textSizes[prefs.size] ?? 1) * 100);
  return (
    <div class="reading-settings">
      <fieldset class="choices">
        <legend>{t('me:settings.language')}</legend>
        {languages.map((code) => (
          <label key={code} lang={code}>
            <input type="radio" name={`${id}-language`} checked={lng === code} onChange={() => void setLanguage(code)} />
            {languageNames[code]}
          </label>
        ))}
      </fieldset>
      <fieldset class="choices" aria-describedby={`${id}-rule`}>
        <legend>{t('me:settings.text')}</legend>
        <label>
          <input type="radio" name={`${id}-text`} checked={!prefs.both} onChange={() => setBothLanguages(false)} />
          {t('me:settings.followApp')}
        </label>
        <label>
          <input type="radio" name={`${id}-text`} checked={prefs.both} onChange={() => setBothLanguages(true)} />
          {t('me:settings.both')}
        </label>
      </fieldset>
      <p class="rule" id={`${id}-rule`}>
        <span>{t('me:settings.rule')}</span>{' '}
        <span class="alt-lang" lang={other}>
          {i18n.getFixedT(other)('me:settings.rule')}
        </span>
      </p>
      <div class="text-size" role="group" aria-labelledby={`${id}-size`}>
        <p id={`${id}-size`}>{t('me:settings.size', { percent })}</p>
        <button type="button" onClick={() => setTextSize(prefs.size - 1)} disabled={prefs.size === 0}>
          {t('me:settings.smaller')}
        </button>
        <button type="button" onClick={() => setTextSize(prefs.size + 1)} disabled={prefs.size === textSizes.length - 1}>
          {t('me:settings.larger')}
        </button>
      </div>
      <fieldset class="choices">
        <legend>{t('me:settings.theme')}</legend>
        {themes.map((name) => (
          <label key={name}>
            <input
              type="radio"
              name={`${id}-theme`}
              checked={theme === name}
              onChange={() => {
                setTheme(name);
                setThemeState(name);
              }}
            />
            {t(themeKeys[name])}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
