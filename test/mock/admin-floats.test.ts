/**
 * The admin API's floats, marked `x-float` from the real server's code (hackclub/hackatime at
 * 62542c2d): `heartbeats.time` is `t.float "time"` (db/schema.rb:353), so a row's `time`, a SQL
 * `MIN(time)`/`MAX(time)` (a `double precision` PostgreSQL hands Ruby as a Float) and the timeline's
 * differences of times are Floats, written `1787423332.0` when whole (Oj in Rails mode). The
 * quantized visualization's `total_seconds` is a SQL `SUM` of time gaps, but the Integer `0` for a
 * day without heartbeats (`daily_totals[day] || 0`, admin_controller.rb:131): `except-zero`.
 */
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/server/server.js';
import type { Heartbeat } from '../../src/world/index.js';
import { LEVEL_KEY } from '../helpers/admin-api.js';
import { draftOf } from '../helpers/heartbeats.js';
import { ACCEPT_JSON, bearer, NOW, SEED } from '../helpers/mock.js';

const DAY = 86_400;
const today = Math.floor(NOW / 1000 / DAY) * DAY;

/** Every number written at `field` in a raw body, as written. */
const written = (body: string, field: string) =>
  [...body.matchAll(new RegExp(`"${field}":(-?[0-9.eE+]+)`, 'g'))].map((m) => m[1] as string);

describe('admin floats as the server writes them', () => {
  const mock = createMock({ seed: SEED, now: NOW });
  const raw = async (path: string) => {
    const res = await mock.app.request(path, { headers: { ...bearer(LEVEL_KEY.ultraadmin), ...ACCEPT_JSON } });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  /** Each field is written at least once, always with a fraction; returns what was written. */
  const allFloats = (body: string, fields: string[]) =>
    fields.flatMap((field) => {
      const values = written(body, field);
      expect(values.length, field).toBeGreaterThan(0);
      for (const v of values) expect(v, field).toMatch(/[.eE]/);
      return values;
    });

  it('writes a heartbeat row’s time (t.float) with a fraction, `N.0` when whole (admin_controller.rb:252)', async () => {
    const segment = await raw('/api/admin/v1/heartbeats/by_user_agent_segment?segment=vscode&limit=50');
    expect(allFloats(segment, ['time']).some((v) => v.endsWith('.0'))).toBe(true);
    allFloats(await raw('/api/admin/v1/user/heartbeats?user_id=1&limit=50'), ['time']);
  });

  it('writes user/projects first_heartbeat and last_heartbeat, MIN/MAX(time), as Floats (user_utilities.rb:188-204)', async () => {
    const values = allFloats(await raw('/api/admin/v1/user/projects?user_id=1'), ['first_heartbeat', 'last_heartbeat']);
    expect(values.some((v) => v.endsWith('.0'))).toBe(true);
  });

  it('writes the first and last seen of alts/candidates and ip_machine_pairs, MIN/MAX(time), as Floats (admin_controller.rb:147-158, heartbeats_controller.rb:19-25)', async () => {
    const source = mock.world
      .heartbeatsBetween(1, { from: today - DAY })
      .find((hb) => hb.machine !== null && hb.ip_address !== null) as Heartbeat;
    // A whole instant: written `….0`.
    mock.world.addHeartbeat(3, draftOf(source, { time: today - 3600 }));
    const candidates = await raw('/api/admin/v1/alts/candidates');
    const combo = ['user_a_first_seen_on_combo', 'user_a_last_seen_on_combo', 'user_b_first_seen_on_combo', 'user_b_last_seen_on_combo'];
    expect(allFloats(candidates, combo)).toContain(`${today - 3600}.0`);
    const pairs = await raw('/api/admin/v1/heartbeats/ip_machine_pairs');
    expect(allFloats(pairs, ['user_a_first_seen', 'user_a_last_seen', 'user_b_first_seen', 'user_b_last_seen'])).toContain(
      `${today - 3600}.0`,
    );
  });

  it('writes the timeline’s start_time, end_time and duration as Floats (timeline_service.rb:81-91)', async () => {
    const day = new Date((today - DAY) * 1000).toISOString().slice(0, 10);
    const body = await raw(`/api/admin/v1/timeline?date=${day}&user_ids=1,3`);
    allFloats(body, ['start_time', 'end_time', 'duration']);
    // `[end_time - start_time, 0].max` keeps the Float 0.0 of a one-heartbeat span; only total_coded_time is `.to_i`.
    for (const v of written(body, 'total_coded_time')) expect(v).toMatch(/^\d+$/);
  });

  it('writes the quantized points’ time as Floats and total_seconds as a Float, or the Integer 0 of an empty day (admin_controller.rb:112-131)', async () => {
    const body = await raw('/api/admin/v1/users/1/visualization/quantized?year=2026&month=8');
    expect(allFloats(body, ['time']).some((v) => v.endsWith('.0'))).toBe(true);
    const totals = written(body, 'total_seconds');
    expect(totals).toContain('0');
    expect(totals.filter((v) => v !== '0').length).toBeGreaterThan(0);
    for (const v of totals) expect(v).toMatch(/^0$|[.eE]/);
  });
});
