/**
 * A hybrid logical clock stamp, written "wallMillis:counter" with fixed widths so that string
 * order is time order. It never runs backwards on one device, even if the phone's clock does,
 * and it moves past every stamp the device has seen from others. (Its zod schema is in
 * hlc-schema.ts, so the merge rules on the phone's first load do not pull zod in.)
 */
export type Hlc = string;

export function formatHlc(wall: number, counter: number): Hlc {
  return `${String(wall).padStart(13, '0')}:${String(counter).padStart(5, '0')}`;
}

export function parseHlc(stamp: Hlc): { wall: number; counter: number } {
  const [wall, counter] = stamp.split(':');
  return { wall: Number(wall), counter: Number(counter) };
}

/** The next stamp after `last` (the newest this device has issued or seen) at wall time `now`. */
export function nextHlc(last: Hlc | undefined, now: number): Hlc {
  const prev = last ? parseHlc(last) : { wall: 0, counter: 0 };
  if (now > prev.wall) return formatHlc(now, 0);
  return formatHlc(prev.wall, prev.counter + 1);
}

/** Orders two (stamp, device) pairs: the later stamp wins, and the device id breaks ties. */
export function compareStamps(a: { at: Hlc; deviceId: string }, b: { at: Hlc; deviceId: string }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1;
  return 0;
}
