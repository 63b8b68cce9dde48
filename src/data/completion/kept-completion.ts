import type { CompletionRecord } from '../../shared/completion/completion-record.ts';

/** The completion record as the phone keeps it (the `completion` store), so the certificate shows offline. */
export interface KeptCompletion {
  /** The record's id (`jti`). */
  id: string;
  traineeId: string;
  /** The record as the server signed it: what the QR code and the verify link carry. */
  jws: string;
  /** Its content, read from `jws` (the phone's own record, from its own server: not re-verified). */
  record: CompletionRecord;
  /** When the programme office revoked it, as last heard from the server; null if not. */
  revokedAt: string | null;
  /** When the phone last asked the server (ms). */
  fetchedAt: number;
}
