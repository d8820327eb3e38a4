/**
 * @module
 * The world room: a seeded heartbeat history, the real server's duration and formatting rules,
 * and the store the mock reads and writes. Other rooms import from here only.
 */
export * from './types.js';
export { fixedClock, realClock, parseNow, type Clock } from './clock.js';
export * from './time-zone.js';
export { Random, seededFaker, type Weighted } from './random.js';
export { englishFaker } from './faker.js';
export { fieldsHash, fieldsHashSource, INDEXED_ATTRIBUTES, AI_INDEXED_ATTRIBUTES, type FieldsHashInput } from './fields-hash.js';
export { compareTimed, lowerBound, upperBound, sliceWindow, type Timed, type TimeWindow } from './sorted.js';
export * from './durations.js';
export { toSpans, type Span } from './spans.js';
export { streakDays, STREAK_MIN_SECONDS, STREAK_LOOKBACK_DAYS, type StreakHeartbeat } from './streak.js';
export * from './format.js';
export * from './format-date.js';
export * from './display-names.js';
export { loadWorldFixtures, worldFixtures, WORLD_FIXTURES_DIR, type WorldFixtures } from './fixtures.js';
export { generateWorld, DEFAULT_SEED, DEFAULT_USERS, DEFAULT_DAYS, MIN_USERS, type GenerateOptions } from './generate.js';
export { SEEDED_ROLES, FIRST_SEEDED_ID, type SeededRole } from './population.js';
export { World, createWorld, type AddResult } from './store.js';
