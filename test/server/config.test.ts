import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config.ts';

describe('server configuration', () => {
  it('defaults to port 8080 and an SQLite file under ./data', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(resolve('data'));
    expect(config.databaseUrl).toBeUndefined();
  });
  it('takes PORT, DATA_DIR and DATABASE_URL from the environment', () => {
    const config = configFromEnv({ PORT: '9000', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toMatchObject({ port: 9000, dataDir: '/tmp/x', databaseUrl: 'postgres://u@h/db' });
  });
  it('refuses a PORT that is not a port number', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
  it('trusts no proxy, budgets 20 MiB a trainee and allows 60 requests a token in a burst unless told otherwise', () => {
    expect(configFromEnv({})).toMatchObject({ trustedProxies: 0, storageBudgetBytes: 20 * 1024 * 1024, tokenRateLimit: { capacity: 60, refillPerSecond: 1 } });
    const config = configFromEnv({ TRUST_PROXY: '2', STORAGE_BUDGET_MB: '50', TOKEN_RATE_BURST: '120', TOKEN_RATE_PER_SECOND: '0.5' });
    expect(config).toMatchObject({ trustedProxies: 2, storageBudgetBytes: 50 * 1024 * 1024, tokenRateLimit: { capacity: 120, refillPerSecond: 0.5 } });
  });
  it('refuses limits that are not numbers', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ STORAGE_BUDGET_MB: '-1' })).toThrow(/STORAGE_BUDGET_MB/);
    expect(() => configFromEnv({ TOKEN_RATE_PER_SECOND: '0' })).toThrow(/TOKEN_RATE_PER_SECOND/);
  });
});
