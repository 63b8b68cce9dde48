import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../api.ts';

/** What a page loaded: the data, or why it could not, and a way to load it again. */
export interface Resource<T> {
  data: T | undefined;
  failure: ApiFailure | undefined;
  reload: () => void;
}

/** Loads `load()` whenever `key` changes (a page's filters), keeping only the newest answer. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ key: string; data?: T; failure?: ApiFailure }>({ key });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ key, data }),
      (e: unknown) => current && setState({ key, failure: e instanceof ApiFailure ? e : new ApiFailure(0, 'internal') }),
    );
    return () => {
      current = false;
    };
    // `load` closes over the same values `key` names.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // While a new key loads, the old data stays on screen (no flash of empty tables).
  return { data: state.data, failure: state.failure, reload };
}
