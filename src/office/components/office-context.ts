import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Cohort, Officer, Place } from '../../shared/office-api.ts';

export interface OfficeState {
  officer: Officer;
  places: Place[];
  cohorts: Cohort[];
  /** Reads places and cohorts again after a change. */
  reloadLists: () => void;
  signOut: () => void;
}

export const OfficeContext = createContext<OfficeState | undefined>(undefined);

/** The signed-in officer and the lists every page uses. */
export function useOffice(): OfficeState {
  const state = useContext(OfficeContext);
  if (!state) throw new Error('useOffice outside the signed-in office');
  return state;
}

/** The dashboard's filters, kept in the address (?cohort=…&place=…) so a view can be bookmarked or shared. */
export function useFilters(): { cohort?: string; place?: string } {
  const { query } = useLocation();
  return { ...(query.cohort ? { cohort: query.cohort } : {}), ...(query.place ? { place: query.place } : {}) };
}
