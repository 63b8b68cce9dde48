import { formatHlc, type Hlc, nextHlc, parseHlc } from '../../shared/hlc.ts';

/**
 * How far a stamp may run ahead of the server's clock before it is clamped. Phones' clocks drift,
 * so some slack is fair; a stamp days ahead would win every last-writer-wins merge until that
 * day comes.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export function isTooFarAhead(at: Hlc, now: number): boolean {
  return parseHlc(at).wall > now + MAX_CLOCK_AHEAD_MS;
}

const MAX_COUNTER = 99_999; // five digits in the stamp's text

/**
 * Stamps for the events of one device whose own stamps ran too far ahead, keyed by event id: at
 * the server's current millisecond with increasing counters, in the order of their own stamps,
 * and always after `floor` (the newest stamp that device has stored), so a device's stamps still
 * only grow.
 */
export function clampStamps(events: ReadonlyArray<{ id: string; at: Hlc }>, now: number, floor: Hlc | undefined): Map<string, Hlc> {
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const clamped = new Map<string, Hlc>();
  let last = floor;
  for (const event of ordered) {
    const next = parseHlc(nextHlc(last, now));
    last = next.counter > MAX_COUNTER ? formatHlc(next.wall + 1, 0) : formatHlc(next.wall, next.counter);
    clamped.set(event.id, last);
  }
  return clamped;
}
