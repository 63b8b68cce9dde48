import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url, utf8Decode, utf8Encode } from '../../src/shared/completion/base64url.ts';
import { toPercent, vietnamDate } from '../../src/shared/completion/completion-record.ts';
import { encodeJws, readJsonSegment } from '../../src/shared/completion/jws.ts';
import { readCompletionRecord, signCompletionRecord, verifyCompletionRecord, withRevocation } from '../../src/shared/completion/verify-record.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { sampleRecord, testSigningKey } from './signing-key.ts';

const subtle = crypto.subtle;
const current = testSigningKey('key-2026');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const segmentsOf = (jws: string) => jws.split('.') as [string, string, string];
const jsonSegment = (value: unknown) => toBase64url(utf8Encode(JSON.stringify(value))!);

describe('completion record: sign and verify', () => {
  it('verifies a signed record and gives back exactly what was signed, with its key id', async () => {
    const record = sampleRecord();
    const jws = await signCompletionRecord(record, current.signer);
    expect(await verifyCompletionRecord(jws, [current.jwk], subtle)).toEqual({ verdict: 'valid', record, kid: 'key-2026', revocation: 'not_checked' });
  });

  it('writes the header {"alg":"EdDSA","typ":"completion+jwt","kid":…} and the record as the payload', async () => {
    const record = sampleRecord();
    const [header, payload] = segmentsOf(await signCompletionRecord(record, current.signer));
    expect(readJsonSegment(header)).toEqual({ alg: 'EdDSA', typ: 'completion+jwt', kid: 'key-2026' });
    expect(readJsonSegment(payload)).toEqual(record);
  });

  it.each(Object.keys(sampleRecord()))('calls a record with "%s" changed tampered', async (field) => {
    const record = sampleRecord();
    const [header, , signature] = segmentsOf(await signCompletionRecord(record, current.signer));
    const value = (record as Record<string, unknown>)[field];
    const changed = {
      ...record,
      [field]: typeof value === 'number' ? value - 1 : typeof value === 'string' ? `${value.slice(0, -1)}x` : { ...(value as object), 'core-experts': 99 },
    };
    const forged = `${header}.${jsonSegment(changed)}.${signature}`;
    expect(await verifyCompletionRecord(forged, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'tampered' });
  });

  it('never calls a record valid with any one letter changed, anywhere in it', async () => {
    const jws = await signCompletionRecord(sampleRecord(), current.signer);
    const random = seededRandom(15);
    for (let i = 0; i < jws.length; i++) {
      if (jws[i] === '.') continue;
      let letter = jws[i]!;
      while (letter === jws[i]) letter = BASE64URL[Math.floor(random() * 64)]!;
      const changed = `${jws.slice(0, i)}${letter}${jws.slice(i + 1)}`;
      const result = await verifyCompletionRecord(changed, [current.jwk], subtle);
      expect(result.verdict, `letter ${i} changed to ${letter}`).toBe('invalid');
    }
  });

  it('refuses a signature whose last letter differs only in the bits base64 drops', async () => {
    const jws = await signCompletionRecord(sampleRecord(), current.signer);
    const last = BASE64URL.indexOf(jws.at(-1)!);
    // 64 signature bytes leave 4 spare bits in the last letter: these letters decode the same.
    const twin = BASE64URL[last ^ 1]!;
    expect(await verifyCompletionRecord(`${jws.slice(0, -1)}${twin}`, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'tampered' });
  });

  it('calls a record signed by another key with the same kid tampered', async () => {
    const impostor = testSigningKey('key-2026');
    const jws = await signCompletionRecord(sampleRecord(), impostor.signer);
    expect(await verifyCompletionRecord(jws, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'tampered' });
  });

  it('refuses a record whose key id is changed, or signed by a key the server does not publish, as unknown_key', async () => {
    const [header, payload, signature] = segmentsOf(await signCompletionRecord(sampleRecord(), current.signer));
    const relabelled = `${jsonSegment({ ...(readJsonSegment(header) as object), kid: 'key-2027' })}.${payload}.${signature}`;
    expect(await verifyCompletionRecord(relabelled, [current.jwk, { ...current.jwk, kid: 'key-2025' }], subtle)).toEqual({ verdict: 'invalid', reason: 'unknown_key' });
    const stranger = testSigningKey('somebody-else');
    const foreign = await signCompletionRecord(sampleRecord(), stranger.signer);
    expect(await verifyCompletionRecord(foreign, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'unknown_key' });
    expect(await verifyCompletionRecord(foreign, [], subtle)).toEqual({ verdict: 'invalid', reason: 'unknown_key' });
  });

  it('still verifies a record signed with a key that has since been rotated out, while it stays published', async () => {
    const old = testSigningKey('key-2025');
    const oldRecord = await signCompletionRecord(sampleRecord({ jti: 'ce-oldoldoldoldold2' }), old.signer);
    const newRecord = await signCompletionRecord(sampleRecord(), current.signer);
    const published = [current.jwk, old.jwk];
    expect(await verifyCompletionRecord(oldRecord, published, subtle)).toMatchObject({ verdict: 'valid', kid: 'key-2025' });
    expect(await verifyCompletionRecord(newRecord, published, subtle)).toMatchObject({ verdict: 'valid', kid: 'key-2026' });
  });

  it.each([
    ['an empty text', ''],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['a non-base64url letter', 'ab$.cd.ef'],
    ['a very long text', `${'a'.repeat(5000)}.${'b'.repeat(5000)}.c`],
  ])('calls %s malformed', async (_, text) => {
    expect(await verifyCompletionRecord(text, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'malformed' });
  });

  it.each([
    ['alg "none"', { alg: 'none', typ: 'completion+jwt', kid: 'key-2026' }],
    ['another algorithm', { alg: 'ES256', typ: 'completion+jwt', kid: 'key-2026' }],
    ['another type', { alg: 'EdDSA', typ: 'JWT', kid: 'key-2026' }],
    ['a key of its own', { alg: 'EdDSA', typ: 'completion+jwt', kid: 'key-2026', jwk: current.jwk }],
    ['critical extensions', { alg: 'EdDSA', typ: 'completion+jwt', kid: 'key-2026', crit: ['exp'] }],
  ])('refuses a header with %s as malformed', async (_, header) => {
    const [, payload, signature] = segmentsOf(await signCompletionRecord(sampleRecord(), current.signer));
    expect(await verifyCompletionRecord(`${jsonSegment(header)}.${payload}.${signature}`, [current.jwk], subtle)).toEqual({
      verdict: 'invalid',
      reason: 'malformed',
    });
  });

  it('calls a genuinely signed payload that is not a completion record malformed', async () => {
    const jws = await encodeJws({ hello: 'world' }, current.signer);
    expect(await verifyCompletionRecord(jws, [current.jwk], subtle)).toEqual({ verdict: 'invalid', reason: 'malformed' });
  });

  it('says it could not check, not that the record is invalid, where WebCrypto has no Ed25519', async () => {
    const jws = await signCompletionRecord(sampleRecord(), current.signer);
    const noEd25519 = {
      importKey: () => Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError')),
      verify: () => Promise.resolve(true),
    };
    expect(await verifyCompletionRecord(jws, [current.jwk], noEd25519)).toEqual({ verdict: 'unchecked', reason: 'unsupported' });
  });

  it('refuses to sign a record that breaks its own schema', async () => {
    await expect(signCompletionRecord(sampleRecord({ final: 101 }), current.signer)).rejects.toThrow();
    await expect(signCompletionRecord(sampleRecord({ jti: 'not-an-id' }), current.signer)).rejects.toThrow();
  });

  it("adds the register's answer: revoked makes a genuine record invalid but still shows whose it was", async () => {
    const record = sampleRecord();
    const checked = await verifyCompletionRecord(await signCompletionRecord(record, current.signer), [current.jwk], subtle);
    expect(withRevocation(checked, { status: 'valid' })).toMatchObject({ verdict: 'valid', revocation: 'not_revoked' });
    expect(withRevocation(checked, 'unreachable')).toMatchObject({ verdict: 'valid', revocation: 'not_checked' });
    expect(withRevocation(checked, 'unlisted')).toMatchObject({ verdict: 'valid', revocation: 'unlisted' });
    expect(withRevocation(checked, { status: 'revoked' })).toEqual({ verdict: 'invalid', reason: 'revoked', record });
    const tampered = { verdict: 'invalid', reason: 'tampered' } as const;
    expect(withRevocation(tampered, { status: 'valid' })).toBe(tampered);
  });

  it("reads the trainee's own record without a key, and nothing from a broken one", async () => {
    const record = sampleRecord();
    expect(readCompletionRecord(await signCompletionRecord(record, current.signer))).toEqual(record);
    expect(readCompletionRecord('not.a.record')).toBeUndefined();
  });
});

