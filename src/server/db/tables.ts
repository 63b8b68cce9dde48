/** The database's tables as Kysely sees them; one interface per table, added by migrations. */
export interface Tables {}
