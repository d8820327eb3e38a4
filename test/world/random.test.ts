import { describe, expect, it } from 'vitest';
import { Random } from '../../src/world/random.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws sfc32’s sequence: the numbers every generated world is made of', () => {
    // Recorded before the state words moved into a typed array: a world depends on every one.
    const a = new Random(42);
    expect(Array.from({ length: 6 }, () => a.nextUint32())).toEqual([1028872839, 2516511472, 400437680, 853279530, 1920286840, 3588795744]);
    const forked = new Random(42).fork('user:3');
    expect(Array.from({ length: 3 }, () => forked.nextUint32())).toEqual([3352280094, 505827679, 1670374560]);
    expect(new Random(-7).int(0, 1_000_000)).toBe(987856);
  });

  it('forks named streams that do not depend on draws from the parent', () => {
    const a = new Random(7);
    const b = new Random(7);
    a.next();
    a.next();
    expect(a.fork('user:3').nextUint32()).toBe(b.fork('user:3').nextUint32());
    expect(a.fork('user:3').nextUint32()).not.toBe(a.fork('user:4').nextUint32());
  });

  it('forks a user-day stream as fork does with the label spelled out', () => {
    const root = new Random(42);
    for (const [prefix, id, date] of [
      ['times:', 1, '2026-08-22'],
      ['segments:', 9, '2025-12-31'],
      ['heartbeats:', 10, '2026-01-01'],
      ['sessions:', 100_000, '2026-02-28'],
      ['separate:', 1_234_567, '2026-03-09'],
    ] as const) {
      const spelled = root.fork(`${prefix}${id}:${date}`);
      const pieced = root.forkDay(prefix, id, date);
      expect(Array.from({ length: 4 }, () => pieced.nextUint32())).toEqual(Array.from({ length: 4 }, () => spelled.nextUint32()));
    }
  });

  it('reseeds a scratch stream, whatever it drew before, into the day stream forkDay makes', () => {
    const root = new Random(42);
    const scratch = new Random(7);
    for (const [prefix, id, date] of [
      ['times:', 1, '2026-08-22'],
      ['segments:', 9, '2025-12-31'],
      ['times:', 1, '2026-08-22'],
    ] as const) {
      scratch.nextUint32();
      const forked = root.forkDay(prefix, id, date);
      expect(root.reseedDay(scratch, prefix, id, date)).toBe(scratch);
      expect(scratch.seed).toBe(forked.seed);
      expect(Array.from({ length: 6 }, () => scratch.nextUint32())).toEqual(Array.from({ length: 6 }, () => forked.nextUint32()));
      // A fork of the reseeded stream is the fork of the day stream.
      expect(scratch.fork('x').nextUint32()).toBe(forked.fork('x').nextUint32());
    }
  });

  it('keeps int, float and pick within bounds', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      const f = rng.float(1, 2);
      expect(f).toBeGreaterThanOrEqual(1);
      expect(f).toBeLessThan(2);
      expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    }
  });

  it('never picks a zero-weight item and clamps gaussians', () => {
    const rng = new Random(2);
    for (let i = 0; i < 500; i++) {
      expect(
        rng.weighted([
          { value: 'x', weight: 0 },
          { value: 'y', weight: 1 },
        ]),
      ).toBe('y');
      const g = rng.gaussian(10, 50, 0, 20);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThanOrEqual(20);
    }
  });

  it('makes UUID v4 strings with the right version and variant nibbles', () => {
    const rng = new Random(3);
    for (let i = 0; i < 200; i++) expect(rng.uuidV4()).toMatch(UUID_V4);
  });

  it('refuses a non-integer seed', () => {
    expect(() => new Random(1.5)).toThrow(RangeError);
  });
});
