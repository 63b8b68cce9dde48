import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Officer, SessionResponse } from '../../shared/office-api.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../shared/office-limits.ts';
import { api } from '../api.ts';
import { SignedOutPage } from '../components/Layout.tsx';
import { FormProblem, refusalText } from '../components/Status.tsx';
import { useT } from '../i18n.ts';

/**
 * /office/setup#token=…: the one-time link from `officer add`. The token is in the fragment, so
 * it never reaches a server log; it is dropped from the address once the password is set.
 */
export function Setup({ onDone }: { onDone: (officer: Officer) => void }) {
  const { t } = useT();
  const { route } = useLocation();
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== again) return setProblem(t('setup.mismatch'));
    setBusy(true);
    setProblem(undefined);
    try {
      const { officer } = await api<SessionResponse>('POST', '/setup', { token, password });
      onDone(officer);
      route('/office', true);
    } catch (failure) {
      setProblem(refusalText(t, failure, 'setup.linkUsed'));
      setBusy(false);
    }
  };
  return (
    <SignedOutPage title={t('setup.title')}>
      {!token ? (
        <p class="failure" role="alert">
          {t('setup.noToken')}
        </p>
      ) : (
        <form class="stack" onSubmit={submit}>
          <p id="password-rule">{t('setup.rule', { min: PASSWORD_MIN })}</p>
          <div class="field">
            <label for="new-password">{t('setup.password')}</label>
            <input id="new-password" type="password" autocomplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} aria-describedby="password-rule" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="password-again">{t('setup.again')}</label>
            <input id="password-again" type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
          </div>
          <FormProblem problem={problem} />
          <button type="submit" class="primary" disabled={busy}>
            {t('setup.submit')}
          </button>
        </form>
      )}
    </SignedOutPage>
  );
}
