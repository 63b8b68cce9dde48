import { readEnrolment } from '../../data/enrol.ts';
import type { EnrolResponse } from '../../shared/sync-api.ts';
import { useLiveQuery } from './use-live-query.ts';

/** The trainee this phone is enrolled for: undefined while loading, null when not enrolled. */
export function useEnrolment(): EnrolResponse['trainee'] | null | undefined {
  return useLiveQuery((db) => readEnrolment(db), []);
}
