/**
 * `/api/v1/my/heartbeats` and `/api/v1/my/heartbeats/most_recent`: checked against the spec, against
 * the raw heartbeats the mock's admin API hands out (the duration rule is the tests' own, in
 * ../helpers/heartbeats.ts, not imported from src), and against Ruby (`Time.parse` itself is checked
 * in ruby-time.test.ts).
 */
import { expect, it } from 'vitest';
import type { Heartbeat } from '../../src/world/types.js';
import { draftOf, lagSeconds } from '../helpers/heartbeats.js';
import { ACCEPT_JSON, basic, bearer, DEMO_KEY, describeBoth, type MockTarget, NOW, PROFILE_TOKEN, READ_TOKEN } from '../helpers/mock.js';
import { credentials, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { expectValid } from '../helpers/spec.js';

/** Rails' `time_ago_in_words` + " ago" for the spans these tests meet (under a month). */
function railsTimeAgo(fromMs: number, toMs: number): string {
  const minutes = Math.round(Math.abs(toMs - fromMs) / 60_000);
  if (minutes === 0) return 'less than a minute ago';
  if (minutes === 1) return '1 minute ago';
  if (minutes < 45) return `${minutes} minutes ago`;
  if (minutes < 90) return 'about 1 hour ago';
  if (minutes < 1440) return `about ${Math.round(minutes / 60)} hours ago`;
  if (minutes < 2520) return '1 day ago';
  return `${Math.round(minutes / 1440)} days ago`;
}

const INTERNAL_ERROR = {
  error: 'Internal Server Error',
  message: 'Something went wrong on our end, but we are looking into it!',
  status: 500,
};
const UNAUTHORIZED = { error: 'Unauthorized' };
const MIDNIGHT = Date.parse('2026-08-22T00:00:00Z') / 1000;

interface MyHeartbeats {
  start_time: string;
  end_time: string;
  total_seconds: number;
  heartbeats: Heartbeat[];
}

async function getJson<T>(
  t: MockTarget,
  path: string,
  headers: Record<string, string> = bearer(DEMO_KEY),
): Promise<{ status: number; body: T; res: Response }> {
  const res = await t.fetch(path, { headers: { ...ACCEPT_JSON, ...headers } });
  return { status: res.status, body: (await res.json()) as T, res };
}

describeBoth('GET /api/v1/my/heartbeats', (t) => {
  it('defaults to today in UTC and matches the raw heartbeats of that window', async () => {
    const { status, body, res } = await getJson<MyHeartbeats>(t, '/api/v1/my/heartbeats');
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectValid('getMyHeartbeats', 200, body);
    expect(body.start_time).toBe('2026-08-22T00:00:00.000Z');
    expect(body.end_time).toBe('2026-08-22T23:59:59.999Z');
    const expected = (await rawHeartbeats(t, 'demo', MIDNIGHT, MIDNIGHT + 86_400)).filter((hb) => hb.time < MIDNIGHT + 86_400);
    expect(expected.length).toBeGreaterThan(10);
    expect(body.heartbeats.map((hb) => hb.id)).toEqual(expected.map((hb) => hb.id));
    expect(body.heartbeats).toEqual(expected);
    for (let i = 1; i < body.heartbeats.length; i++) expect(body.heartbeats[i]!.time).toBeGreaterThanOrEqual(body.heartbeats[i - 1]!.time);
    expect(body.total_seconds).toBe(lagSeconds(body.heartbeats));
    expect(body.total_seconds).toBe(lagSeconds(expected));
  });

  it('reads an explicit window with its own offset, inclusive on both ends', async () => {
    // Demo's live session runs up to the last two minutes before now (18:30Z): the window holds its start.
    const path = `/api/v1/my/heartbeats?start_time=${encodeURIComponent('2026-08-22T16:00:00+02:00')}&end_time=${encodeURIComponent('2026-08-22T20:25:00+02:00')}`;
    const { status, body } = await getJson<MyHeartbeats>(t, path);
    expect(status).toBe(200);
    expectValid('getMyHeartbeats', 200, body);
    expect(body.start_time).toBe('2026-08-22T16:00:00.000+02:00');
    expect(body.end_time).toBe('2026-08-22T20:25:00.000+02:00');
    const from = Date.parse('2026-08-22T14:00:00Z') / 1000;
    const to = Date.parse('2026-08-22T18:25:00Z') / 1000;
    const expected = await rawHeartbeats(t, 'demo', from, to);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.heartbeats.map((hb) => hb.id)).toEqual(expected.map((hb) => hb.id));
    expect(body.total_seconds).toBe(lagSeconds(expected));
  });

  it('a window over several days returns everything in it: no limit, no pagination', async () => {
    const path = '/api/v1/my/heartbeats?start_time=2026-08-01&end_time=2026-08-22T23:59:59Z&limit=10&start=2026-08-22&end=2026-08-22';
    const { body } = await getJson<MyHeartbeats>(t, path);
    expectValid('getMyHeartbeats', 200, body);
    const expected = await rawHeartbeats(t, 'demo', Date.parse('2026-08-01T00:00:00Z') / 1000, Date.parse('2026-08-22T23:59:59Z') / 1000);
    expect(expected.length).toBeGreaterThan(100);
    expect(body.heartbeats.length).toBe(expected.length);
    expect(body.total_seconds).toBe(lagSeconds(expected));
    expect(body.total_seconds).toBe(lagSeconds(body.heartbeats));
  });

  it('ignores limit, start and end, and treats an empty value as absent', async () => {
    const plain = await getJson<MyHeartbeats>(t, '/api/v1/my/heartbeats');
    const noisy = await getJson<MyHeartbeats>(t, '/api/v1/my/heartbeats?limit=1&start=2020-01-01&end=2020-01-02&start_time=&end_time=%20');
    expect(noisy.status).toBe(200);
    expect(noisy.body).toEqual(plain.body);
  });

  it('echoes parsed bounds as Ruby renders them', async () => {
    const cases: Array<[string, string]> = [
      ['2026-08-22T14:00:00.123456Z', '2026-08-22T14:00:00.123Z'],
      ['Aug 22, 2026 2:30pm', '2026-08-22T14:30:00.000+00:00'],
      ['Sat, 22 Aug 2026 14:00:00 GMT', '2026-08-22T14:00:00.000+00:00'],
      ['22/08/2026', '2026-08-22T00:00:00.000+00:00'],
      ['2026-08-22 14:00 -00:00', '2026-08-22T14:00:00.000Z'],
      ['2026-08-22 14:00 EST', '2026-08-22T14:00:00.000-05:00'],
      ['14:00', '2026-08-22T14:00:00.000+00:00'],
    ];
    for (const [input, echo] of cases) {
      const { status, body } = await getJson<MyHeartbeats>(t, `/api/v1/my/heartbeats?start_time=${encodeURIComponent(input)}`);
      expect(status, input).toBe(200);
      expect(body.start_time, input).toBe(echo);
      expectValid('getMyHeartbeats', 200, body);
    }
  });

  it('an end before the start gives an empty list', async () => {
    const { status, body } = await getJson<MyHeartbeats>(
      t,
      '/api/v1/my/heartbeats?start_time=2026-08-22T12:00:00Z&end_time=2026-08-22T11:00:00Z',
    );
    expect(status).toBe(200);
    expectValid('getMyHeartbeats', 200, body);
    expect(body).toMatchObject({ total_seconds: 0, heartbeats: [] });
  });

  it.each([
    ['start_time', 'bogus'],
    ['start_time', '2026-13-45'],
    ['start_time', '2026'],
    ['start_time', '08/22/2026'],
    ['start_time', 'Monday'],
    ['start_time', 'x'.repeat(129)],
    ['end_time', '2026-08-22T25:00:00Z'],
    ['end_time', '2026-08-22T14:00:00+25:00'],
    ['end_time', 'tomorrow'],
  ])('an unparseable %s (%s) raises: the 500 error page', async (name, value) => {
    const { status, body } = await getJson<unknown>(t, `/api/v1/my/heartbeats?${name}=${encodeURIComponent(value)}`);
    expect(status).toBe(500);
    expect(body).toEqual(INTERNAL_ERROR);
  });

  it('accepts an API key as Bearer or Basic and an OAuth token with read', async () => {
    const plain = await getJson<MyHeartbeats>(t, '/api/v1/my/heartbeats');
    for (const headers of [basic(DEMO_KEY), bearer(READ_TOKEN)]) {
      const other = await getJson<MyHeartbeats>(t, '/api/v1/my/heartbeats', headers);
      expect(other.status).toBe(200);
      expect(other.body).toEqual(plain.body);
    }
  });

  it('answers 401 {"error":"Unauthorized"} to a profile-only token, ?api_key, no credentials and restricted users', async () => {
    const creds = await credentials(t);
    const holder = (role: string) => creds.users.find((u) => u.username === creds.roles[role])!;
    const attempts: Array<[string, Record<string, string>]> = [
      ['/api/v1/my/heartbeats', bearer(PROFILE_TOKEN)],
      [`/api/v1/my/heartbeats?api_key=${DEMO_KEY}`, {}],
      ['/api/v1/my/heartbeats', {}],
      ['/api/v1/my/heartbeats', bearer('00000000-0000-4000-8000-000000000000')],
      ['/api/v1/my/heartbeats', bearer(holder('banned').api_keys[0]!)],
      ['/api/v1/my/heartbeats', basic(holder('pendingDeletion').api_keys[0]!)],
      ['/api/v1/my/heartbeats', bearer(holder('banned').oauth_tokens[0]!.token)],
    ];
    for (const [path, headers] of attempts) {
      const res = await t.fetch(path, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(await res.json()).toEqual(UNAUTHORIZED);
    }
  });
});

describeBoth('GET /api/v1/my/heartbeats/most_recent', (t) => {
  interface MostRecent {
    has_heartbeat: boolean;
    heartbeat: Heartbeat | null;
    editor: string | null;
    time_ago: string | null;
  }
  const path = '/api/v1/my/heartbeats/most_recent';
  const latestOf = (rows: readonly Heartbeat[], keep: (hb: Heartbeat) => boolean) =>
    [...rows]
      .sort((a, b) => a.time - b.time || a.id - b.id)
      .filter(keep)
      .at(-1);

  it('is the latest non-test heartbeat of the raw data, with the four keys', async () => {
    const { status, body, res } = await getJson<MostRecent>(t, path);
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectValid('getMyMostRecentHeartbeat', 200, body);
    const expected = latestOf(await rawHeartbeats(t, 'demo', 0, NOW / 1000 + 86_400), (hb) => hb.source_type !== 'test_entry')!;
    expect(body).toEqual({
      has_heartbeat: true,
      heartbeat: expected,
      editor: expected.editor,
      time_ago: railsTimeAgo(expected.time * 1000, NOW),
    });
  });

  it('filters by editor case-insensitively; no match gives the all-null shape', async () => {
    const all = await rawHeartbeats(t, 'demo', 0, NOW / 1000 + 86_400);
    const editors = [...new Set(all.map((hb) => hb.editor).filter((e): e is string => e !== null))];
    expect(editors.length).toBeGreaterThan(1);
    for (const editor of editors) {
      const { body } = await getJson<MostRecent>(t, `${path}?editor=${encodeURIComponent(editor.toUpperCase())}`);
      expectValid('getMyMostRecentHeartbeat', 200, body);
      const expected = latestOf(all, (hb) => hb.source_type !== 'test_entry' && hb.editor === editor)!;
      expect(body.heartbeat?.id, editor).toBe(expected.id);
      expect(body.editor).toBe(editor);
    }
    const none = await getJson<MostRecent>(t, `${path}?editor=no-such-editor`);
    expectValid('getMyMostRecentHeartbeat', 200, none.body);
    expect(none.body).toEqual({ has_heartbeat: false, heartbeat: null, editor: null, time_ago: null });
  });

  it('source_type picks one source, test entries included only when asked; unknown names match nothing', async () => {
    const user = await userWithRole(t, 'noGithub');
    const headers = bearer(user.api_keys[0]!);
    const before = await rawHeartbeats(t, user.username, 0, NOW / 1000 + 86_400);
    const latest = latestOf(before, () => true)!;
    // A test entry newer than anything else, and an older imported heartbeat.
    t.world.addHeartbeat(user.id, draftOf(latest, { time: latest.time + 30, entity: 'test.txt', source_type: 'test_entry' }));
    t.world.addHeartbeat(user.id, draftOf(latest, { time: latest.time - 7200.5, source_type: 'wakapi_import', editor: 'Zed' }));
    const after = await rawHeartbeats(t, user.username, 0, NOW / 1000 + 86_400);
    const cases: Array<[string, (hb: Heartbeat) => boolean]> = [
      ['', (hb) => hb.source_type !== 'test_entry'],
      ['?source_type=', (hb) => hb.source_type !== 'test_entry'],
      ['?source_type=direct_entry', (hb) => hb.source_type === 'direct_entry'],
      ['?source_type=test_entry', (hb) => hb.source_type === 'test_entry'],
      ['?source_type=wakapi_import', (hb) => hb.source_type === 'wakapi_import'],
      ['?source_type=wakapi_import&editor=zed', (hb) => hb.source_type === 'wakapi_import' && hb.editor === 'Zed'],
      // An integer column casts numeric strings: 2 is test_entry's enum value.
      ['?source_type=2', (hb) => hb.source_type === 'test_entry'],
    ];
    for (const [query, keep] of cases) {
      const { body } = await getJson<MostRecent>(t, `${path}${query}`, headers);
      expectValid('getMyMostRecentHeartbeat', 200, body);
      expect(body.heartbeat, query).toEqual(latestOf(after, keep));
    }
    for (const query of ['?source_type=bogus', '?source_type=TEST_ENTRY', '?source_type=7']) {
      const { body } = await getJson<MostRecent>(t, `${path}${query}`, headers);
      expect(body, query).toEqual({ has_heartbeat: false, heartbeat: null, editor: null, time_ago: null });
    }
    // /my/heartbeats keeps test entries.
    const iso = (seconds: number) => encodeURIComponent(new Date(seconds * 1000).toISOString());
    const window = await getJson<MyHeartbeats>(
      t,
      `/api/v1/my/heartbeats?start_time=${iso(latest.time - 10_000)}&end_time=${iso(latest.time + 60)}`,
      headers,
    );
    expect(window.body.heartbeats.some((hb) => hb.source_type === 'test_entry')).toBe(true);
    expect(window.body.total_seconds).toBe(lagSeconds(window.body.heartbeats));
  });

  it('a user with no heartbeats gets the all-null shape', async () => {
    const admin = await userWithRole(t, 'noHeartbeats');
    const { status, body } = await getJson<MostRecent>(t, path, bearer(admin.api_keys[0]!));
    expect(status).toBe(200);
    expect(body).toEqual({ has_heartbeat: false, heartbeat: null, editor: null, time_ago: null });
  });

  it('uses the same credentials rules as /my/heartbeats', async () => {
    for (const headers of [basic(DEMO_KEY), bearer(READ_TOKEN)]) expect((await t.fetch(path, { headers })).status).toBe(200);
    const banned = await userWithRole(t, 'banned');
    for (const [p, headers] of [
      [path, bearer(PROFILE_TOKEN)],
      [`${path}?api_key=${DEMO_KEY}`, {}],
      [path, bearer(banned.api_keys[0]!)],
    ] as Array<[string, Record<string, string>]>) {
      const res = await t.fetch(p, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(UNAUTHORIZED);
    }
  });
});