describe('completion record: encodings and figures', () => {
  it('round-trips random bytes through base64url exactly as Node writes it', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 100; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const text = toBase64url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64url(text)).toEqual(bytes);
    }
  });

  it('refuses base64url that is padded, has foreign letters, an impossible length or spare bits set', () => {
    for (const text of ['QQ==', 'Q+', 'Q/', 'Q', 'QR', 'QQF']) expect(fromBase64url(text), text).toBeUndefined();
    expect(fromBase64url('QQ')).toEqual(Uint8Array.from([0x41]));
  });

  it('writes Vietnamese as UTF-8 and refuses what has no UTF-8 form', () => {
    const name = 'Nguyễn Thị Hồng Nhung 🇻🇳';
    expect(utf8Encode(name)).toEqual(new Uint8Array(Buffer.from(name, 'utf8')));
    expect(utf8Decode(utf8Encode(name)!)).toBe(name);
    expect(utf8Encode('\ud800')).toBeUndefined();
    expect(utf8Decode(Uint8Array.from([0xc0, 0xaf]))).toBeUndefined(); // overlong "/"
    expect(utf8Decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeUndefined(); // a surrogate
  });

  it('states scores as whole percents rounded down, never more than was scored', () => {
    expect([0, 7 / 9, 0.8, 0.85, 0.999, 1].map(toPercent)).toEqual([0, 77, 80, 85, 99, 100]);
  });

  it("dates a completion by Vietnam's calendar (UTC+7)", () => {
    expect(vietnamDate(Date.UTC(2026, 11, 2, 16, 59))).toBe('2026-12-02');
    expect(vietnamDate(Date.UTC(2026, 11, 2, 17, 0))).toBe('2026-12-03');
  });
});
