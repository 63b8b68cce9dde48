import { backgroundWorkMayStart } from './background-work.ts';

/*
 * The app's one way into the data layer (src/data/phone-data.ts), which loads as a lazy chunk so the
 * first screen never waits for Dexie.
 */

export type DataLayer = typeof import('../data/phone-data.ts');

const load = () => import('../data/phone-data.ts');

/** The data layer for watching and background work: loaded once the first screen is shown. */
export const loadDataLayer = (): Promise<DataLayer> => backgroundWorkMayStart().then(load);

/**
 * Runs a verb (a trainee's step, enrolment, a retry) as soon as the data layer has loaded: a step
 * never waits for background work, and never rejects (the verbs report failures as status).
 */
export function act<T>(verb: (data: DataLayer) => Promise<T>): Promise<T> {
  return load().then(verb);
}
