/**
 * @module
 * The `Heartbeat.with_valid_timestamps` scope: a time PostgreSQL can turn into a timestamp.
 */
import type { Heartbeat } from '../../../world/index.js';

/** 9999-12-31T23:59:59Z, the largest valid heartbeat time. */
const MAX_VALID_TIME = 253_402_300_799;

/** `time >= 0 AND time <= 253402300799`, of a time. */
export const isValidTime = (time: number) => time >= 0 && time <= MAX_VALID_TIME;

/** `time >= 0 AND time <= 253402300799`. */
export const hasValidTimestamp = (hb: Heartbeat) => isValidTime(hb.time);
