import type { LearnerEvent } from '../../shared/events.ts';
import type { ChangeChannel } from '../change-channel.ts';
import { toDataError, type DataError } from '../data-error.ts';
import type { KeyValueStorage } from '../local-storage.ts';
import type { LearnDb } from '../store/learn-db.ts';
import { record, type EventInput, type RecordOptions } from './record.ts';
import { WaitingEvents } from './waiting-events.ts';

/**
 * The write path for every event the trainee makes. `add` stores events in the order they
 * happened; one that cannot be stored yet (storage full) waits in WaitingEvents, in order, and
 * is stored by the next `add`, by `retry` ("Try again", app start) or after a reload. Failures
 * and recoveries go out on the store's change channel; `add` never rejects.
 */
export class Outbox {
  private waiting: WaitingEvents | undefined;
  /** The flush under way; flushes run one at a time so an event is never recorded twice at once. */
  private running: Promise<DataError | null> = Promise.resolve(null);

  constructor(
    private readonly db: LearnDb,
    private readonly changes: ChangeChannel,
    private readonly storage: KeyValueStorage | undefined,
  ) {}

  /** Stores one event now, or throws; tells the channel it was recorded. */
  async record(input: EventInput, options?: RecordOptions): Promise<LearnerEvent> {
    const event = await record(this.db, input, options);
    this.changes.emit({ kind: 'recorded' });
    return event;
  }

  /** Queues one event and stores everything queued, in order; resolves with what failed, if anything. */
  add(input: EventInput): Promise<DataError | null> {
    this.queue().list.push({ id: crypto.randomUUID(), takenAt: Date.now(), input });
    return this.retry();
  }

  /** Stores the events still waiting (none, usually); resolves with the failure that stopped it, or null. */
  retry(): Promise<DataError | null> {
    // A flush that threw must not leave the chain rejected, or nothing would be stored again.
    this.running = this.running.catch(() => null).then(() => this.flush());
    return this.running;
  }

  private async flush(): Promise<DataError | null> {
    const waiting = this.queue();
    const { list } = waiting;
    let failure: DataError | null = null;
    while (list.length > 0) {
      const next = list[0]!;
      try {
        await this.record(next.input, next.late ? { id: next.id, takenAt: next.takenAt } : { id: next.id });
        list.shift();
      } catch (error) {
        console.error('could not save progress', error);
        next.late = true;
        failure = toDataError(error);
        // An invalid event never becomes valid: drop it (the message asks the trainee to report
        // it) rather than let it block every event behind it. Anything else may pass later.
        if (failure.code !== 'invalid_event') break;
        list.shift();
      }
    }
    waiting.mirror();
    // Also on success: it clears the message of an earlier failure.
    this.changes.emit({ kind: 'unsaved', error: failure, waiting: list.length });
    return failure;
  }

  private queue(): WaitingEvents {
    return (this.waiting ??= new WaitingEvents(this.db.name, this.storage));
  }
}
