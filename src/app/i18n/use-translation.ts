import { useEffect, useState } from 'preact/hooks';
import { i18n } from './i18n.ts';
import type { Language } from './language.ts';

/** The current `t` and language; re-renders the caller when the language changes. */
export function useTranslation() {
  const [lng, setLng] = useState(i18n.language as Language);
  useEffect(() => {
    const onChange = (next: string) => setLng(next as Language);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return { t: i18n.getFixedT(lng), lng };
}
