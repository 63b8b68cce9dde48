import { useState } from 'preact/hooks';
import type { Officer, SessionResponse } from '../../shared/office-api.ts';
import { api, ApiFailure } from '../api.ts';
import { LanguageSwitch, PageTitle } from '../components/Layout.tsx';
import { useT } from '../i18n.ts';

/** Email and password; a wrong pair and too many tries are told apart, nothing more. */
export function SignIn({ onSignedIn }: { onSignedIn: (officer: Officer) => void }) {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      onSignedIn((await api<SessionResponse>('POST', '/session', { email, password })).officer);
    } catch (failure) {
      const code = failure instanceof ApiFailure ? failure.code : 'internal';
      setProblem(t(code === 'unauthorized' ? 'signIn.wrong' : `errors.${code}`, { defaultValue: t('errors.internal') }));
      setBusy(false);
    }
  };
  return (
    <>
      <header class="office-header">
        <p class="brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main id="main" class="narrow">
        <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
        <p>{t('signIn.intro')}</p>
        <form class="stack" onSubmit={submit}>
          <div class="field">
            <label for="email">{t('signIn.email')}</label>
            <input id="email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="password">{t('signIn.password')}</label>
            <input id="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          {problem && (
            <p class="failure" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
        <p class="hint">{t('signIn.forgot')}</p>
      </main>
    </>
  );
}
