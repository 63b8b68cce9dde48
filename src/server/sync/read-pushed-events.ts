import * as z from 'zod/mini';
import { type LearnerEvent, learnerEventSchema } from '../../shared/events.ts';
import type { RefusedEvent } from '../../shared/sync-api.ts';
// The refusal messages name zod's issue: English ones, not "Invalid input".
import '../../shared/zod-messages.ts';
import { sameEvent } from './same-event.ts';

export interface PushedEvent {
  /** Position in the request's `events`. */
  index: number;
  event: LearnerEvent;
}

// The same shape the reply's `refused[].id` promises.
const idSchema = z.uuid();

/**
 * Reads each pushed event on its own, refusing one that fails the shared schema (invalid_event),
 * that is not the pushing device's (not_own_event), or whose id appears again in the batch with
 * other content (id_conflict, every copy). An identical copy is the same event sent twice: it is
 * read once.
 */
export function readPushedEvents(raw: readonly unknown[], deviceId: string): { pushed: PushedEvent[]; refused: RefusedEvent[] } {
  const refused: RefusedEvent[] = [];
  const byId = new Map<string, PushedEvent[]>();
  raw.forEach((value, index) => {
    const parsed = learnerEventSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
      refused.push({ id: readableId(value), index, code: 'invalid_event', message: `not a valid event${where}: ${issue.message}` });
      return;
    }
    const event = parsed.data;
    if (event.deviceId !== deviceId) {
      refused.push({ id: event.id, index, code: 'not_own_event', message: 'a device pushes only its own events' });
      return;
    }
    byId.set(event.id, [...(byId.get(event.id) ?? []), { index, event }]);
  });
  const pushed: PushedEvent[] = [];
  for (const copies of byId.values()) {
    const first = copies[0]!;
    if (copies.every((c) => sameEvent(c.event, first.event))) {
      pushed.push(first);
      continue;
    }
    for (const { index, event } of copies) {
      refused.push({ id: event.id, index, code: 'id_conflict', message: 'this id is used more than once in the batch, with different content' });
    }
  }
  return { pushed: pushed.sort((a, b) => a.index - b.index), refused };
}

function readableId(value: unknown): string | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return idSchema.safeParse(id).success ? (id as string) : null;
}
