import type { Enrolled } from '../shared/office-api.ts';

/**
 * Codes just issued, waiting to be printed on enrolment sheets. Kept in this page's memory only:
 * never in storage or the address, so a code leaves the office only on paper. A reload forgets
 * them; a lost sheet is replaced by issuing a new code from the trainee's page.
 */
let waiting: Enrolled[] = [];

export function holdForSheets(enrolled: Enrolled[]): void {
  waiting = enrolled;
}

export function sheetsToPrint(): Enrolled[] {
  return waiting;
}
