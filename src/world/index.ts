/**
 * @module
 * The world room: a seeded heartbeat history, the real server's duration and formatting rules,
 * and the store the mock reads and writes. Other rooms import from here only.
 */

export * from './display-names.js';
export * from './durations.js';

export * from './format.js';
export * from './format-date.js';

export { lowerBound, sliceWindow } from './sorted.js';
export { toSpans } from './spans.js';
export { World } from './store.js';
export { streakDays } from './streak.js';
export * from './time-zone.js';
export * from './types.js';
