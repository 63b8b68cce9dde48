import type { Migration } from 'kysely';

/**
 * Every migration the server knows, in order. A shipped migration is never edited: a change is
 * a new entry. Listed in code (not read from a folder) so the server runs the same under tsx,
 * tests and any bundler.
 */
export const migrations: Record<string, Migration> = {};
