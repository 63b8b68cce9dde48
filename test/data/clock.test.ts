import { describe, expect, it } from 'vitest';
import { AHEAD_SLACK_MS, broughtBackHlc, clockOffset, shiftedStamps } from '../../src/data/sync/clock.ts';
import { formatHlc } from '../../src/shared/hlc.ts';

const day = 24 * 60 * 60 * 1000;
const serverNow = 1_800_000_000_000;

describe("the phone's clock against the server's", () => {
  it('takes the reply to be made half way through the round trip', () => {
    expect(clockOffset(1000, 3000, 2000 - 2 * day)).toBe(-2 * day);
    expect(clockOffset(1000, 1400, 1200 + 5 * 60_000)).toBe(5 * 60_000);
  });

  it('ignores differences of network jitter', () => {
    expect(clockOffset(1000, 1800, 1900)).toBe(0);
  });

  it("shifts events stamped ahead back by the clock's error, keeping their order", () => {
    const ahead = [
      { id: 'a', at: formatHlc(serverNow + 2 * day, 0) },
      { id: 'b', at: formatHlc(serverNow + 2 * day, 1) },
      { id: 'c', at: formatHlc(serverNow + 2 * day + 5000, 0) },
    ];
    const fine = { id: 'd', at: formatHlc(serverNow - 1000, 0) };
    const shifted = shiftedStamps([...ahead, fine], -2 * day, serverNow);
    expect(shifted).toEqual([
      { id: 'a', at: formatHlc(serverNow, 0) },
      { id: 'b', at: formatHlc(serverNow, 1) },
      { id: 'c', at: formatHlc(serverNow + 5000, 0) },
    ]);
  });

  it('never shifts an event to or before one the server already holds, so edits keep their order', () => {
    const held = formatHlc(serverNow, 3);
    const ahead = [
      { id: 'a', at: formatHlc(serverNow + 2 * day - 500, 0) },
      { id: 'b', at: formatHlc(serverNow + 2 * day + 2000, 0) },
    ];
    expect(shiftedStamps(ahead, -2 * day, serverNow, held)).toEqual([
      { id: 'a', at: formatHlc(serverNow, 4) },
      { id: 'b', at: formatHlc(serverNow + 2000, 0) },
    ]);
  });

  it('leaves a clock a little ahead alone: that is drift, not a wrong clock', () => {
    expect(shiftedStamps([{ id: 'a', at: formatHlc(serverNow + AHEAD_SLACK_MS, 0) }], -AHEAD_SLACK_MS, serverNow)).toEqual([]);
  });

  it('brings a clock that ran ahead back to the server time, or to the newest stamp still held', () => {
    const ahead = formatHlc(serverNow + 2 * day, 7);
    expect(broughtBackHlc(ahead, serverNow, undefined)).toBe(formatHlc(serverNow, 0));
    expect(broughtBackHlc(ahead, serverNow, formatHlc(serverNow + 10, 2))).toBe(formatHlc(serverNow + 10, 2));
    const right = formatHlc(serverNow - 5, 0);
    expect(broughtBackHlc(right, serverNow, undefined)).toBe(right);
  });
});
