import { useEffect, useState } from 'preact/hooks';
import { LoadError, type LoadErrorCode } from './fetch-json.ts';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; code: LoadErrorCode; retry: () => void };

/** Runs `load` when `key` changes and tracks its state; an error offers a retry. */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Loaded<T> & { key?: string }>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (data) => live && setState({ status: 'ready', data, key }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          code: error instanceof LoadError ? error.code : 'invalid',
          retry: () => setAttempt((n) => n + 1),
          key,
        }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  // A stale answer for the previous key must never show under the new one.
  return state.status !== 'loading' && state.key !== key ? { status: 'loading' } : state;
}
