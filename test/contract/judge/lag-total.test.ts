import { describe, expect, it } from 'vitest';
import { lagTotal } from '../../../src/contract/judge/cross/lag-total.js';

describe("lagTotal (the status bar's 2-minute rule)", () => {
  it('sums the gaps since the previous heartbeat, each capped at 120 s, the first counting 0, in time order', () => {
    expect(lagTotal([])).toBe(0);
    expect(lagTotal([100])).toBe(0);
    expect(lagTotal([500, 100, 160])).toBe(60 + 120);
    expect(lagTotal([100, 100, 100])).toBe(0);
  });

  it('rounds the sum to whole seconds, as the server casts it to an integer', () => {
    expect(lagTotal([100, 100.4, 100.9])).toBe(1);
  });
});
