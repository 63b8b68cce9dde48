import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { openSigningKeys } from '../../src/server/signing/signing-keys.ts';
import { apiErrorBodySchema } from '../../src/shared/api-error.ts';

describe('error replies', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-learn-errors-'));
    database = await openDatabase({ dataDir: dir });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Routes that fail on purpose, added to the real app so its own error handler answers.
  function appWithFailures() {
    const signingKeys = openSigningKeys(join(dir, 'signing-keys.json'), { create: true });
    const app = createApp({ database, catalogue: { lessons: [] }, signingKeys });
    app.get('/boom', () => {
      throw new Error('database exploded: secret detail');
    });
    app.get('/bad', () => {
      throw new HTTPException(400, { message: 'Malformed header' });
    });
    return app;
  }

  it('turns an unexpected failure into a 500 with code "internal" and no internal detail', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appWithFailures().request('/boom');
    expect(res.status).toBe(500);
    const body = apiErrorBodySchema.parse(await res.json());
    expect(body.error.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('turns a framework 400 into JSON with code "bad_request"', async () => {
    const res = await appWithFailures().request('/bad');
    expect(res.status).toBe(400);
    expect(apiErrorBodySchema.parse(await res.json()).error).toEqual({ code: 'bad_request', message: 'Malformed header' });
  });
});
