/**
 * `/api/summary`: who is looked up, the UTC windows of every interval and of explicit ranges, and
 * the per-project/per-language totals recomputed here from the raw heartbeats of the mock's admin
 * API (the 2-minute rule written independently; only language display names are borrowed).
 */
import { expect, it } from 'vitest';
import { displayLanguageName } from '../../src/mock/rails/present/display-names.js';
import type { Heartbeat } from '../../src/world/types.js';
import { groupedLag } from '../helpers/heartbeats.js';
import { bearer, describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { expectValid } from '../helpers/spec.js';

const EMPTY_OBJECTS = { editors: {}, operating_systems: {}, machines: {}, categories: {}, branches: {}, entities: {}, labels: {} };

type Item = { key: string; total: number };
const asItems = (groups: Map<string | null, number>, name: (key: string) => string): Item[] =>
  [...groups].map(([key, total]) => ({ key: name(key === null || key.trim() === '' ? 'Other' : key), total }));
const canonical = (items: Item[]) => [...items].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));

// biome-ignore lint/suspicious/noExplicitAny: bodies are read along many paths; the schema check types them
async function summary(t: MockTarget, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await t.fetch(`/api/summary?${query}`, { headers });
  return { status: res.status, body: await res.json() };
}

/**
 * A user's raw heartbeats from the admin API, all of them, fetched once per mock (nothing here
 * posts): a year of them is megabytes of JSON, too much to fetch again for every window.
 */
const rawRows = new WeakMap<MockTarget, Map<string, Promise<Heartbeat[]>>>();
function allRaw(t: MockTarget, username: string): Promise<Heartbeat[]> {
  let byUser = rawRows.get(t);
  if (!byUser) {
    byUser = new Map();
    rawRows.set(t, byUser);
  }
  let rows = byUser.get(username);
  if (!rows) {
    rows = t
      .fetch(`/__mock/users/${encodeURIComponent(username)}/heartbeats`)
      .then(async (res) => ((await res.json()) as { heartbeats: Heartbeat[] }).heartbeats);
    byUser.set(username, rows);
  }
  return rows;
}

