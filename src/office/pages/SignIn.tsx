import { useState } from 'preact/hooks';
import type { Officer, SessionResponse } from '../../shared/office-api.ts';
import { api } from '../api.ts';
import { SignedOutPage } from '../components/Layout.tsx';
import { FormProblem, refusalText } from '../components/Status.tsx';
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
      setProblem(refusalText(t, failure, 'signIn.wrong'));
      setBusy(false);
    }
  };
  return (
    <SignedOutPage title={t('signIn.title')}>
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
        <FormProblem problem={problem} />
        <button type="submit" class="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p class="hint">{t('signIn.forgot')}</p>
    </SignedOutPage>
  );
}
