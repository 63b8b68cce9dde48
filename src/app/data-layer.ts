import { backgroundWorkMayStart, nextTask } from './background-work.ts';
import { course } from './content/course.ts';

/*
 * The app's one way into the data layer (src/data/phone-data.ts), which loads as a lazy chunk so the
 * first screen never waits for Dexie.
 */

export type DataLayer = typeof import('../data/phone-data.ts');

let loaded: Promise<DataLayer> | undefined;
// Every use waits until the store knows this build's course, so progress recorded against a
// renamed lesson or section counts under its new id from the first step on.
const load = () =>
  (loaded ??= importInParts().then(async (data) => {
    // A store that cannot even be read still takes steps (they wait, see the outbox); its rows
    // then fold without the renames.
    await data.followCourse(course).catch((error) => console.error('could not check the course version', error));
    return data;
  }));

/**
 * Evaluating the data layer's code (Dexie, zod's schemas, the sync engine) took one task of
 * 25-30 ms on a desktop CPU, so over 100 ms on a slow phone: a tap in it waited. The first import
 * evaluates Dexie and the store, the second the rest (modules already evaluated are skipped), each
 * in a task of its own. zod is not a step of its own: importing a shared module on its own makes
 * the bundler add a runtime chunk to the lesson screen's downloads.
 */
async function importInParts(): Promise<DataLayer> {
  await import('../data/store/learn-db.ts'); // Dexie and the store's schema
  await nextTask();
  const data = await import('../data/phone-data.ts'); // the verbs, live queries and sync engine
  await nextTask(); // opening the store is a task of its own too
  return data;
}

/** The data layer for watching and background work: loaded once the first screen is shown. */
export const loadDataLayer = (): Promise<DataLayer> => backgroundWorkMayStart().then(load);

/**
 * Runs a verb (a trainee's step, enrolment, a retry) as soon as the data layer has loaded: a step
 * never waits for background work, and never rejects (the verbs report failures as status).
 */
export function act<T>(verb: (data: DataLayer) => Promise<T>): Promise<T> {
  return load().then(verb);
}
