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
});
