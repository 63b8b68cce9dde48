import type { Migration } from 'kysely';
import { traineesMigration } from './0001-trainees.ts';
import { enrolmentCodesMigration } from './0002-enrolment-codes.ts';
import { devicesMigration } from './0003-devices.ts';
import { eventsMigration } from './0004-events.ts';
import { codeUsedByDeviceMigration } from './0005-code-used-by-device.ts';
import { eventOutcomesMigration } from './0006-event-outcomes.ts';
import { storedBytesMigration } from './0007-stored-bytes.ts';
import { codeExpiryMigration } from './0008-code-expiry.ts';
import { attemptCountersMigration } from './0009-attempt-counters.ts';
import { certificatesMigration } from './0020-certificates.ts';
import { officeOfficersMigration } from './0010-office-officers.ts';
import { officePlacesMigration } from './0011-office-places.ts';
import { officeCohortsMigration } from './0012-office-cohorts.ts';
import { officeRollupsMigration } from './0013-office-rollups.ts';

/**
 * Every migration the server knows, in order. A shipped migration is never edited: a change is
 * a new entry. Listed in code (not read from a folder) so the server runs the same under tsx,
 * tests and any bundler.
 */
export const migrations: Record<string, Migration> = {
  '0001-trainees': traineesMigration,
  '0002-enrolment-codes': enrolmentCodesMigration,
  '0003-devices': devicesMigration,
  '0004-events': eventsMigration,
  '0005-code-used-by-device': codeUsedByDeviceMigration,
  '0006-event-outcomes': eventOutcomesMigration,
  '0007-stored-bytes': storedBytesMigration,
  '0008-code-expiry': codeExpiryMigration,
  '0009-attempt-counters': attemptCountersMigration,
  '0020-certificates': certificatesMigration,
  '0010-office-officers': officeOfficersMigration,
  '0011-office-places': officePlacesMigration,
  '0012-office-cohorts': officeCohortsMigration,
  '0013-office-rollups': officeRollupsMigration,
};
