import { useEffect, useState } from 'preact/hooks';
import type { Live } from '../../data/phone-data.ts';
import { nextTask } from '../background-work.ts';
import { loadDataLayer, type DataLayer } from '../data-layer.ts';

/**
 * The latest value of one of the data layer's live queries, re-sent whenever the data behind it
 * changes (in this tab or another); undefined until the first value. The data layer loads as
 * background work, after the first screen. dexie-react-hooks needs preact/compat; this is all of
 * it we use.
 */
export function useLive<T>(pick: (data: DataLayer) => Live<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let mounted = true;
    let unsubscribe: (() => void) | undefined;
    // Every watcher on the screen starts when the data layer arrives: one task each, not one for all.
    void loadDataLayer().then(async (data) => {
      await nextTask();
      if (mounted) unsubscribe = pick(data).subscribe((next) => setValue(() => next));
    });
    return () => {
      mounted = false;
      unsubscribe?.();
    };
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return value;
}
