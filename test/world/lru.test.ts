/**
 * The byte-bounded cache: least recently used out first, an eighth of the budget freed at once
 * when it is passed, the newest entry always kept, a replaced entry counted once, a value that
 * grew in place counted at its new size when set again.
 */
import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../src/world/lru.js';

const cache = (budget: number) => new ByteLru<number>(budget, (bytes) => bytes);

describe('ByteLru', () => {
  it('evicts the least recently used first, down to seven eighths of the budget', () => {
    const lru = cache(800);
    for (let key = 1; key <= 8; key++) lru.set(key, 100);
    expect(lru.size).toBe(800);
    // 1 and 2 read: 3 is now the oldest.
    expect(lru.get(1)).toBe(100);
    expect(lru.get(2)).toBe(100);
    lru.set(9, 100);
    // 900 > 800: out go 3 and 4, to 700 (seven eighths of 800).
    expect(lru.size).toBe(700);
    expect([1, 2, 3, 4, 5, 9].map((k) => lru.has(k))).toEqual([true, true, false, false, true, true]);
  });

  it('keeps the newest entry even when it alone is past the budget', () => {
    const lru = cache(100);
    lru.set(1, 50);
    lru.set(2, 500);
    expect(lru.has(1)).toBe(false);
    expect(lru.get(2)).toBe(500);
    expect(lru.size).toBe(500);
  });

  it('counts an entry set again once', () => {
    const lru = cache(1000);
    lru.set(1, 300);
    lru.set(1, 200);
    expect(lru.size).toBe(200);
  });

  it('counts a value that grew in place at what it costs when set again', () => {
    const lru = new ByteLru<{ bytes: number }>(1000, (value) => value.bytes);
    const growing = { bytes: 100 };
    lru.set(1, growing);
    lru.set(2, { bytes: 300 });
    growing.bytes = 400;
    lru.set(1, growing);
    expect(lru.size).toBe(700);
    growing.bytes = 800;
    // 1100 > 1000: the older entry 2 goes, down to 800.
    lru.set(1, growing);
    expect([lru.size, lru.has(2), lru.has(1)]).toEqual([800, false, true]);
  });
});
