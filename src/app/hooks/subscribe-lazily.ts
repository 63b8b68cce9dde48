/**
 * Loads a module, then subscribes through it; returns the cleanup for useEffect, which also
 * covers a component gone before the module arrived. The live hooks use it so that the data
 * layer (Dexie) loads after the first paint instead of with it.
 */
export function subscribeLazily<M>(load: () => Promise<M>, subscribe: (module: M) => () => void): () => void {
  let live = true;
  let unsubscribe: (() => void) | undefined;
  void load().then((module) => {
    if (live) unsubscribe = subscribe(module);
  });
  return () => {
    live = false;
    unsubscribe?.();
  };
}
