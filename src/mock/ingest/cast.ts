/**
 * @module
 * ActiveModel's type casts, as a heartbeat's attributes go through them before the insert: strings,
 * 32/64-bit integers (a value outside the column's range fails the insert with `ActiveModel::RangeError`),
 * booleans and the string array of `dependencies`.
 */
import { rubyFloat } from '../../world/fields-hash.js';
import { IngestFailure, RANGE_ERROR } from './ingest-error.js';

/** Ruby's `to_s` of a JSON number: integers as digits, other floats the Ruby way (`1.0e+20`). */
function numberToS(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  return rubyFloat(value);
}

/** `ActiveModel::Type::String`: `true` → `"t"`, `false` → `"f"`, numbers → `to_s`. */
export function castString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToS(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return null;
}

const LEADING_INTEGER = /^\s*([+-]?\d+(?:_\d+)*)/;

/**
 * `ActiveModel::Type::Integer`: booleans → 1/0, numbers truncated (a non-finite one → nil), strings by
 * `to_i` (leading digits, else 0; blank → nil). Exact, so that the range check sees the real value.
 */
export function castInteger(value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const m = LEADING_INTEGER.exec(value);
    return m ? BigInt((m[1] as string).replace(/_/g, '')) : 0n;
  }
  return null;
}

const FALSE_VALUES = new Set<unknown>([false, 0, '0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF']);

/** `ActiveModel::Type::Boolean`: `""` → nil, the false list → false, anything else → true. */
export function castBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined || value === '') return null;
  return !FALSE_VALUES.has(value);
}

/** The `dependencies` string array; absent means the column default `[]`. Nulls are left out. */
export function castStringArray(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(castString).filter((v): v is string => v !== null);
}

/**
 * The insert's range check of an integer column (`limit` bytes): `-(2^(8·limit−1)) <= v < 2^(8·limit−1)`.
 * @example
 * rangeFailure(2147483648n, 4)?.message // "2147483648 is out of range for ActiveModel::Type::Integer with limit 4 bytes"
 */
export function rangeFailure(value: bigint | null, limit: 4 | 8): IngestFailure | undefined {
  if (value === null) return undefined;
  const max = 1n << BigInt(limit * 8 - 1);
  if (value >= -max && value < max) return undefined;
  return new IngestFailure(`${value} is out of range for ActiveModel::Type::Integer with limit ${limit} bytes`, RANGE_ERROR);
}
