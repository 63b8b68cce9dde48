import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The latest result of a Dexie query, re-run whenever the data it read changes (in this tab or
 * another). undefined until the first result. dexie-react-hooks needs preact/compat; this is
 * all of it we use.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(() => next),
      error: (error) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query reads, as with useEffect.
  }, deps);
  return value;
}
