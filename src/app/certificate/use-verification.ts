import { useEffect, useState } from 'preact/hooks';
import { verifyRecordOnline } from '../../data/completion/verify-remote.ts';
import type { Verification } from '../../shared/completion/verify-record.ts';

/** The check of `jws` (undefined while it runs); a new text starts a new check. */
export function useVerification(jws: string): Verification | undefined {
  const [result, setResult] = useState<{ jws: string; verification: Verification }>();
  useEffect(() => {
    if (!jws) return;
    let current = true;
    void verifyRecordOnline(jws).then((verification) => current && setResult({ jws, verification }));
    return () => {
      current = false;
    };
  }, [jws]);
  return result?.jws === jws ? result.verification : undefined;
}

/** The record in the page's fragment, followed as it changes (a second link opened in the same tab). */
export function useFragment(): string {
  const [hash, setHash] = useState(() => location.hash.slice(1));
  useEffect(() => {
    const update = () => setHash(location.hash.slice(1));
    addEventListener('hashchange', update);
    // preact-iso routes in-app links with pushState, which fires no hashchange.
    addEventListener('popstate', update);
    update();
    return () => {
      removeEventListener('hashchange', update);
      removeEventListener('popstate', update);
    };
  }, []);
  return hash;
}
