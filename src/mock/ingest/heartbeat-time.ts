/**
 * @module
 * A heartbeat's `time` as the real server reads it (`HeartbeatIngest#normalize_heartbeat_time`):
 * epoch seconds from a number or a numeric string, ms/µs/ns epochs scaled back into range, any
 * other string through Ruby's `Time.parse` — and the exact messages of
 * `HeartbeatIngest::InvalidHeartbeatTime` for everything else.
 */
import { DateParseLimitError, RubyRangeError } from '../rails/ruby/date-fragments.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';
import { RubyTimeError, rubyTimeParse, timeToF } from '../rails/ruby/time-parse.js';
import { INVALID_TIME, IngestFailure } from './ingest-error.js';

/** 2001-09-09 … 2033-05-18: the window of plausible epoch seconds. */
const EPOCH_MIN = 1_000_000_000;
const EPOCH_MAX = 2_000_000_000;

const TIME_OUT_OF_RANGE = `time must be Unix epoch seconds between ${EPOCH_MIN} and ${EPOCH_MAX - 1}`;
const TIME_NOT_EPOCH = 'time must be a Unix epoch timestamp';
const TIME_NOT_PARSEABLE = 'time must be a Unix epoch timestamp or parseable date';

/** What the server treats as a number written as text (no exponent, no underscores), after `strip`. */
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const fail = (message: string) => new IngestFailure(message, INVALID_TIME);

/** Ruby's `Float(string)` on a NUMERIC text: a trailing dot (`"5."`) is not a float. */
function rubyFloat(text: string): number | undefined {
  const stripped = rubyStrip(text);
  return /\.$/.test(stripped) ? undefined : Number(stripped);
}

function inRange(t: number): boolean {
  return t >= EPOCH_MIN && t < EPOCH_MAX;
}

/** `Float(value)` then the range rule: the value itself, or scaled by 1e3, 1e6, 1e9. */
function epochSeconds(value: unknown): number {
  let t: number | undefined;
  if (typeof value === 'number') t = value;
  else if (typeof value === 'string') t = rubyFloat(value);
  if (t === undefined || Number.isNaN(t)) throw fail(TIME_NOT_EPOCH);
  // Ruby raises the bare class here: its message is the class name.
  if (!Number.isFinite(t)) throw fail(INVALID_TIME);
  if (inRange(t)) return t;
  for (const scale of [1e3, 1e6, 1e9]) {
    const scaled = t / scale;
    if (inRange(scaled)) return scaled;
  }
  throw fail(TIME_OUT_OF_RANGE);
}

/**
 * `Time.parse(text).to_f`. Its ArgumentErrors become the "parseable date" failure; a RangeError is
 * not rescued there, so the item answers it as itself (`rescue => e` per item upstream).
 */
function parsedSeconds(text: string, nowMs: number): number {
  try {
    return timeToF(rubyTimeParse(text, nowMs));
  } catch (err) {
    if (err instanceof RubyTimeError || err instanceof DateParseLimitError) throw fail(TIME_NOT_PARSEABLE);
    if (err instanceof RubyRangeError) throw new IngestFailure(err.message, 'RangeError');
    throw err;
  }
}

/**
 * Float Unix seconds of a posted `time`, or an {@link IngestFailure} with the server's message.
 * @example
 * normaliseTime('1787407234500', now)        // 1787407234.5
 * normaliseTime('2026-08-22T14:00:34Z', now) // 1787407234
 * normaliseTime(2026, now)                   // throws "time must be Unix epoch seconds between …"
 */
export function normaliseTime(value: unknown, nowMs: number): number {
  if (typeof value === 'string' && !NUMERIC.test(rubyStrip(value))) return epochSeconds(parsedSeconds(value, nowMs));
  return epochSeconds(value);
}
