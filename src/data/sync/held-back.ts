import type { LearnerEvent } from '../../shared/events.ts';
import type { RefusedEvent } from '../../shared/sync-api.ts';
import type { HeldEvent, LearnDb } from '../store/learn-db.ts';

/** The pushed events the server refused, as held rows with its code and message. */
export function refusedEvents(sent: readonly LearnerEvent[], refused: readonly RefusedEvent[], now: number): HeldEvent[] {
  return refused.flatMap((r) => {
    // The server names an event by its id when it could read one, else by its place in the batch.
    const event = r.id ? sent.find((e) => e.id === r.id) : sent[r.index];
    return event ? [{ id: event.id, event, code: r.code, message: r.message, heldAt: now }] : [];
  });
}

/**
 * Keeps the events the server refused in the held store, with the server's code and message:
 * sending them again would be refused again, and they must not block the events behind them, so
 * the caller takes them out of the outbox. They are never deleted (the trainee can see and export
 * them), and they stay in the phone's own progress. Runs inside the caller's transaction.
 */
export async function holdBack(db: LearnDb, held: readonly HeldEvent[]): Promise<void> {
  if (held.length > 0) await db.held.bulkPut(held);
}
