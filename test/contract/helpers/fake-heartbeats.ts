/**
 * A stand-in server that stores heartbeats, for the runner's stateful cross-check: bulk posts,
 * the raw list (`GET /api/v1/my/heartbeats`), today's status bar and today's summary, all over the
 * same rows of today (UTC), with the 2-minute rule and de-duplication, or without them as the
 * mutation says. Answers carry only what the cross-checks read.
 */
import type { TestReply, TestRequest } from './test-server.js';

export type HeartbeatMutation = 'none' | 'double-counts-duplicate' | 'ignores-two-minute-cap';

interface Row {
  id: number;
  time: number;
  entity: string;
  project: string;
}

const dayOf = (time: number) => new Date(time * 1000).toISOString().slice(0, 10);

/**
 * @param today the UTC day the runner calls today (its real clock)
 * @param getMutation read on every request, so one server serves every mutation
 */
export function fakeHeartbeats(
  today: string,
  getMutation: () => HeartbeatMutation,
): { handle: (req: TestRequest) => TestReply; reset(): void } {
  const noon = Date.parse(`${today}T12:00:00Z`) / 1000;
  // Rows of the user's own around the runner's batch (12:00:00, 12:01:00, 12:06:40): one 30 s
  // before it, one inside its long gap.
  const seed = (): Row[] => [
    { id: 1, time: noon - 3600, entity: 'src/app.ts', project: 'app' },
    { id: 2, time: noon - 30, entity: 'src/app.ts', project: 'app' },
    { id: 3, time: noon + 100, entity: 'src/app.ts', project: 'app' },
  ];
  let rows = seed();

  const todayTotal = (): number => {
    const times = rows
      .filter((r) => dayOf(r.time) === today)
      .map((r) => r.time)
      .sort((a, b) => a - b);
    const capped = getMutation() !== 'ignores-two-minute-cap';
    return times.slice(1).reduce((sum, t, i) => sum + (capped ? Math.min(t - times[i]!, 120) : t - times[i]!), 0);
  };

  const post = (body: string): TestReply => {
    const items = JSON.parse(body) as { time: number; entity: string; project: string }[];
    const results = items.map((item) => {
      const stored = rows.find((r) => r.time === item.time && r.entity === item.entity && r.project === item.project);
      if (stored && getMutation() !== 'double-counts-duplicate') return [stored, 201];
      const row = { id: rows.length + 1, time: item.time, entity: item.entity, project: item.project };
      rows = [...rows, row];
      return [row, 201];
    });
    return { status: 201, json: { responses: results } };
  };

  const handle = (req: TestRequest): TestReply => {
    const path = req.url.pathname;
    if (req.method === 'POST' && /^\/api\/hackatime\/v1\/users\/[^/]+\/heartbeats\.bulk$/.test(path)) return post(req.body);
    if (path === '/api/v1/my/heartbeats') {
      const from = Date.parse(req.url.searchParams.get('start_time') ?? '') / 1000;
      const to = Date.parse(req.url.searchParams.get('end_time') ?? '') / 1000;
      const heartbeats = rows.filter((r) => r.time >= from && r.time <= to).sort((a, b) => a.time - b.time);
      return { status: 200, json: { heartbeats } };
    }
    if (/\/statusbar\/today$/.test(path)) return { status: 200, json: { data: { grand_total: { total_seconds: todayTotal() } } } };
    if (/\/summaries$/.test(path)) {
      const range = { text: 'Today', date: today, start: `${today}T00:00:00Z`, end: `${today}T23:59:59Z` };
      return { status: 200, json: { data: [{ range, grand_total: { total_seconds: todayTotal() } }] } };
    }
    return { status: 404, json: { error: 'Not found' } };
  };
  return { handle, reset: () => (rows = seed()) };
}
