/**
 * --max-rate: requests spread evenly at most N a second, on a clock of the test's own.
 */
import { describe, expect, it } from 'vitest';
import { createPace } from '../../../src/contract/send/pace.js';

/** `advance`: a sleep moves the clock (one request after another); else the clock stands still (requests at once). */
function fakeClock(advance = true) {
  let now = 1000;
  const slept: number[] = [];
  return {
    slept,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        if (advance) now += ms;
      },
    },
  };
}

describe('createPace', () => {
  it('lets the first request go at once and spaces the next ones 1/N s apart', async () => {
    const { clock, slept } = fakeClock();
    const pace = createPace(4, clock);
    await pace();
    await pace();
    await pace();
    expect(slept).toEqual([250, 250]);
  });

  it('shares the slots between requests in flight at once', async () => {
    const { clock, slept } = fakeClock(false);
    const pace = createPace(2, clock);
    await Promise.all([pace(), pace(), pace()]);
    expect(slept.sort((a, b) => a - b)).toEqual([500, 1000]);
  });

  it('does not wait without a rate, or with 0', async () => {
    for (const rate of [undefined, 0]) {
      const { clock, slept } = fakeClock();
      const pace = createPace(rate, clock);
      await pace();
      await pace();
      expect(slept).toEqual([]);
    }
  });
});
