/**
 * @module
 * `GET /api/admin/v1/users/{id}/visualization/quantized`
 * (`app/controllers/api/admin/v1/admin_controller.rb:34-135`): a month of one user's heartbeats as
 * pixels of a 400 × 100 canvas per UTC day, and each day's capped-gap total.
 */
import { HEARTBEAT_TIMEOUT_SECONDS, type Heartbeat, pgInteger, type User, type World } from '../../world/index.js';
import { daysFromCivil } from '../rails/ruby/civil.js';

const DAY = 86_400;

interface Point {
  time: number;
  lineno: number | null;
  cursorpos: number | null;
}

/** PostgreSQL's `round(numeric)`: halves away from zero (the y axis is computed in `decimal`). */
const roundNumeric = (value: number) => Math.sign(value) * Math.round(Math.abs(value));

/**
 * One UTC day's pixels: the earliest heartbeat per (x, y of lineno), per (x, y of cursorpos) and, for
 * rows with neither, per x; the union without repeats, by time.
 */
function dayPoints(rows: readonly Heartbeat[], dayStart: number): Point[] {
  const maxOf = (pick: (hb: Heartbeat) => number | null) =>
    Math.max(1, ...rows.map(pick).filter((value): value is number => value !== null));
  const maxLineno = maxOf((hb) => hb.lineno);
  const maxCursor = maxOf((hb) => hb.cursorpos);
  const keep = new Map<string, Heartbeat>();
  const claim = (key: string, hb: Heartbeat) => {
    if (!keep.has(key)) keep.set(key, hb);
  };
  // Rows arrive by (time, id), so the first claim of a pixel is its earliest heartbeat.
  for (const hb of rows) {
    // `ROUND(2 + (time - day_start) / 86400 * 396)` in double precision: ties to even.
    const x = pgInteger(2 + ((hb.time - dayStart) / DAY) * 396);
    if (hb.lineno !== null) claim(`l ${x} ${roundNumeric(2 + (1 - hb.lineno / maxLineno) * 96)}`, hb);
    if (hb.cursorpos !== null) claim(`c ${x} ${roundNumeric(2 + (1 - hb.cursorpos / maxCursor) * 96)}`, hb);
    if (hb.lineno === null && hb.cursorpos === null) claim(`n ${x}`, hb);
  }
  const unique = new Map<string, Point>();
  for (const hb of keep.values()) {
    const point = { time: hb.time, lineno: hb.lineno, cursorpos: hb.cursorpos };
    unique.set(JSON.stringify(point), point);
  }
  return [...unique.values()].sort((a, b) => a.time - b.time);
}

/** `SUM(LEAST(time - LAG(time, 1, time), 120))` within the day: a float, not cast. */
function dayTotal(rows: readonly Heartbeat[]): number {
  let sum = 0;
  for (let i = 1; i < rows.length; i++)
    sum += Math.min((rows[i] as Heartbeat).time - (rows[i - 1] as Heartbeat).time, HEARTBEAT_TIMEOUT_SECONDS);
  return sum;
}

/**
 * The month `year`-`month` (UTC): one entry per day; `total_seconds` is `0` on a day without heartbeats.
 * @example
 * quantizedMonth(world, demo, 2026, 8).days.length // 31
 */
export function quantizedMonth(world: World, user: User, year: number, month: number) {
  const start = daysFromCivil(year, month, 1) * DAY;
  const end = (month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1)) * DAY;
  const byDay = new Map<number, Heartbeat[]>();
  for (const hb of world.heartbeatsBetween(user.id, { from: start, to: end })) {
    const dayStart = Math.floor(hb.time / DAY) * DAY;
    const list = byDay.get(dayStart);
    if (list) list.push(hb);
    else byDay.set(dayStart, [hb]);
  }
  const days = [];
  for (let epoch = start; epoch < end; epoch += DAY) {
    const rows = byDay.get(epoch) ?? [];
    days.push({ date_timestamp_s: epoch, total_seconds: rows.length === 0 ? 0 : dayTotal(rows), points: dayPoints(rows, epoch) });
  }
  return { days };
}
