import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configFromEnv, DEFAULT_SIGNING_KEY_FILE } from '../../src/server/config.ts';
import { startServer } from '../../src/server/server.ts';
import { createKeyFile, readKeyFile, SigningKeyError } from '../../src/server/signing/key-file.ts';
import { openSigningKeys, rotateSigningKey } from '../../src/server/signing/signing-keys.ts';
import { keySetSchema } from '../../src/shared/completion/public-keys.ts';
import { completingSteps, completionCatalogue } from './completion-course.ts';
import { enrolDevice } from './sync-client.ts';
import { startServerBeside, startTestServer } from './test-server.ts';

const folders: string[] = [];
const tempFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-keys-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const keysOf = async (url: string) => keySetSchema.parse(await (await fetch(`${url}/api/v1/keys`)).json()).keys;

describe('signing keys', () => {
  it('are made at first start in DATA_DIR, readable by the owner only, and shared by a second process over the same folder', async () => {
    const server = await startTestServer();
    const beside = await startServerBeside(server);
    try {
      const file = join(server.dataDir, DEFAULT_SIGNING_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const keys = await keysOf(server.url);
      expect(keys).toHaveLength(1);
      expect(await keysOf(beside.url)).toEqual(keys);
      expect(readKeyFile(file).keys[0]!.kid).toBe(keys[0]!.kid);
    } finally {
      await beside.close();
      await server.close();
    }
  });

  it('come from SIGNING_KEY_FILE when it is set, which must exist: the server stops with a message otherwise', async () => {
    const dir = tempFolder();
    const config = { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), databaseUrl: undefined, staticDir: dir };
    const missing = join(dir, 'secrets', 'keys.json');
    await expect(startServer({ ...config, signingKeyFile: missing }, { catalogue: completionCatalogue })).rejects.toThrow(SigningKeyError);
    await expect(startServer({ ...config, signingKeyFile: missing }, { catalogue: completionCatalogue })).rejects.toThrow(/Cannot read the signing key file/);

    const given = join(dir, 'keys.json');
    createKeyFile(given, new Date());
    const server = await startServer({ ...config, signingKeyFile: given }, { catalogue: completionCatalogue });
    try {
      expect((await keysOf(server.url))[0]!.kid).toBe(readKeyFile(given).keys[0]!.kid);
    } finally {
      await server.close();
    }
    expect(configFromEnv({ SIGNING_KEY_FILE: 'keys/signing.json' }).signingKeyFile).toBe(join(process.cwd(), 'keys/signing.json'));
    expect(configFromEnv({}).signingKeyFile).toBeUndefined();
  });

  it.each([
    ['not JSON', () => 'secret', /is not JSON/],
    ['no keys', () => JSON.stringify({ keys: [] }), /not a signing key file/],
    ['no private part', (good: string) => JSON.stringify({ keys: JSON.parse(good).keys.map(({ d: _, ...k }: { d: string }) => k) }), /only it, must hold/],
    [
      'a private part of another key',
      (good: string) => {
        const other = readFileSync(fresh(), 'utf8');
        const [mine] = JSON.parse(good).keys;
        return JSON.stringify({ keys: [{ ...mine, d: JSON.parse(other).keys[0].d }] });
      },
      /does not match its public key/,
    ],
  ])('refuse a key file with %s', (_, broken, message) => {
    const file = fresh();
    writeFileSync(file, broken(readFileSync(file, 'utf8')));
    expect(() => openSigningKeys(file, { create: false })).toThrow(SigningKeyError);
    expect(() => openSigningKeys(file, { create: false })).toThrow(message);
  });

  it('are made once when several processes start at once: the later ones read the first one\'s file', () => {
    const file = join(tempFolder(), 'keys.json');
    expect(createKeyFile(file, new Date())).toBe(true);
    const first = readFileSync(file, 'utf8');
    expect(createKeyFile(file, new Date())).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('rotate under a running process, which signs with the new key at once and keeps the last good keys if the file breaks', () => {
    const file = fresh();
    const keys = openSigningKeys(file, { create: false });
    const before = keys.signer().kid;
    const { current, retired } = rotateSigningKey(file, new Date());
    expect(retired).toBe(before);
    expect(keys.signer().kid).toBe(current);
    expect(keys.published().map((k) => k.kid)).toEqual([current, before]);
    writeFileSync(file, '{ half a fi');
    expect(keys.signer().kid).toBe(current);
  });

  it('warn at start when the register holds records signed by keys this process does not publish', async () => {
    const server = await startTestServer(undefined, { catalogue: completionCatalogue });
    const phone = await enrolDevice(server);
    await phone.sync({ events: completingSteps(phone) });
    const otherKeys = join(tempFolder(), 'other-keys.json');
    createKeyFile(otherKeys, new Date());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = { port: 0, host: '127.0.0.1', dataDir: server.dataDir, databaseUrl: server.databaseUrl, staticDir: server.dataDir, signingKeyFile: otherKeys };
    const other = await startServer(config, { catalogue: completionCatalogue });
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/signed with keys \S+, which .*other-keys.json does not hold/));
    } finally {
      await other.close();
      await server.close();
    }
  });
});

function fresh(): string {
  const file = join(tempFolder(), 'keys.json');
  createKeyFile(file, new Date());
  return file;
}
