import type { Kysely } from 'kysely';
import type { Database, DatabaseKind } from '../db/database.ts';
import type { Tables } from '../db/tables.ts';
import { AttemptCounterRepository } from './attempt-counters.ts';
import { CertificateRepository } from './certificates.ts';
import { CohortRepository } from './cohorts.ts';
import { DashboardRepository } from './dashboard.ts';
import { EventRepository } from './events.ts';
import { OfficeTraineeRepository } from './office-trainees.ts';
import { OfficerRepository } from './officers.ts';
import { PlaceRepository } from './places.ts';
import { RollupRepository } from './rollups.ts';
import { TraineeRepository } from './trainees.ts';

/** One repository per table group, over the same connection or transaction. */
export interface Repositories {
  trainees: TraineeRepository;
  events: EventRepository;
  attempts: AttemptCounterRepository;
  certificates: CertificateRepository;
  /** The programme office's: officers and sessions, places, cohorts, rollups, the dashboard's reads. */
  officers: OfficerRepository;
  places: PlaceRepository;
  cohorts: CohortRepository;
  rollups: RollupRepository;
  dashboard: DashboardRepository;
  officeTrainees: OfficeTraineeRepository;
  /** Runs `work` in one transaction, with repositories bound to it; all of it commits, or none. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}

/** The repositories over an open database: all of the server's SQL is behind these. */
export function repositoriesOf(database: Pick<Database, 'db' | 'kind'>): Repositories {
  return over(database.db, database.kind);
}

function over(db: Kysely<Tables>, kind: DatabaseKind, inTransaction = false): Repositories {
  const repositories: Repositories = {
    trainees: new TraineeRepository(db, kind),
    events: new EventRepository(db, kind),
    attempts: new AttemptCounterRepository(db),
    certificates: new CertificateRepository(db),
    officers: new OfficerRepository(db, kind),
    places: new PlaceRepository(db),
    cohorts: new CohortRepository(db),
    rollups: new RollupRepository(db, kind),
    dashboard: new DashboardRepository(db),
    officeTrainees: new OfficeTraineeRepository(db, kind),
    // Inside a transaction, a step that wants one is already in it.
    transaction: (work) => (inTransaction ? work(repositories) : db.transaction().execute((trx) => work(over(trx, kind, true)))),
  };
  return repositories;
}
