/**
 * A wakatime-cli session replayed byte for byte (its headers, Basic auth, bulk POSTs of at most 25,
 * the status-bar GET), then every read that shows coding time must have moved by exactly what the
 * 2-minute rule gives once those heartbeats join the user's timeline — computed here from the raw
 * heartbeats before and after, not by the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { groupedLag, lagSeconds } from '../helpers/heartbeats.js';
import { bearer, DEMO_KEY, type MockTarget, NOW, READ_TOKEN, SEED } from '../helpers/mock.js';
import { type HeartbeatJson, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { responseSchema, validator } from '../helpers/spec.js';
import {
  GO_HEARTBEAT,
  GO_STATUSBAR,
  goDecodeProblems,
  leadSecondsOfDay,
  loadSession,
  mockStats,
  type RawResponse,
  rawRequest,
  sessionHeartbeats,
  wakatimeCliParseProblems,
  wireBytes,
} from './heartbeats-support.js';

/** The instant (Unix seconds) a local calendar day starts in `zone`, found by search (no shared code). */
function localMidnight(date: string, zone: string): number {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const base = Date.parse(`${date}T00:00:00Z`) / 1000;
  for (let offset = -14 * 3600; offset <= 14 * 3600; offset += 900) {
    const candidate = base + offset;
    const parts = Object.fromEntries(fmt.formatToParts(candidate * 1000).map((p) => [p.type, p.value]));
    if (`${parts['year']}-${parts['month']}-${parts['day']}` === date && parts['hour'] === '00' && parts['minute'] === '00')
      return candidate;
  }
  throw new Error(`no midnight found for ${date} in ${zone}`);
}
const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms);
const utcDay = new Date(NOW).toISOString().slice(0, 10);

interface Snapshot {
  today: HeartbeatJson[];
  all: HeartbeatJson[];
  statusbar: { data: { grand_total: { total_seconds: number; text: string } } };
  statsTotal: { total_seconds: number };
  stats: { data: { total_seconds: number; projects: { name: string; total_seconds: number }[] } };
  summaries: { data: { grand_total: { total_seconds: number }; projects: { name: string; total_seconds: number }[] }[] };
  last7: { data: { total_seconds: number; projects: { name: string; total_seconds: number }[] } };
  leaderboard: { entries: { user: { id: number }; total_seconds: number }[] };
}

