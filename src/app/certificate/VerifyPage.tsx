import { useState } from 'preact/hooks';
import { recordFromInput } from '../../data/completion/verify-remote.ts';
import type { Verification } from '../../shared/completion/verify-record.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';
import stylesheet from './certificate.css?url';
import { Both, dateOptions } from './Both.tsx';
import { type BothLanguages, bothLanguages } from './certificate-strings.ts';
import { useFragment, useVerification } from './use-verification.ts';

/**
 * /verify#<record>: checks a certificate in the browser against the server's published keys and
 * says, in both languages, whether it is valid and why not. The record comes in the fragment, so
 * it reaches no server log; only the public keys and the record's revocation status are asked.
 */
export function VerifyPage() {
  const t = bothLanguages();
  const { t: ui } = useTranslation();
  useScreen({ title: ui('certificate:verify.title') });
  const fragment = useFragment();
  const [pasted, setPasted] = useState('');
  const jws = recordFromInput(pasted || fragment);
  const verification = useVerification(jws);
  return (
    <section class="verify-screen" aria-labelledby="verify-title">
      <link rel="stylesheet" href={stylesheet} />
      <h1 id="verify-title" tabIndex={-1}>
        <Both t={t} k="verify.title" />
      </h1>
      {!jws ? (
        <Both t={t} k="verify.empty" as="p" />
      ) : verification === undefined ? (
        <p class="verify-verdict is-checking" role="status">
          <Both t={t} k="verify.checking" />
        </p>
      ) : (
        <VerdictView verification={verification} t={t} />
      )}
      <form
        class="verify-paste"
        onSubmit={(e) => {
          e.preventDefault();
          const field = (e.currentTarget as HTMLFormElement).elements.namedItem('record') as HTMLTextAreaElement;
          setPasted(field.value);
        }}
      >
        <label for="verify-record">
          <Both t={t} k="verify.paste" />
        </label>
        <textarea id="verify-record" name="record" rows={3} spellcheck={false} autocomplete="off" />
        <button type="submit">
          <Both t={t} k="verify.check" />
        </button>
      </form>
    </section>
  );
}

function VerdictView({ verification, t }: { verification: Verification; t: BothLanguages }) {
  const record = verification.verdict === 'valid' || verification.verdict === 'invalid' ? verification.record : undefined;
  const verdict = verification.verdict;
  return (
    <div class={`verify-result is-${verdict}`} data-testid="verify-result" data-verdict={verdict}>
      <p class="verify-verdict" role="status">
        <Both t={t} k={`verify.${verdict}`} />
      </p>
      {verdict !== 'valid' && <Both t={t} k={`verify.reason.${verification.reason}`} as="p" class="verify-reason" />}
      {verdict === 'valid' && <Both t={t} k={`verify.revocation.${verification.revocation}`} as="p" class="verify-revocation" />}
      {record && (
        <dl class="verify-facts">
          <div>
            <Both t={t} k="verify.holder" as="dt" />
            <dd data-testid="verify-name">{record.name}</dd>
          </div>
          <div>
            <Both t={t} k="verify.unit" as="dt" />
            <dd data-testid="verify-unit">{record.unit}</dd>
          </div>
          <div>
            <Both t={t} k="verify.course" as="dt" />
            <dd>
              <Both t={t} k="courseName" />
            </dd>
          </div>
          <div>
            <Both t={t} k="completedOn" as="dt" />
            <dd data-testid="verify-date">
              <Both t={t} k="date" options={dateOptions(record.completed)} />
            </dd>
          </div>
          <div>
            <Both t={t} k="recordId" as="dt" />
            <dd>
              <code>{record.jti}</code>
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
