/**
 * `/api/v1/authenticated/*`: every answer checked against the spec, the numbers recomputed here
 * from the raw heartbeats of the mock's admin API (duration, streak and project rules written
 * independently of src/world), Doorkeeper's empty 401/403 answers, and the restricted-user rules.
 * `Date.parse` / `DateTime.parse` themselves are checked against Ruby in ruby-time.test.ts.
 */
import { expect, it } from 'vitest';
import { authenticatedMe } from '../../src/mock/answers/authenticated-profile.js';
import type { MockReply, RequestContext } from '../../src/mock/handler.js';
import { authenticatedHandlers } from '../../src/mock/handlers/authenticated.js';
import type { World } from '../../src/world/store.js';
import type { Heartbeat } from '../../src/world/types.js';
import { draft, draftOf, lagSeconds } from '../helpers/heartbeats.js';
import { ACCEPT_JSON, basic, bearer, DEMO_KEY, describeBoth, type MockTarget, NOW, PROFILE_TOKEN, READ_TOKEN } from '../helpers/mock.js';
import { type CredentialUser, credentials, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { expectValid } from '../helpers/spec.js';

// --- independent rules ------------------------------------------------------------------------

const byTime = (a: Heartbeat, b: Heartbeat) => a.time - b.time || a.id - b.id;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoZ = (seconds: number) => `${new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)}Z`;

/** Consecutive local days (ending today or yesterday) with ≥ 15 min of categorised, non-browsing time. */
function streak(rows: readonly Heartbeat[], zone: string, nowMs: number): number {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const local = (ms: number) => format.format(ms);
  const counted = rows
    .filter((hb) => hb.time >= nowMs / 1000 - 31 * 86_400 && hb.time <= nowMs / 1000 && hb.category !== null && hb.category !== 'browsing')
    .sort(byTime);
  const perDay = new Map<string, number>();
  for (let i = 0; i < counted.length; i++) {
    const day = local(counted[i]!.time * 1000);
    const previous = counted[i - 1];
    const gap = previous && local(previous.time * 1000) === day ? Math.min(counted[i]!.time - previous.time, 120) : 0;
    perDay.set(day, (perDay.get(day) ?? 0) + gap);
  }
  const qualifies = (day: string) => Math.round(perDay.get(day) ?? 0) >= 900;
  const today = local(nowMs);
  let cursor = qualifies(today) ? nowMs : nowMs - DAY_MS;
  let days = 0;
  // Local dates stepped back by whole days (the fixtures' zones have no DST switch in this window).
  while (qualifies(local(cursor))) {
    days++;
    cursor -= DAY_MS;
  }
  return days;
}

// --- fixtures from the mock ---------------------------------------------------------------------

/** A token of the user that carries profile and read. */
const fullToken = (u: CredentialUser) =>
  u.oauth_tokens.find((o) => o.scopes.includes('read') && o.scopes.includes('profile') && !o.revoked && !o.expired)!.token;

/** A user's heartbeats from `start` (default all time) to `end` (default now), inclusive. */
const raw = (t: MockTarget, username: string, start = 0, end = NOW / 1000) => rawHeartbeats(t, username, start, end);

async function get<T>(t: MockTarget, path: string, token = READ_TOKEN): Promise<{ status: number; body: T; res: Response }> {
  const res = await t.fetch(path, { headers: { ...ACCEPT_JSON, ...bearer(token) } });
  return { status: res.status, body: (await res.json()) as T, res };
}

const INTERNAL_ERROR = {
  error: 'Internal Server Error',
  message: 'Something went wrong on our end, but we are looking into it!',
  status: 500,
};
const SUCCESS_CACHE = 'max-age=0, private, must-revalidate';

const ENDPOINTS = {
  getAuthenticatedMe: '/api/v1/authenticated/me',
  getAuthenticatedHours: '/api/v1/authenticated/hours',
  getAuthenticatedStreak: '/api/v1/authenticated/streak',
  getAuthenticatedProjects: '/api/v1/authenticated/projects',
  getAuthenticatedLatestHeartbeat: '/api/v1/authenticated/heartbeats/latest',
  getAuthenticatedApiKeys: '/api/v1/authenticated/api_keys',
} as const;
const READ_SCOPED = [
  'getAuthenticatedHours',
  'getAuthenticatedStreak',
  'getAuthenticatedProjects',
  'getAuthenticatedLatestHeartbeat',
] as const;
const PROFILE_SCOPED = ['getAuthenticatedMe', 'getAuthenticatedApiKeys'] as const;

/**
 * Doorkeeper's refusal: empty body, its challenge, and `Cache-Control: no-store` — doorkeeper 5.9.6
 * sets `no-store, no-cache` (`lib/doorkeeper/oauth/error_response.rb:71-77`, merged in
 * `lib/doorkeeper/rails/helpers.rb:26`) and Rails' `merge_and_normalize_cache_control!` writes
 * `no-store` alone, not the `max-age=0, private, must-revalidate` of these controllers' answers.
 */
async function expectDoorkeeper(res: Response, status: number, error: string, description: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(await res.text()).toBe('');
  expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`);
  expect(res.headers.get('cache-control')).toBe('no-store');
}

// --- the endpoints ---------------------------------------------------------------------------------

describeBoth('GET /api/v1/authenticated/me', (t) => {
  interface Me {
    id: number;
    emails: string[];
    slack_id: string | null;
    github_username: string | null;
    trust_factor: { trust_level: string; trust_value: number };
  }

  it('describes the token owner', async () => {
    for (const token of [PROFILE_TOKEN, READ_TOKEN]) {
      const { status, body, res } = await get<Me>(t, ENDPOINTS.getAuthenticatedMe, token);
      expect(status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(SUCCESS_CACHE);
      expectValid('getAuthenticatedMe', 200, body);
      const demo = t.world.userByUsername('demo')!;
      expect(body).toEqual({
        id: demo.id,
        emails: demo.emails,
        slack_id: demo.slackUid,
        github_username: demo.githubUsername,
        trust_factor: { trust_level: demo.trustLevel, trust_value: { blue: 0, red: 1, green: 2, yellow: 3 }[demo.trustLevel] },
      });
    }
  });

  it('masks yellow as blue for an ordinary app, and shows null Slack/GitHub links', async () => {
    const yellow = await userWithRole(t, 'yellow');
    const ordinary = yellow.oauth_tokens.find((o) => o.token !== t.world.specialTokens.verifiedConfidential)!.token;
    const { body } = await get<Me>(t, ENDPOINTS.getAuthenticatedMe, ordinary);
    expectValid('getAuthenticatedMe', 200, body);
    expect(body.trust_factor).toEqual({ trust_level: 'blue', trust_value: 0 });
    for (const role of ['noSlack', 'noGithub']) {
      const u = await userWithRole(t, role);
      const me = await get<Me>(t, ENDPOINTS.getAuthenticatedMe, fullToken(u));
      expectValid('getAuthenticatedMe', 200, me.body);
      expect(role === 'noSlack' ? me.body.slack_id : me.body.github_username).toBeNull();
    }
  });

  it('serves banned users (red) but not users pending deletion', async () => {
    const banned = await userWithRole(t, 'banned');
    const me = await get<Me>(t, ENDPOINTS.getAuthenticatedMe, fullToken(banned));
    expect(me.status).toBe(200);
    expect(me.body.trust_factor).toEqual({ trust_level: 'red', trust_value: 1 });
    const leaving = await userWithRole(t, 'pendingDeletion');
    const res = await t.fetch(ENDPOINTS.getAuthenticatedMe, { headers: bearer(fullToken(leaving)) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });
  });
});

describeBoth('GET /api/v1/authenticated/me with a verified, confidential app', (t) => {
  it('shows the raw trust level (yellow/3)', async () => {
    const token = t.world.specialTokens.verifiedConfidential;
    const res = await t.fetch(ENDPOINTS.getAuthenticatedMe, { headers: bearer(token) });
    const body = (await res.json()) as { id: number; trust_factor: unknown };
    expectValid('getAuthenticatedMe', 200, body);
    expect(body.id).toBe((await userWithRole(t, 'yellow')).id);
    expect(body.trust_factor).toEqual({ trust_level: 'yellow', trust_value: 3 });
  });
});

describeBoth(
  'GET /api/v1/authenticated/hours',
  (t) => {
    interface Hours {
      start_date: string;
      end_date: string;
      total_seconds: number;
    }
    const window = async (username: string, startDate: string, endDate: string) =>
      lagSeconds(await raw(t, username, Date.parse(`${startDate}T00:00:00Z`) / 1000, Date.parse(`${endDate}T23:59:59Z`) / 1000));

    it('defaults to the last 7 days through today (UTC) and matches the raw heartbeats', async () => {
      const { status, body, res } = await get<Hours>(t, ENDPOINTS.getAuthenticatedHours);
      expect(status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(SUCCESS_CACHE);
      expectValid('getAuthenticatedHours', 200, body);
      expect(body.start_date).toBe(isoDay(NOW - 7 * DAY_MS));
      expect(body.end_date).toBe(isoDay(NOW));
      expect(body.total_seconds).toBeGreaterThan(0);
      expect(body.total_seconds).toBe(await window('demo', body.start_date, body.end_date));
    });

    it('reads dates leniently, as String#to_date', async () => {
      const cases: Array<[string, string]> = [
        ['2026-08-01', '2026-08-01'],
        ['Aug 1 2026', '2026-08-01'],
        ['01/08/2026', '2026-08-01'],
        ['2026-08-10T23:00:00-05:00', '2026-08-10'],
        ['20260801', '2026-08-01'],
        ['1st Aug 2026', '2026-08-01'],
        ['2026-W31-6', '2026-08-01'],
      ];
      for (const [input, date] of cases) {
        const { status, body } = await get<Hours>(
          t,
          `${ENDPOINTS.getAuthenticatedHours}?start_date=${encodeURIComponent(input)}&end_date=2026-08-20`,
        );
        expect(status, input).toBe(200);
        expectValid('getAuthenticatedHours', 200, body);
        expect(body.start_date, input).toBe(date);
        expect(body.end_date).toBe('2026-08-20');
        expect(body.total_seconds, input).toBe(await window('demo', date, '2026-08-20'));
      }
    });

    it('does not check the order: an end before the start gives 0; empty values are absent', async () => {
      const reversed = await get<Hours>(t, `${ENDPOINTS.getAuthenticatedHours}?start_date=2026-08-22&end_date=2026-08-01`);
      expectValid('getAuthenticatedHours', 200, reversed.body);
      expect(reversed.body).toEqual({ start_date: '2026-08-22', end_date: '2026-08-01', total_seconds: 0 });
      const empty = await get<Hours>(t, `${ENDPOINTS.getAuthenticatedHours}?start_date=&end_date=%20`);
      expect(empty.body).toEqual((await get<Hours>(t, ENDPOINTS.getAuthenticatedHours)).body);
      const oneDay = await get<Hours>(t, `${ENDPOINTS.getAuthenticatedHours}?start_date=2026-08-21&end_date=2026-08-21`);
      expect(oneDay.body.total_seconds).toBe(await window('demo', '2026-08-21', '2026-08-21'));
    });

    it.each([
      ['start_date', 'bogus'],
      ['start_date', '2026-02-30'],
      ['start_date', '2026'],
      ['end_date', '10:00'],
      ['end_date', '08/22/2026'],
      ['end_date', 'x'.repeat(129)],
    ])('an unparseable %s (%s) raises: the 500 error page', async (name, value) => {
      const { status, body } = await get<unknown>(t, `${ENDPOINTS.getAuthenticatedHours}?${name}=${encodeURIComponent(value)}`);
      expect(status).toBe(500);
      expect(body).toEqual(INTERNAL_ERROR);
    });

    it('refuses banned and pending-deletion users with {"error":"Unauthorized"}', async () => {
      for (const role of ['banned', 'pendingDeletion']) {
        const res = await t.fetch(ENDPOINTS.getAuthenticatedHours, { headers: bearer(fullToken(await userWithRole(t, role))) });
        expect(res.status, role).toBe(401);
        expect(await res.json()).toEqual({ error: 'Unauthorized' });
      }
    });
  },
  { days: 'default' },
);

describeBoth('GET /api/v1/authenticated/streak', (t) => {
  it('counts consecutive local days with 15 minutes of coding, like the raw data says', async () => {
    const creds = await credentials(t);
    let nonZero = 0;
    for (const u of creds.users) {
      const token = u.oauth_tokens.find((o) => o.scopes.includes('read') && !o.revoked && !o.expired)?.token;
      const user = t.world.userById(u.id)!;
      if (!token || user.trustLevel === 'red' || user.pendingDeletion) continue;
      const { status, body } = await get<{ streak_days: number }>(t, ENDPOINTS.getAuthenticatedStreak, token);
      expect(status).toBe(200);
      expectValid('getAuthenticatedStreak', 200, body);
      expect(body.streak_days, u.username).toBe(streak(await raw(t, u.username), user.timezone, NOW));
      if (body.streak_days > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
  });
});

describeBoth(
  'GET /api/v1/authenticated/projects',
  (t) => {
    interface Project {
      name: string;
      total_seconds: number;
      most_recent_heartbeat: string | null;
      languages: string[];
      archived: boolean;
    }

    /** The project rows recomputed from raw heartbeats in [from, to]. */
    async function expected(username: string, opts: { from?: number; to?: number; includeArchived?: boolean; only?: string[] } = {}) {
      const user = t.world.userByUsername(username)!;
      const archived = new Set(user.repoMappings.filter((m) => m.archived).map((m) => m.project));
      const rows = await raw(t, username, opts.from ?? 0, opts.to ?? NOW / 1000);
      const groups = new Map<string, Heartbeat[]>();
      for (const hb of rows) {
        if (!hb.project) continue;
        if (opts.only && !opts.only.includes(hb.project)) continue;
        groups.set(hb.project, [...(groups.get(hb.project) ?? []), hb]);
      }
      return [...groups]
        .filter(([name]) => opts.includeArchived || !archived.has(name))
        .map(([name, hbs]) => ({
          name,
          total_seconds: lagSeconds(hbs),
          most_recent_heartbeat: isoZ(Math.max(...hbs.map((hb) => hb.time))),
          languages: [...new Set(hbs.map((hb) => hb.language).filter((l): l is string => l !== null && l.trim() !== ''))].sort((a, b) =>
            a.localeCompare(b, 'en-US'),
          ),
          archived: archived.has(name),
        }))
        .sort((a, b) => b.total_seconds - a.total_seconds || (a.name < b.name ? -1 : 1));
    }

    it('lists all-time projects, most coded first, matching per-project totals from the raw data', async () => {
      const { status, body, res } = await get<{ projects: Project[] }>(t, ENDPOINTS.getAuthenticatedProjects);
      expect(status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(SUCCESS_CACHE);
      expectValid('getAuthenticatedProjects', 200, body);
      expect(body.projects.length).toBeGreaterThan(2);
      expect(body.projects).toEqual(await expected('demo'));
    });

    it('leaves archived projects out unless include_archived is exactly "true"', async () => {
      const owner = t.world.users.find((u) => u.repoMappings.some((m) => m.archived) && u.trustLevel !== 'red' && !u.pendingDeletion)!;
      const token = fullToken((await credentials(t)).users.find((u) => u.id === owner.id)!);
      const archivedName = owner.repoMappings.find((m) => m.archived)!.project;
      const withArchived = await get<{ projects: Project[] }>(t, `${ENDPOINTS.getAuthenticatedProjects}?include_archived=true`, token);
      expectValid('getAuthenticatedProjects', 200, withArchived.body);
      expect(withArchived.body.projects).toEqual(await expected(owner.username!, { includeArchived: true }));
      expect(withArchived.body.projects.find((p) => p.name === archivedName)?.archived).toBe(true);
      for (const value of ['', 'True', '1', 'yes']) {
        const without = await get<{ projects: Project[] }>(t, `${ENDPOINTS.getAuthenticatedProjects}?include_archived=${value}`, token);
        expect(without.body.projects, value).toEqual(await expected(owner.username!));
        expect(without.body.projects.some((p) => p.name === archivedName)).toBe(false);
      }
    });

    it('filters by a comma list of names (trimmed, blanks dropped)', async () => {
      const all = await expected('demo');
      const names = [all[1]!.name, all[2]!.name];
      const { body } = await get<{ projects: Project[] }>(
        t,
        `${ENDPOINTS.getAuthenticatedProjects}?projects=${encodeURIComponent(` ${names[0]} ,, ${names[1]},no-such-project,${names[0]}`)}`,
      );
      expectValid('getAuthenticatedProjects', 200, body);
      expect(body.projects).toEqual(await expected('demo', { only: names }));
    });

    it('windows by start/start_date and end/end_date; start wins; bad values are ignored; a date end is 00:00', async () => {
      const from = Date.parse('2026-08-10T00:00:00Z') / 1000;
      const to = Date.parse('2026-08-20T00:00:00Z') / 1000;
      const cases: Array<[string, { from?: number; to?: number }]> = [
        ['?start=2026-08-10&end=2026-08-20', { from, to }],
        ['?start_date=2026-08-10&end_date=2026-08-20', { from, to }],
        ['?start=2026-08-10&start_date=2026-01-01', { from }],
        ['?start=bogus&start_date=2026-08-10', { from }],
        ['?start=2026-02-30&end=bogus&end_date=2026-08-20', { to }],
        [`?start=${encodeURIComponent('2026-08-10T12:00:00+02:00')}`, { from: from + 10 * 3600 }],
        ['?end=2026-08-22', { to: Date.parse('2026-08-22T00:00:00Z') / 1000 }],
        ['?start=2026-08-20&end=2026-08-10', { from: to, to: from }],
      ];
      for (const [query, window] of cases) {
        const { status, body } = await get<{ projects: Project[] }>(t, `${ENDPOINTS.getAuthenticatedProjects}${query}`);
        expect(status, query).toBe(200);
        expectValid('getAuthenticatedProjects', 200, body);
        const rows = window.from !== undefined && window.to !== undefined && window.from > window.to ? [] : await expected('demo', window);
        expect(body.projects, query).toEqual(rows);
      }
    });

    it('answers the rows of /users/{username}/projects/details, as five fields (one query upstream)', async () => {
      const demo = t.world.userByUsername('demo')!;
      const at = NOW / 1000 - 3000;
      // Languages in the database collation (case-insensitive first), and two projects tied at 0 s.
      for (const [i, language] of ['tsx', 'TypeScript', 'JSON', 'Javascript', ' '].entries()) {
        t.world.addHeartbeat(demo.id, draft({ time: at + i * 30, project: 'collation', language }));
      }
      t.world.addHeartbeat(demo.id, draft({ time: at + 500, project: 'tie-b' }));
      t.world.addHeartbeat(demo.id, draft({ time: at + 510, project: 'tie-a' }));
      const window = '?start=2000-01-01';
      const details = await get<{ projects: Array<Project & Record<string, unknown>> }>(t, `/api/v1/users/demo/projects/details${window}`);
      expect(details.status).toBe(200);
      const { body } = await get<{ projects: Project[] }>(t, `${ENDPOINTS.getAuthenticatedProjects}${window}`);
      expectValid('getAuthenticatedProjects', 200, body);
      const five = ({ name, total_seconds, most_recent_heartbeat, languages, archived }: Project) => ({
        name,
        total_seconds,
        most_recent_heartbeat,
        languages,
        archived,
      });
      expect(body.projects).toEqual(details.body.projects.map(five));
      expect(body.projects).toEqual(await expected('demo'));
      expect(body.projects.find((p) => p.name === 'collation')!.languages).toEqual(['Javascript', 'JSON', 'tsx', 'TypeScript']);
      const names = body.projects.map((p) => p.name);
      expect(names.indexOf('tie-a')).toBeLessThan(names.indexOf('tie-b'));
    });

    it('refuses banned users with {"error":"Unauthorized"}', async () => {
      const res = await t.fetch(ENDPOINTS.getAuthenticatedProjects, { headers: bearer(fullToken(await userWithRole(t, 'banned'))) });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized' });
    });
  },
  { days: 'default' },
);

describeBoth('GET /api/v1/authenticated/heartbeats/latest', (t) => {
  const FIELDS = [
    'id',
    'created_at',
    'time',
    'category',
    'project',
    'language',
    'editor',
    'operating_system',
    'machine',
    'entity',
  ] as const;
  const pick = (hb: Heartbeat) => Object.fromEntries(FIELDS.map((f) => [f, hb[f]]));

  it('is the last non-test heartbeat of the raw data, as ten fields', async () => {
    const { status, body, res } = await get<Record<string, unknown>>(t, ENDPOINTS.getAuthenticatedLatestHeartbeat);
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(SUCCESS_CACHE);
    expectValid('getAuthenticatedLatestHeartbeat', 200, body);
    const last = (await raw(t, 'demo', 0, NOW / 1000 + 86_400))
      .sort(byTime)
      .filter((hb) => hb.source_type !== 'test_entry')
      .at(-1)!;
    expect(body).toEqual(pick(last));
    expect(Object.keys(body)).toEqual([...FIELDS]);
    expect(body['created_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('skips a newer test entry', async () => {
    const u = await userWithRole(t, 'noSlack');
    const rows = (await raw(t, u.username, 0, NOW / 1000 + 86_400)).sort(byTime);
    const last = rows.at(-1)!;
    t.world.addHeartbeat(u.id, draftOf(last, { time: last.time + 5, entity: 'test.txt', source_type: 'test_entry' }));
    const { body } = await get<Record<string, unknown>>(t, ENDPOINTS.getAuthenticatedLatestHeartbeat, fullToken(u));
    expectValid('getAuthenticatedLatestHeartbeat', 200, body);
    expect(body).toEqual(pick(last));
  });
});

describeBoth('GET /api/v1/authenticated/api_keys', (t) => {
  it("returns the user's first API key", async () => {
    const { status, body, res } = await get<{ token: string }>(t, ENDPOINTS.getAuthenticatedApiKeys, PROFILE_TOKEN);
    expect(status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(SUCCESS_CACHE);
    expectValid('getAuthenticatedApiKeys', 200, body);
    expect(body).toEqual({ token: DEMO_KEY });
    const two = (await credentials(t)).users.find((u) => u.api_keys.length > 1 && t.world.userById(u.id)!.trustLevel !== 'red')!;
    const second = await get<{ token: string }>(t, ENDPOINTS.getAuthenticatedApiKeys, fullToken(two));
    expect(second.body).toEqual({ token: two.api_keys[0] });
  });
});

describeBoth('authentication of /api/v1/authenticated/*', (t) => {
  it('no token, an unknown token, an API key, Basic or ?access_token: empty 401 with invalid_token', async () => {
    for (const path of Object.values(ENDPOINTS)) {
      const attempts: Array<[string, Record<string, string>]> = [
        [path, {}],
        [path, bearer('not-a-token')],
        [path, bearer(DEMO_KEY)],
        [path, basic(DEMO_KEY)],
        [`${path}?access_token=${READ_TOKEN}`, {}],
        [`${path}?api_key=${DEMO_KEY}`, {}],
      ];
      for (const [p, headers] of attempts) {
        await expectDoorkeeper(await t.fetch(p, { headers }), 401, 'invalid_token', 'The access token is invalid');
      }
    }
  });

  it('revoked and expired tokens: empty 401 naming why', async () => {
    const { revoked, expired } = t.world.specialTokens;
    for (const path of Object.values(ENDPOINTS)) {
      await expectDoorkeeper(await t.fetch(path, { headers: bearer(revoked) }), 401, 'invalid_token', 'The access token was revoked');
      await expectDoorkeeper(await t.fetch(path, { headers: bearer(expired) }), 401, 'invalid_token', 'The access token expired');
    }
  });

  it('a profile-only token on read endpoints, a read-only token on profile endpoints: empty 403', async () => {
    for (const id of READ_SCOPED) {
      await expectDoorkeeper(
        await t.fetch(ENDPOINTS[id], { headers: bearer(PROFILE_TOKEN) }),
        403,
        'insufficient_scope',
        'Access to this resource requires scope _read_.',
      );
    }
    for (const id of PROFILE_SCOPED) {
      const res = await t.fetch(ENDPOINTS[id], { headers: bearer(t.world.specialTokens.readOnly) });
      await expectDoorkeeper(res, 403, 'insufficient_scope', 'Access to this resource requires scope _profile_.');
    }
  });

  it('a read-only token works on the read endpoints', async () => {
    for (const id of READ_SCOPED) {
      const res = await t.fetch(ENDPOINTS[id], { headers: bearer(t.world.specialTokens.readOnly) });
      expect(res.status, id).toBe(200);
      expectValid(id, 200, await res.json());
    }
  });

  it('restricted users: banned passes only /me; pending deletion passes nothing', async () => {
    const banned = fullToken(await userWithRole(t, 'banned'));
    const leaving = fullToken(await userWithRole(t, 'pendingDeletion'));
    for (const [id, path] of Object.entries(ENDPOINTS)) {
      const asBanned = await t.fetch(path, { headers: bearer(banned) });
      if (id === 'getAuthenticatedMe') expect(asBanned.status).toBe(200);
      else {
        expect(asBanned.status, id).toBe(401);
        expect(await asBanned.json()).toEqual({ error: 'Unauthorized' });
      }
      const asLeaving = await t.fetch(path, { headers: bearer(leaving) });
      expect(asLeaving.status, id).toBe(401);
      expect(await asLeaving.json()).toEqual({ error: 'Unauthorized' });
    }
  });
});

// --- handlers called directly, for states the seeded world does not have ---------------------------

function contextFor(world: World, userId: number): RequestContext {
  const user = world.userById(userId)!;
  return {
    world,
    now: NOW,
    caller: { user, method: 'oauth', scopes: ['profile', 'read'] },
    search: new URLSearchParams(),
    headers: new Headers(),
  } as unknown as RequestContext;
}

describeBoth('states without a seeded example', (t) => {
  it('latest: a user without heartbeats gets {"heartbeat": null}', async () => {
    const admin = t.world.userByUsername(t.world.roles.noHeartbeats)!;
    expect(t.world.heartbeatsOf(admin.id)).toHaveLength(0);
    const reply = (await authenticatedHandlers.getAuthenticatedLatestHeartbeat.handle(contextFor(t.world, admin.id))) as MockReply;
    expect(reply).toEqual({ status: 200, json: { heartbeat: null } });
    expectValid('getAuthenticatedLatestHeartbeat', 200, reply.json);
  });

  it('me: only a token of a verified AND confidential app sees the raw yellow', () => {
    const yellow = t.world.userByUsername(t.world.roles.yellow)!;
    const token = t.world.oauthTokens.find((o) => o.userId === yellow.id)!;
    for (const [appVerified, appConfidential] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const level = authenticatedMe(yellow, { ...token, appVerified, appConfidential }).trust_factor;
      expect(level, `${appVerified}/${appConfidential}`).toEqual(
        appVerified && appConfidential ? { trust_level: 'yellow', trust_value: 3 } : { trust_level: 'blue', trust_value: 0 },
      );
    }
    expect(authenticatedMe(yellow, undefined).trust_factor).toEqual({ trust_level: 'blue', trust_value: 0 });
  });

  it('api_keys: a user without a key gets a deterministic UUID v4 (not stored)', async () => {
    const keyless = Object.create(t.world, { apiKeysOf: { value: () => [] } }) as World;
    const ask = async (id: number) =>
      ((await authenticatedHandlers.getAuthenticatedApiKeys.handle(contextFor(keyless, id))) as MockReply).json as { token: string };
    const demo = t.world.userByUsername('demo')!.id;
    const first = await ask(demo);
    expectValid('getAuthenticatedApiKeys', 200, first);
    expect(first.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await ask(demo)).toEqual(first);
    expect((await ask(demo + 1)).token).not.toBe(first.token);
    expect(t.world.apiKeys.some((k) => k.token === first.token)).toBe(false);
  });
});
