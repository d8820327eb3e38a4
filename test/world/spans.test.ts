import { describe, expect, it } from 'vitest';
import { toSpans } from '../../src/world/spans.js';
import { series } from './heartbeat-rows.js';

describe('toSpans', () => {
  it('yields nothing without heartbeats', () => {
    expect(toSpans([])).toEqual([]);
  });

  it('drops a lone final heartbeat (its span lasts 0 s)', () => {
    expect(toSpans([1787400000])).toEqual([]);
  });

  it('gives a lone heartbeat followed by a far one a 120 s span', () => {
    expect(toSpans([1787400000, 1787401000])).toEqual([{ start_time: 1787400000, end_time: 1787400120, duration: 120 }]);
  });

  it('reproduces the reference example: rounded in-span time + 120, final span without it', () => {
    const first = [...series(1787400000, 100, 21), 1787402100.5];
    const second = series(1787406000, 90, 11);
    expect(toSpans([...first, ...second])).toEqual([
      { start_time: 1787400000, end_time: 1787402220.5, duration: 2221 },
      { start_time: 1787406000, end_time: 1787406900, duration: 900 },
    ]);
  });

  it('keeps a span open across a gap of exactly 120 s and closes it past that', () => {
    expect(toSpans([0, 120, 240])).toEqual([{ start_time: 0, end_time: 240, duration: 240 }]);
    expect(toSpans([0, 120.5, 240])).toEqual([
      { start_time: 0, end_time: 120, duration: 120 },
      { start_time: 120.5, end_time: 240, duration: 120 },
    ]);
  });

  it('rounds in-span time half away from zero', () => {
    expect(toSpans([0, 0.5])).toEqual([{ start_time: 0, end_time: 0.5, duration: 1 }]);
  });
});
