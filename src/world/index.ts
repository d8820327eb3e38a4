/**
 * @module
 * The world room: a seeded heartbeat history, the real server's duration rules (durations, spans,
 * streaks), time zones, and the store the mock reads and writes. How the server presents those
 * figures lives with the mock (src/mock/rails/present/). Other rooms import from here only.
 */

export * from './durations.js';
export { RowView } from './row-view.js';
export { lowerBound, partitionPoint, type TimeWindow } from './sorted.js';
export { toSpans } from './spans.js';
export { type HeartbeatSink, World } from './store.js';
export { streakDays, streakWindow } from './streak.js';
export * from './time-zone.js';
export * from './types.js';
