import type { LearnerEvent } from '../../shared/events.ts';
import type { RefusedEvent } from '../../shared/sync-api.ts';
import type { LearnDb } from '../store/learn-db.ts';

/**
 * Moves the events the server refused out of the outbox into the held store, with the server's
 * code and message: sending them again would be refused again, and they must not block the
 * events behind them. They are never deleted (the trainee can see and export them), and they
 * stay in the phone's own progress. Runs inside the caller's transaction.
 */
export async function holdBack(db: LearnDb, sent: readonly LearnerEvent[], refused: readonly RefusedEvent[], now: number): Promise<void> {
  if (refused.length === 0) return;
  const held = refused.flatMap((r) => {
    // The server names an event by its id when it could read one, else by its place in the batch.
    const event = r.id ? sent.find((e) => e.id === r.id) : sent[r.index];
    return event ? [{ id: event.id, event, code: r.code, message: r.message, heldAt: now }] : [];
  });
  await db.held.bulkPut(held);
  await db.outbox.bulkDelete(held.map((h) => h.id));
}