/** The totals the body should carry for `username` over its own from/to: `from <= time < to`. */
async function expectTotals(t: MockTarget, username: string, body: { from: string; to: string; projects: Item[]; languages: Item[] }) {
  const from = Date.parse(body.from) / 1000;
  const to = Date.parse(body.to) / 1000;
  const rows = (await allRaw(t, username)).filter((hb) => hb.time >= from && hb.time < to);
  expect(canonical(body.projects)).toEqual(
    canonical(
      asItems(
        groupedLag(rows, (hb) => hb.project),
        (k) => k,
      ),
    ),
  );
  expect(canonical(body.languages)).toEqual(
    canonical(
      asItems(
        groupedLag(rows, (hb) => hb.language),
        displayLanguageName,
      ),
    ),
  );
  for (const list of [body.projects, body.languages]) {
    const totals = list.map((i) => i.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  }
  return rows.length;
}

/** [interval, first UTC day, last UTC day]; `null` first day means the Unix epoch. */
type Window = [string | undefined, string | null, string];

function checkIntervals(t: MockTarget, windows: Window[]) {
  it('every interval (and `range`) picks its UTC window, and the totals match the raw heartbeats', async () => {
    let active = 0;
    for (const [interval, first, last] of windows) {
      for (const param of ['interval', 'range']) {
        const query = interval === undefined ? 'user_id=demo' : `user_id=demo&${param}=${encodeURIComponent(interval)}`;
        const { status, body } = await summary(t, query);
        expect(status, query).toBe(200);
        expectValid('getSummary', '200', body);
        expect([query, body.from, body.to]).toEqual([
          query,
          first === null ? '1970-01-01T00:00:00Z' : `${first}T00:00:00Z`,
          `${last}T23:59:59Z`,
        ]);
        expect(body).toMatchObject({ user_id: null, ...EMPTY_OBJECTS });
        if ((await expectTotals(t, 'demo', body)) > 0) active += 1;
      }
    }
    expect(active).toBeGreaterThan(windows.length);
  });
}

describeBoth(
  'GET /api/summary (Saturday 2026-08-22)',
  (t) => {
    checkIntervals(t, [
      ['today', '2026-08-22', '2026-08-22'],
      ['yesterday', '2026-08-21', '2026-08-21'],
      ['week', '2026-08-17', '2026-08-23'],
      ['7_days', '2026-08-17', '2026-08-23'],
      ['last_7_days', '2026-08-15', '2026-08-22'],
      ['month', '2026-08-01', '2026-08-31'],
      ['30_days', '2026-08-01', '2026-08-31'],
      ['last_30_days', '2026-07-23', '2026-08-22'],
      ['6_months', '2026-03-01', '2026-08-31'],
      ['last_6_months', '2026-02-22', '2026-08-22'],
      ['year', '2026-01-01', '2026-12-31'],
      ['12_months', '2026-01-01', '2026-12-31'],
      ['last_12_months', '2025-08-22', '2026-08-22'],
      ['last_year', '2025-08-22', '2026-08-22'],
      ['any', null, '2026-08-22'],
      ['all_time', null, '2026-08-22'],
      [undefined, null, '2026-08-22'],
      ['fortnight', '2026-08-22', '2026-08-22'],
      ['', '2026-08-22', '2026-08-22'],
    ]);

    it('`interval` wins over `range`', async () => {
      const { body } = await summary(t, 'user_id=demo&interval=yesterday&range=year');
      expect([body.from, body.to]).toEqual(['2026-08-21T00:00:00Z', '2026-08-21T23:59:59Z']);
    });

    it('an explicit range is widened to whole UTC days, takes start/end as aliases and wins over interval', async () => {
      const cases: [string, string, string][] = [
        ['from=2026-08-01&to=2026-08-21&interval=today', '2026-08-01T00:00:00Z', '2026-08-21T23:59:59Z'],
        ['start=2026-08-10T15:00:00Z&end=2026-08-12T01:00:00Z', '2026-08-10T00:00:00Z', '2026-08-12T23:59:59Z'],
        ['from=2026-08-01T23:00:00-05:00&to=Aug 3 2026', '2026-08-02T00:00:00Z', '2026-08-03T23:59:59Z'],
        ['from=2026-08-05&end=2026-08-06', '2026-08-05T00:00:00Z', '2026-08-06T23:59:59Z'],
        ['from=2026-08-20&to=2026-08-10', '2026-08-20T00:00:00Z', '2026-08-10T23:59:59Z'],
      ];
      for (const [query, from, to] of cases) {
        const { status, body } = await summary(t, `user=demo&${query.replace(/ /g, '%20')}`);
        expect([query, status, body.from, body.to]).toEqual([query, 200, from, to]);
        expectValid('getSummary', '200', body);
        await expectTotals(t, 'demo', body);
      }
      const backwards = await summary(t, 'user=demo&from=2026-08-20&to=2026-08-10');
      expect([backwards.body.projects, backwards.body.languages]).toEqual([[], []]);
    });

    it('one side alone, or an empty `from` hiding `start`, is no explicit range', async () => {
      for (const query of ['from=2026-08-01', 'to=2026-08-01', 'from=&start=2026-08-01&to=2026-08-02', 'from=%20&to=2026-08-02']) {
        const { body } = await summary(t, `user_id=demo&${query}`);
        expect([query, body.from, body.to]).toEqual([query, '1970-01-01T00:00:00Z', '2026-08-22T23:59:59Z']);
      }
    });

    it('user_id echoes the `user` parameter: null when absent, even when user_id did the lookup', async () => {
      const demo = t.world.users.find((u) => u.username === 'demo')!;
      const cases: [string, string | null][] = [
        ['user=demo', 'demo'],
        ['user_id=demo', null],
        [`user_id=${demo.slackUid}&user=whatever`, 'whatever'],
        [`user_id=${demo.id}`, null],
      ];
      const bodies = [];
      for (const [query, echoed] of cases) {
        const { status, body } = await summary(t, `${query}&interval=last_7_days`);
        expect([query, status, body.user_id]).toEqual([query, 200, echoed]);
        bodies.push({ ...body, user_id: null });
      }
      // Username, Slack UID and numeric id all find demo.
      for (const body of bodies) expect(body).toEqual(bodies[0]);
    });

    it('another user, found by Slack UID, with totals recomputed', async () => {
      const other = t.world.users.find(
        (u) => u.username !== 'demo' && u.allowPublicStats && u.slackUid !== null && t.world.heartbeatsOf(u.id).length > 0,
      )!;
      const { status, body } = await summary(t, `user_id=${other.slackUid}&interval=last_30_days`);
      expect(status).toBe(200);
      expect(await expectTotals(t, other.username!, body)).toBeGreaterThan(0);
    });

    it('4xx in the server order with its exact bodies; no credential is read', async () => {
      const privateUser = t.world.roles.privateStats;
      const cases: [string, number, string][] = [
        ['', 400, 'Missing required parameter: user_id'],
        ['interval=today', 400, 'Missing required parameter: user_id'],
        ['user_id=&user=demo', 400, 'Missing required parameter: user_id'],
        ['user=%20%20', 400, 'Missing required parameter: user_id'],
        ['from=nope&to=nope', 400, 'Missing required parameter: user_id'],
        ['user_id=no-such-user-anywhere', 404, 'User not found'],
        ['user_id=Demo', 404, 'User not found'],
        [`user_id=${privateUser}`, 403, 'User has disabled public stats'],
        [`user_id=${privateUser}&from=nope&to=nope`, 403, 'User has disabled public stats'],
        ['user_id=demo&from=nope&to=2026-08-21', 400, 'Invalid date range'],
        ['user_id=demo&from=2026-08-01&to=2026-13-01', 400, 'Invalid date range'],
        ['user_id=demo&start=2026-08-01&end=1787407234', 400, 'Invalid date range'],
      ];
      for (const [query, status, message] of cases) {
        const res = await summary(t, query, bearer('not-a-key'));
        expect([query, res.status, res.body]).toEqual([query, status, { error: message }]);
        expectValid('getSummary', String(status), res.body);
      }
    });
  },
  { days: 'default' },
);

describeBoth(
  'GET /api/summary windows at a month end (Monday 2026-08-31)',
  (t) => {
    checkIntervals(t, [
      ['today', '2026-08-31', '2026-08-31'],
      ['week', '2026-08-31', '2026-09-06'],
      ['last_7_days', '2026-08-24', '2026-08-31'],
      ['month', '2026-08-01', '2026-08-31'],
      ['last_30_days', '2026-08-01', '2026-08-31'],
      ['6_months', '2026-03-01', '2026-08-31'],
      ['last_6_months', '2026-02-28', '2026-08-31'],
      ['last_12_months', '2025-08-31', '2026-08-31'],
    ]);
  },
  { now: Date.parse('2026-08-31T12:00:00Z'), days: 'default' },
);

it('NOW is the Saturday the expectations above were written for', () => {
  expect(new Date(NOW).toISOString()).toBe('2026-08-22T18:30:00.000Z');
});
