/**
 * @module
 * How the admin routes read their numeric parameters: `to_i` then a clamp, never a 422
 * (`user_utilities.rb:298-299`, `:358`; `admin_controller.rb:138`, `:227-228`;
 * `heartbeats_controller.rb:9-10`, `:94-99`).
 */
import { rubyToI } from '../rails/ruby/integer-cast.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * `(params[name] || fallback).to_i.clamp(min, max)`: a sent value, even empty, is read with `to_i`
 * (`limit=` and `limit=abc` → 0 → `min`).
 * @example
 * clampedInt(new URLSearchParams('limit=abc'), 'limit', 1000, 1, 5000) // 1
 */
export function clampedInt(search: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = railsParam(search, name);
  return clamp(raw === undefined ? fallback : rubyToI(raw), min, max);
}

/** `offset`: `(params[:offset] || 0).to_i.clamp(0, Float::INFINITY)`. */
export const offsetParam = (search: URLSearchParams): number => clampedInt(search, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);

/** `lookback_days` of the alt and shared-machine routes: default 30, clamped to 1..365. */
export const lookbackDays = (search: URLSearchParams): number => clampedInt(search, 'lookback_days', 30, 1, 365);

/**
 * `parse_limit` of the heartbeats controller: absent or blank → 1000; a non-positive `to_i` → 1000;
 * else at most 10 000.
 */
export function sharedLimit(search: URLSearchParams): number {
  const raw = presentParam(search, 'limit');
  if (raw === undefined) return 1000;
  const parsed = rubyToI(raw);
  return parsed > 0 ? Math.min(parsed, 10_000) : 1000;
}
