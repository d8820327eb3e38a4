/**
 * @module
 * The world room: a seeded heartbeat history, the real server's duration and formatting rules,
 * and the store the mock reads and writes. Other rooms import from here only.
 */

export { type Clock, fixedClock, parseNow, realClock } from './clock.js';
export * from './display-names.js';
export * from './durations.js';
export { englishFaker } from './faker.js';
export { AI_INDEXED_ATTRIBUTES, type FieldsHashInput, fieldsHash, fieldsHashSource, INDEXED_ATTRIBUTES } from './fields-hash.js';
export { loadWorldFixtures, WORLD_FIXTURES_DIR, type WorldFixtures, worldFixtures } from './fixtures.js';
export * from './format.js';
export * from './format-date.js';
export { DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_USERS, type GenerateOptions, generateWorld, MIN_USERS } from './generate.js';
export { FIRST_SEEDED_ID, SEEDED_ROLES, type SeededRole } from './population.js';
export { Random, seededFaker, type Weighted } from './random.js';
export { compareTimed, lowerBound, sliceWindow, type Timed, type TimeWindow, upperBound } from './sorted.js';
export { type Span, toSpans } from './spans.js';
export { type AddResult, createWorld, World } from './store.js';
export { STREAK_LOOKBACK_DAYS, STREAK_MIN_SECONDS, type StreakHeartbeat, streakDays } from './streak.js';
export * from './time-zone.js';
export * from './types.js';
