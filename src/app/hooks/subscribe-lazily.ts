import { backgroundWorkMayStart } from '../background-work.ts';

/**
 * Loads a module, then subscribes through it; returns the cleanup for useEffect, which also
 * covers a component gone before the module arrived. The live hooks use it so that the data
 * layer (Dexie) loads as background work, after the first screen, instead of with it.
 */
export function subscribeLazily<M>(load: () => Promise<M>, subscribe: (module: M) => () => void): () => void {
  let live = true;
  let unsubscribe: (() => void) | undefined;
  void backgroundWorkMayStart()
    .then(load)
    .then((module) => {
      if (live) unsubscribe = subscribe(module);
    });
  return () => {
    live = false;
    unsubscribe?.();
  };
}
