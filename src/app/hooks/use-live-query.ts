import { useEffect, useState } from 'preact/hooks';
import type { LearnDb } from '../../data/db.ts';
import { subscribeLazily } from './subscribe-lazily.ts';

/**
 * The latest result of a Dexie query on the app's database, re-run whenever the data it read
 * changes (in this tab or another); undefined until the first result. Dexie itself is loaded
 * by the first subscriber (see data/live.ts). dexie-react-hooks needs preact/compat; this is
 * all of it we use.
 */
export function useLiveQuery<T>(query: (db: LearnDb) => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(
    () =>
      subscribeLazily(
        () => import('../../data/live.ts'),
        ({ liveQuery, getDb }) => {
          const subscription = liveQuery(() => query(getDb())).subscribe({
            next: (next) => setValue(() => next),
            error: (error) => console.error('live query failed', error),
          });
          return () => subscription.unsubscribe();
        },
      ),
    // The caller lists what the query reads, as with useEffect.
    deps,
  );
  return value;
}
