/**
 * @module
 * The removed `POST /api/v1/ysws_programs/claim`, as it last behaved (upstream `586e5ae2`). The world
 * has no `ysws_program` column (the field is gone upstream), so claims live in a {@link YswsClaims} the
 * mock's state owns, per user, forgotten when the user's heartbeat list is replaced or the mock reset.
 */
import type { World } from '../../world/store.js';
import type { Heartbeat, User } from '../../world/types.js';
import { type ApiError, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { DateParseLimitError, RubyRangeError } from '../rails/ruby/date-fragments.js';
import { integerColumnCast, isNumericString, RubyMethodMissing, rubyToI } from '../rails/ruby/integer-cast.js';
import type { Params } from '../rails/ruby/rails-params.js';
import { RubyTimeError, rubyTimeParse, timeToF } from '../rails/ruby/time-parse.js';
import { json, type MockReply } from '../reply.js';
import { isProgramValue, YSWS_PROGRAMS } from './ysws-programs.js';

interface UserClaims {
  /** The heartbeat list the claims belong to; the store replaces it only on reset. */
  rows: readonly Heartbeat[];
  /** Heartbeat id → stored enum value (`null` is SQL NULL). */
  programs: Map<number, number | null>;
}

/** The claims of one mock, per user. */
export class YswsClaims {
  private readonly perUser = new Map<number, UserClaims>();

  /** A user's claims (heartbeat id → stored value), empty again once the user's heartbeat list is replaced. */
  of(world: World, userId: number): Map<number, number | null> {
    const rows = world.heartbeatsOf(userId);
    let entry = this.perUser.get(userId);
    if (!entry || entry.rows !== rows) {
      entry = { rows, programs: new Map() };
      this.perUser.set(userId, entry);
    }
    return entry.programs;
  }

  clear(): void {
    this.perUser.clear();
  }
}

/** The program a heartbeat is claimed by (`null`/`nothing` are unclaimed). */
function claimedProgram(world: World, claims: YswsClaims, hb: Heartbeat): string | null {
  const value = claims.of(world, hb.user_id).get(hb.id);
  return value === undefined || value === null ? null : (YSWS_PROGRAMS[value] ?? null);
}

/**
 * `User.where(id: v).first || User.where(slack_uid: v).first`. A missing `user_id` is `slack_uid IS
 * NULL`, which finds the first user without a Slack account.
 */
function claimUser(world: World, value: unknown): User | undefined {
  let byId: User | undefined;
  if (typeof value === 'number') byId = world.userById(Math.trunc(value));
  else if (typeof value === 'string' && isNumericString(value)) byId = world.userById(rubyToI(value));
  if (byId) return byId;
  if (value === undefined || value === null) return [...world.users].filter((u) => u.slackUid === null).sort((a, b) => a.id - b.id)[0];
  return typeof value === 'string' || typeof value === 'number' ? world.userBySlackUid(String(value)) : undefined;
}

/** What `update_all(ysws_program: value)` stores: an enum name's value, a number, else NULL. */
function storedProgram(value: unknown): number | null {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value !== 'string') return null;
  const byName = YSWS_PROGRAMS.indexOf(value);
  return byName !== -1 ? byName : integerColumnCast(value);
}

/**
 * `Time.parse(value).to_f`, or undefined where it raises: a non-string (TypeError) or a text
 * `Time.parse` cannot read (ArgumentError, RangeError).
 */
function parsedTime(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return timeToF(rubyTimeParse(value, nowMs));
  } catch (err) {
    if (err instanceof RubyTimeError || err instanceof DateParseLimitError || err instanceof RubyRangeError) return undefined;
    throw err;
  }
}

const crash = (): ApiError => fromTemplate(INTERNAL_ERROR_PAGE);

/**
 * The action: its validation renders a 400 without returning, so after any validation failure the
 * action runs on and ends in a second render or a `Time.parse(nil)` — a 500 error page, but only
 * after the claim itself was written when it got that far.
 */
export function claimHeartbeats(world: World, claims: YswsClaims, params: Params, nowMs: number): MockReply {
  let rendered = ['start_time', 'end_time', 'user_id', 'program_id'].some((key) => isRubyBlank(params[key]));
  try {
    if (!isProgramValue(rubyToI(params['program_id']))) rendered = true;
  } catch (err) {
    if (err instanceof RubyMethodMissing) throw crash();
    throw err;
  }

  const user = claimUser(world, params['user_id']);
  let rows: Heartbeat[] = [];
  if (user) {
    const from = parsedTime(params['start_time'], nowMs);
    const to = parsedTime(params['end_time'], nowMs);
    if (from === undefined || to === undefined) throw crash();
    rows = world.heartbeatsBetween(user.id, { from, to });
    const project = params['project'];
    if (!isRubyBlank(project)) rows = rows.filter((hb) => hb.project === String(project));
  }

  const conflicts = rows
    .map((hb) => [hb.id, claimedProgram(world, claims, hb)] as const)
    .filter((pair): pair is readonly [number, string] => pair[1] !== null && pair[1] !== 'nothing')
    .sort((a, b) => a[0] - b[0]);
  if (conflicts.length > 0) {
    if (rendered) throw crash();
    return json({ error: 'Some heartbeats are already claimed', conflicts }, 409);
  }

  const program = storedProgram(params['program_id']);
  // Values outside the enum are only written on the way to a 500; they are not kept here.
  if (user && (program === null || isProgramValue(program))) {
    const programs = claims.of(world, user.id);
    for (const hb of rows) programs.set(hb.id, program);
  }
  if (rendered) throw crash();
  return json({ message: `Successfully claimed ${rows.length} heartbeats`, claimed_count: rows.length });
}
