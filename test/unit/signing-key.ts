import { generateKeyPairSync, sign } from 'node:crypto';
import type { CompletionRecord } from '../../src/shared/completion/completion-record.ts';
import type { JwsSigner } from '../../src/shared/completion/jws.ts';
import type { PublicJwk } from '../../src/shared/completion/public-keys.ts';

/** A fresh Ed25519 key as a test needs it: a signer (node:crypto, like the server) and its public JWK. */
export function testSigningKey(kid: string): { signer: JwsSigner; jwk: PublicJwk } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  return { signer: { kid, sign: (data) => sign(null, data, privateKey) }, jwk: { kid, kty: 'OKP', crv: 'Ed25519', x: x! } };
}

/** A record as the server would issue it, for a trainee with a Vietnamese name. */
export const sampleRecord = (overrides: Partial<CompletionRecord> = {}): CompletionRecord => ({
  jti: 'ce-abcdefgh23456789',
  sub: 'tr-7kq2m9xh',
  name: 'Nguyễn Thị Hồng Nhung',
  unit: 'Sở Thông tin và Truyền thông tỉnh Lào Cai',
  course: 'egov-core-experts',
  version: 'a1b2c3d4e5',
  completed: '2026-12-03',
  iat: 1796280000,
  scores: { 'core-experts': 100, 'resolution-17': 85, 'egdi-ranking': 90 },
  final: 85,
  ...overrides,
});