describe('a recorded wakatime-cli session, replayed on the wire', () => {
  let mock: RunningMock;
  let t: MockTarget;
  let demo: Awaited<ReturnType<typeof userWithRole>>;
  let dayStart: number;
  let before: Snapshot;
  let after: Snapshot;
  const replies: RawResponse[] = [];
  const session = loadSession();
  const sent = sessionHeartbeats();

  const get = async <T>(path: string, headers: Record<string, string> = bearer(DEMO_KEY)): Promise<T> => {
    const res = await t.fetch(path, { headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  async function snapshot(): Promise<Snapshot> {
    const today = localDate(NOW, demo.timezone);
    return {
      today: await rawHeartbeats(t, demo.username, dayStart, dayStart + 86_399),
      all: await rawHeartbeats(t, demo.username),
      statusbar: await get('/api/hackatime/v1/users/current/statusbar/today'),
      statsTotal: await get(
        `/api/v1/users/${demo.username}/stats?total_seconds=true&start_date=${utcDay}T00:00:00Z&end_date=${utcDay}T23:59:59Z`,
      ),
      stats: await get(`/api/v1/users/${demo.username}/stats?features=languages,projects`),
      summaries: await get(`/api/hackatime/v1/users/current/summaries?start=${today}&end=${today}`),
      last7: await get('/api/hackatime/v1/users/current/stats/last_7_days'),
      leaderboard: await get('/api/v1/leaderboard/daily', {}),
    };
  }

  beforeAll(async () => {
    mock = await startMock({ seed: SEED, now: NOW, port: 0 });
    t = { transport: 'socket', world: mock.world, fetch: (path, init) => fetch(`${mock.url}${path}`, init) };
    demo = await userWithRole(t, 'demo');
    dayStart = localMidnight(localDate(NOW, demo.timezone), demo.timezone);
    before = await snapshot();
    for (const [i, req] of session.requests.entries())
      replies.push(await rawRequest(mock.url, wireBytes(req, session.bodies[i] ?? null, mock.url)));
    after = await snapshot();
  }, 60_000);
  afterAll(async () => mock?.close());

  it('uses the demo key the way wakatime-cli does: Basic base64(key), no user part', () => {
    expect(session.apiKey).toBe(DEMO_KEY);
    for (const req of session.requests)
      expect(new Map(req.headers).get('Authorization')).toBe(`Basic ${Buffer.from(DEMO_KEY).toString('base64')}`);
    const bulks = session.requests.filter((r) => r.target.endsWith('.bulk'));
    expect(bulks.every((r) => (r.expect.items ?? 0) <= 25)).toBe(true);
    expect(session.requests.at(-1)!.method).toBe('GET');
    expect(new Map(session.requests.at(-1)!.headers).get('Content-Type')).toBe('application/json');
  });

  it('answers every request with the status wakatime-cli expects, in a shape it parses', () => {
    session.requests.forEach((req, i) => {
      const reply = replies[i]!;
      expect(reply.status, req.target).toBe(req.expect.status);
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = JSON.parse(reply.body) as unknown;
      if (req.method === 'POST') {
        expect(wakatimeCliParseProblems(body)).toEqual([]);
        const check = validator.validate(responseSchema('postHeartbeatsBulk', '201'), body);
        expect(check.ok ? [] : check.issues).toEqual([]);
        expect((body as { responses: unknown[] }).responses).toHaveLength(req.expect.items!);
      } else {
        expect(goDecodeProblems(body, GO_STATUSBAR)).toEqual([]);
      }
    });
  });

  it('stores each heartbeat as sent, editor and OS from the user agent, machine from X-Machine-Name', () => {
    const rows = replies.slice(0, 3).flatMap((r) => (JSON.parse(r.body) as { responses: [HeartbeatJson, number][] }).responses);
    expect(rows.map(([, status]) => status)).toEqual(sent.map(() => 201));
    rows.forEach(([row], i) => {
      const hb = sent[i]!;
      // A client that decodes the row into wakatime-cli's heartbeat.Heartbeat must succeed too.
      expect(goDecodeProblems(row, GO_HEARTBEAT)).toEqual([]);
      expect(row).toMatchObject({
        time: hb['time'],
        entity: hb['entity'],
        project: hb['project'],
        branch: hb['branch'],
        language: hb['language'],
        category: hb['category'],
      });
      expect(row).toMatchObject({
        editor: 'vscode',
        operating_system: 'linux',
        machine: 'orpheus-laptop',
        user_agent: hb['user_agent'],
        user_id: demo.id,
      });
      expect(row['ai_line_changes'] ?? null).toBe(hb['ai_line_changes'] ?? null);
      expect(row['human_line_changes'] ?? null).toBe(hb['human_line_changes'] ?? null);
    });
  });

  it('answers the re-sent heartbeat with the row already stored, and stores every distinct one once', async () => {
    const lastOfSecond = (JSON.parse(replies[1]!.body) as { responses: [HeartbeatJson, number][] }).responses.at(-1)![0];
    const resent = (JSON.parse(replies[2]!.body) as { responses: [HeartbeatJson, number][] }).responses[0]![0];
    expect(resent.id).toBe(lastOfSecond.id);
    const distinct = new Set(sent.map((hb) => JSON.stringify(hb))).size;
    expect(distinct).toBe(sent.length - 1);
    expect(after.all.length - before.all.length).toBe(distinct);
    const stats = await mockStats(t);
    expect(stats.heartbeats.posted).toBe(distinct);
    expect(stats.ingest).toMatchObject({ requests: 3, received: sent.length, created: distinct, duplicates: 1, rejected: 0 });
  });

  it('moves the status bar by exactly the 2-minute rule over today', () => {
    expect(before.statusbar.data.grand_total.total_seconds).toBe(lagSeconds(before.today));
    expect(after.statusbar.data.grand_total.total_seconds).toBe(lagSeconds(after.today));
    expect(after.statusbar.data.grand_total.total_seconds - before.statusbar.data.grand_total.total_seconds).toBe(
      lagSeconds(after.today) - lagSeconds(before.today),
    );
    expect(lagSeconds(after.today)).toBeGreaterThan(lagSeconds(before.today));
    // What wakatime-cli itself read at the end of the session.
    const seen = JSON.parse(replies.at(-1)!.body) as Snapshot['statusbar'];
    expect(seen.data.grand_total.total_seconds).toBe(lagSeconds(after.today));
  });

  it('moves the stats totals by exactly the 2-minute rule', () => {
    const inUtcDay = (rows: HeartbeatJson[]) =>
      rows.filter((r) => r.time >= Date.parse(`${utcDay}T00:00:00Z`) / 1000 && r.time < Date.parse(`${utcDay}T23:59:59Z`) / 1000);
    expect(after.statsTotal.total_seconds).toBe(lagSeconds(inUtcDay(after.all)));
    expect(after.statsTotal.total_seconds - before.statsTotal.total_seconds).toBe(
      lagSeconds(inUtcDay(after.all)) - lagSeconds(inUtcDay(before.all)),
    );
    expect(after.stats.data.total_seconds - before.stats.data.total_seconds).toBe(lagSeconds(after.all) - lagSeconds(before.all));
    const project = (s: Snapshot) => s.stats.data.projects.find((p) => p.name === 'hackatime-kit')?.total_seconds ?? 0;
    const expected = (rows: HeartbeatJson[]) => groupedLag(rows, (r) => r.project ?? '').get('hackatime-kit') ?? 0;
    expect(project(after) - project(before)).toBe(expected(after.all) - expected(before.all));
  });

  it('moves today in the summaries by exactly the rule of the summaries (LEAD within the day)', () => {
    const [dayBefore] = before.summaries.data;
    const [dayAfter] = after.summaries.data;
    expect(dayAfter!.grand_total.total_seconds).toBe(leadSecondsOfDay(after.today).total);
    expect(dayAfter!.grand_total.total_seconds - dayBefore!.grand_total.total_seconds).toBe(
      leadSecondsOfDay(after.today).total - leadSecondsOfDay(before.today).total,
    );
    const project = dayAfter!.projects.find((p) => p.name === 'hackatime-kit');
    expect(project?.total_seconds).toBe(leadSecondsOfDay(after.today).byProject.get('hackatime-kit'));
  });

  it('moves last_7_days by the 2-minute rule per project', async () => {
    const weekStart = localMidnight(localDate(NOW - 7 * 86_400_000, demo.timezone), demo.timezone);
    const window = (rows: HeartbeatJson[]) => rows.filter((r) => r.time >= weekStart && r.time <= dayStart + 86_399);
    expect(after.last7.data.total_seconds).toBe(lagSeconds(window(after.all)));
    expect(after.last7.data.total_seconds - before.last7.data.total_seconds).toBe(
      lagSeconds(window(after.all)) - lagSeconds(window(before.all)),
    );
    const kit = after.last7.data.projects.find((p) => p.name === 'hackatime-kit');
    expect(kit?.total_seconds).toBe(groupedLag(window(after.all), (r) => r.project ?? '').get('hackatime-kit'));
  });

  it('shows the session in my/heartbeats, most_recent, spans, projects and the authenticated API', async () => {
    const newIds = new Set(after.all.filter((r) => !before.all.some((b) => b.id === r.id)).map((r) => r.id));
    expect(newIds.size).toBe(sent.length - 1);

    const mine = await get<{ total_seconds: number; heartbeats: HeartbeatJson[] }>('/api/v1/my/heartbeats');
    const utcToday = after.all.filter(
      (r) => r.time >= Date.parse(`${utcDay}T00:00:00Z`) / 1000 && r.time < Date.parse(`${utcDay}T00:00:00Z`) / 1000 + 86_400,
    );
    expect(mine.heartbeats.map((r) => r.id).filter((id) => newIds.has(id))).toHaveLength(newIds.size);
    expect(mine.total_seconds).toBe(lagSeconds(utcToday));

    const latest = [...after.all].filter((r) => r.source_type !== 'test_entry').sort((a, b) => b.time - a.time || b.id - a.id)[0]!;
    const recent = await get<{ heartbeat: HeartbeatJson }>('/api/v1/my/heartbeats/most_recent');
    expect(recent.heartbeat.id).toBe(latest.id);
    const authLatest = await get<{ id: number }>('/api/v1/authenticated/heartbeats/latest', bearer(READ_TOKEN));
    expect(authLatest.id).toBe(latest.id);

    const spans = await get<{ spans: { start_time: number; end_time: number }[] }>(
      `/api/v1/users/${demo.username}/heartbeats/spans?start_date=${utcDay}&end_date=${utcDay}T23:59:59Z`,
    );
    for (const hb of sent)
      expect(spans.spans.some((s) => s.start_time <= (hb['time'] as number) && (hb['time'] as number) <= s.end_time)).toBe(true);

    const projects = await get<{ projects: string[] }>(`/api/v1/users/${demo.username}/projects`);
    expect(projects.projects).toContain('hackatime-kit');
    const authProjects = await get<{ projects: { name: string; most_recent_heartbeat: string | null }[] }>(
      '/api/v1/authenticated/projects',
      bearer(READ_TOKEN),
    );
    const lastKit = Math.max(...after.all.filter((r) => r.project === 'hackatime-kit').map((r) => r.time));
    expect(authProjects.projects.find((p) => p.name === 'hackatime-kit')?.most_recent_heartbeat).toBe(
      `${new Date(Math.floor(lastKit) * 1000).toISOString().slice(0, 19)}Z`,
    );
  });

  it('moves the daily leaderboard by the 2-minute rule over eligible heartbeats', () => {
    const browsers = [
      'arc',
      'brave',
      'chrome',
      'chromium',
      'edge',
      'firefox',
      'floorp',
      'librewolf',
      'microsoft-edge',
      'opera',
      'opera-gx',
      'safari',
      'vivaldi',
      'waterfox',
      'zen',
    ];
    const eligible = (rows: HeartbeatJson[]) =>
      rows.filter(
        (r) =>
          r.time >= NOW / 1000 - 86_400 &&
          r.time < NOW / 1000 &&
          r.category === 'coding' &&
          !browsers.includes((r.editor ?? '').toLowerCase()) &&
          r.project !== '<<LAST_PROJECT>>',
      );
    const entry = (s: Snapshot) => s.leaderboard.entries.find((e) => e.user.id === demo.id)?.total_seconds ?? 0;
    expect(entry(after)).toBe(lagSeconds(eligible(after.all)));
    expect(entry(after) - entry(before)).toBe(lagSeconds(eligible(after.all)) - lagSeconds(eligible(before.all)));
  });
});
