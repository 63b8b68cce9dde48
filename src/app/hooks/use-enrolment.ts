import type { EnrolResponse } from '../../shared/sync-api.ts';
import { useLive } from './use-live.ts';

/** The trainee this phone is enrolled for: undefined while loading, null when not enrolled. */
export function useEnrolment(): EnrolResponse['trainee'] | null | undefined {
  return useLive((data) => data.enrolment(), []);
}
