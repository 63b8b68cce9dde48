import { formatHlc, nextHlc, parseHlc, type Hlc } from '../../shared/hlc.ts';

/*
 * The phone's clock against the server's. Every sync reply carries the server's time; the phone
 * keeps the difference and stamps events with the server's time as far as it knows it, so a
 * phone set days ahead does not win every last-writer-wins merge. Events it stamped before it
 * knew are shifted back by the same difference while they are still only on the phone; those
 * the server already holds were clamped by the server, which says so in the reply.
 */

/** Differences under this are network jitter, not a wrong clock: stamps use the phone's own. */
export const OFFSET_NOISE_MS = 1000;
/** A stamp this far past the server's time was made by a clock that ran ahead. */
export const AHEAD_SLACK_MS = 60_000;

/**
 * The server's clock minus the phone's, from one round trip sent at `sentAt` and answered at
 * `receivedAt` (the phone's times) with `serverTime`: the reply is taken to be made half way.
 */
export function clockOffset(sentAt: number, receivedAt: number, serverTime: number): number {
  const offset = Math.round(serverTime - (sentAt + receivedAt) / 2);
  return Math.abs(offset) < OFFSET_NOISE_MS ? 0 : offset;
}

/**
 * New stamps for this device's events that ran ahead of the server's time `serverNow` (oldest
 * first): each is moved by `offset` (the clock's error when it was made), but never to or before
 * `after` (the newest stamp of this device the server already holds) nor before the one shifted
 * just before it, so the trainee's edits keep their order. Events not ahead are left out.
 */
export function shiftedStamps(
  events: ReadonlyArray<{ id: string; at: Hlc }>,
  offset: number,
  serverNow: number,
  after?: Hlc,
): Array<{ id: string; at: Hlc }> {
  let previous = after;
  return events
    .filter((e) => parseHlc(e.at).wall > serverNow + AHEAD_SLACK_MS)
    .map((e) => {
      const at = nextHlc(previous, Math.max(0, parseHlc(e.at).wall + offset));
      previous = at;
      return { id: e.id, at };
    });
}

/**
 * Where the device's clock (its newest stamp) should stand once the offset is known: no later
 * than the server's time, unless a stamp it still holds is later (those sort first).
 */
export function broughtBackHlc(current: Hlc | undefined, serverNow: number, newestHeld: Hlc | undefined): Hlc | undefined {
  if (!current || parseHlc(current).wall <= serverNow + AHEAD_SLACK_MS) return current;
  const now = formatHlc(serverNow, 0);
  return newestHeld && newestHeld > now ? newestHeld : now;
}
