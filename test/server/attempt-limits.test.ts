import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttemptLimits } from '../../src/server/auth/attempt-limits.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';

describe('attempt limits over fixed windows', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-learn-limits-'));
    database = await openDatabase({ dataDir: dir });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rule = { max: 3, windowMs: 60_000 };
  const limitsAt = (clock: { now: number }) =>
    new AttemptLimits(repositoriesOf(database).attempts, { enrol: { perAddress: rule, global: { max: 100, windowMs: 60_000 } }, auth: { perAddress: rule, global: rule } }, () => clock.now);

  it('blocks an address past the limit until its window ends, saying how long, then lets it try again', async () => {
    const clock = { now: 1_800_000_000_000 }; // the start of a window
    const limits = limitsAt(clock);
    expect([await limits.count('enrol', 'a'), await limits.count('enrol', 'a'), await limits.count('enrol', 'a')]).toEqual([0, 0, 0]);
    expect(await limits.count('enrol', 'a')).toBe(60);
    clock.now += 20_000;
    expect(limits.waitFor('enrol', 'a')).toBe(40);
    expect(limits.waitFor('enrol', 'b')).toBe(0);
    clock.now += 40_000;
    expect(limits.waitFor('enrol', 'a')).toBe(0);
    expect(await limits.count('enrol', 'a')).toBe(0);
  });

  it('gives a successful attempt back, and counts each kind apart', async () => {
    const clock = { now: 1_900_000_000_000 };
    const limits = limitsAt(clock);
    for (let i = 0; i < 10; i++) {
      expect(await limits.count('enrol', 'nat')).toBe(0);
      await limits.refund('enrol', 'nat');
    }
    for (let i = 0; i < 3; i++) await limits.count('auth', 'nat');
    expect(await limits.count('auth', 'nat')).toBeGreaterThan(0);
    expect(limits.waitFor('enrol', 'nat')).toBe(0);
  });
});
