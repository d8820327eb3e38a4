/**
 * The WakaTime-compatible reads (current user, summaries, statusbar today, last 7 days) checked
 * against the spec and against the duration rules recomputed here from the raw heartbeats the
 * mock's admin API hands out. The rules (below, and the 2-minute rule of ../helpers/heartbeats.ts)
 * and the local-day arithmetic are written independently of src/world on purpose; only display-name
 * mapping is borrowed.
 */
import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../src/mock/answers/daily-goal.js';
import { COMPLIMENTS, compliment, extensionText, goalSuffix } from '../../src/mock/answers/statusbar-text.js';
import { displayEditorName, displayLanguageName, displayOsName } from '../../src/mock/rails/present/display-names.js';
import { rubyRandomInt } from '../../src/mock/rails/ruby/random.js';
import type { Heartbeat, User } from '../../src/world/types.js';
import { groupedLag, lagSeconds } from '../helpers/heartbeats.js';
import { basic, bearer, DEMO_KEY, describeBoth, type MockTarget, NOW, READ_TOKEN } from '../helpers/mock.js';
import { rawHeartbeats } from '../helpers/mock-admin.js';
import { expectValid } from '../helpers/spec.js';

// --- independent time-zone arithmetic (Intl only) ------------------------------------------

const DAY_MS = 86_400_000;

function offsetMinutesAt(instant: number, zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function localDateOf(instant: number, zone: string): string {
  let f = dateFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(zone, f);
  }
  return f.format(instant);
}

/** Local 00:00 of a date (days in these tests are away from DST switches). */
function localMidnight(date: string, zone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const guess = utc - offsetMinutesAt(utc, zone) * 60_000;
  return utc - offsetMinutesAt(guess, zone) * 60_000;
}

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const isoZ = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function offsetText(instant: number, zone: string): string {
  const minutes = offsetMinutesAt(instant, zone);
  if (minutes === 0 && zone === 'UTC') return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(8, 10)}, ${date.slice(0, 4)}`;

// --- independent duration rules -------------------------------------------------------------

const byTime = (a: Heartbeat, b: Heartbeat) => a.time - b.time || a.id - b.id;

/** LEAD within each local day, summed per (project, ai_model) and rounded per group, as the summaries query. */
function leadByDay(rows: readonly Heartbeat[], zone: string): Map<string, { total: number; projects: Map<string, number> }> {
  const sorted = [...rows].sort(byTime);
  const raw = new Map<string, Map<string, number>>();
  sorted.forEach((hb, i) => {
    const date = localDateOf(hb.time * 1000, zone);
    const next = sorted[i + 1];
    const owned = next && localDateOf(next.time * 1000, zone) === date ? Math.min(next.time - hb.time, 120) : 0;
    const groups = raw.get(date) ?? new Map<string, number>();
    const key = JSON.stringify([hb.project, hb.ai_model]);
    groups.set(key, (groups.get(key) ?? 0) + owned);
    raw.set(date, groups);
  });
  const out = new Map<string, { total: number; projects: Map<string, number> }>();
  for (const [date, groups] of raw) {
    const day = { total: 0, projects: new Map<string, number>() };
    for (const [key, sum] of groups) {
      const seconds = Math.round(sum);
      const project = (JSON.parse(key) as [string | null])[0];
      const name = project === null || project.trim() === '' ? 'Other' : project;
      day.total += seconds;
      day.projects.set(name, (day.projects.get(name) ?? 0) + seconds);
    }
    out.set(date, day);
  }
  return out;
}

/** Each local day's AI fields of the summaries' grand total: token sums over rows that have them, lines per non-blank model. */
function aiByLocalDay(
  rows: readonly Heartbeat[],
  zone: string,
): Map<string, { input?: number; output?: number; models: Map<string, number> }> {
  const out = new Map<string, { input?: number; output?: number; models: Map<string, number> }>();
  for (const hb of rows) {
    const model = hb.ai_model === null || hb.ai_model.trim() === '' ? null : hb.ai_model;
    if (hb.ai_input_tokens === null && hb.ai_output_tokens === null && model === null) continue;
    const date = localDateOf(hb.time * 1000, zone);
    const day = out.get(date) ?? { models: new Map<string, number>() };
    out.set(date, day);
    if (hb.ai_input_tokens !== null) day.input = (day.input ?? 0) + hb.ai_input_tokens;
    if (hb.ai_output_tokens !== null) day.output = (day.output ?? 0) + hb.ai_output_tokens;
    if (model !== null) day.models.set(model, (day.models.get(model) ?? 0) + (hb.ai_line_changes ?? 0));
  }
  return out;
}

function simpleText(seconds: number): string {
  if (seconds === 0) return 'Start coding!';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (h === 0 && m === 0) return '0m';
  return [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : ''].filter(Boolean).join(' ');
}

const round2 = (x: number) => Math.round(x * 100) / 100;

// --- access to the mock ----------------------------------------------------------------------

const keyOf = (t: MockTarget, user: User) => t.world.apiKeysOf(user.id)[0]!.token;
const named = (t: MockTarget, username: string) => t.world.users.find((u) => u.username === username)!;

// biome-ignore lint/suspicious/noExplicitAny: bodies are read along many paths; the schema check types them
async function getJson(t: MockTarget, path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await t.fetch(path, { headers });
  return { status: res.status, body: await res.json() };
}

/** A user in a zone east of UTC with heartbeats in the last week: the second user of most tests. */
function eastUser(t: MockTarget): User {
  const user = t.world.users.find(
    (u) => offsetMinutesAt(NOW, u.timezone) > 0 && t.world.heartbeatsBetween(u.id, { from: NOW / 1000 - 3 * 86_400 }).length > 0,
  );
  expect(user, 'the world has an active user east of UTC').toBeDefined();
  return user!;
}

const WAKA = '/api/hackatime/v1/users/current';

// --- pure parts ------------------------------------------------------------------------------

describe('statusbar text rules', () => {
  const simple = { id: 1, extensionTextType: 'simple_text' as const, showGoalsInStatusbar: true };
  it('simple_text: hours and minutes, "0m" under a minute, "Start coding!" at zero', () => {
    expect(extensionText(simple, 9000, NOW)).toBe('2h 30m');
    expect(extensionText(simple, 7200, NOW)).toBe('2h');
    expect(extensionText(simple, 2700, NOW)).toBe('45m');
    expect(extensionText(simple, 59, NOW)).toBe('0m');
    expect(extensionText(simple, 0, NOW)).toBe('Start coding!');
  });
  it('the goal suffix only for simple_text users showing goals', () => {
    expect(goalSuffix(simple, 14400)).toBe(' / 4h goal');
    expect(goalSuffix(simple, 5400)).toBe(' / 1h 30m goal');
    expect(goalSuffix({ ...simple, showGoalsInStatusbar: false }, 14400)).toBe('');
    expect(goalSuffix({ ...simple, extensionTextType: 'clock_emoji' }, 14400)).toBe('');
  });
  it('clock_emoji advances one face every 30 minutes', () => {
    const faces = '🕛 🕧 🕐 🕜 🕑 🕝 🕒 🕞 🕓 🕟 🕔 🕠 🕕 🕡 🕖 🕢 🕗 🕣 🕘 🕤 🕙 🕥 🕚 🕦'.split(' ');
    const clock = { ...simple, extensionTextType: 'clock_emoji' as const };
    for (const seconds of [0, 1799, 1800, 9000, 43_200, 90_000])
      expect(extensionText(clock, seconds, NOW)).toBe(faces[Math.floor(seconds / 1800) % 24]);
  });
  it('compliment_text draws as Ruby\'s Random.new(MD5("id-bucket")).rand(19) (vectors from Ruby 3.1)', () => {
    expect(COMPLIMENTS).toHaveLength(19);
    expect(compliment(7, 1787423400_000)).toBe('Way to go!');
    expect(compliment(12, 1787423400_000)).toBe('No stopping you!');
    expect(compliment(7, 1787423820_000)).toBe('Total rockstar!');
    expect(compliment(1, 0)).toBe("You're the best!");
    expect(compliment(999, 1787400000_000)).toBe("You've got this!");
    // Same 7-minute bucket, same compliment.
    expect(compliment(7, 1787423400_000 + 419_000)).toBe(compliment(7, 1787423400_000));
  });
  it("Ruby's seeding: one word uses init_genrand, a top word of 1 is dropped (vectors from Ruby 3.1)", () => {
    expect(rubyRandomInt(5n, 2 ** 32)).toBe(953453411);
    expect(rubyRandomInt(2n ** 32n + 5n, 2 ** 32)).toBe(953453411);
    expect(rubyRandomInt(2n ** 40n + 7n, 2 ** 32)).toBe(2635837658);
  });
});

describe('daily goal progress', () => {
  const hb = (id: number, time: number, project: string | null, language: string | null) => ({ id, time, project, language }) as Heartbeat;
  // 0..600 s of "live" (Ruby, 60 s apart) and interleaved "old" (archived, TypeScript).
  const rows = [
    ...Array.from({ length: 11 }, (_, i) => hb(i + 1, 1000 + i * 60, 'live', 'Ruby')),
    ...Array.from({ length: 11 }, (_, i) => hb(100 + i, 1030 + i * 60, 'old', 'TypeScript')),
  ].sort(byTime);
  const user = { repoMappings: [{ project: 'old', repoUrl: null, archived: true }] };
  it('leaves archived projects out, rounds half up and reports completion', () => {
    expect(goalProgress({ targetSeconds: 960, projects: [], languages: [] }, user, rows)).toEqual({
      target_seconds: 960,
      tracked_seconds: 600,
      completion_percent: 63, // 62.5 rounds up
      complete: false,
    });
    const all = goalProgress({ targetSeconds: 960, projects: [], languages: [] }, { repoMappings: [] }, rows);
    expect(all.tracked_seconds).toBe(lagSeconds(rows));
  });
  it('caps the percentage at 100 and marks the goal complete', () => {
    expect(goalProgress({ targetSeconds: 300, projects: [], languages: [] }, user, rows)).toMatchObject({
      completion_percent: 100,
      complete: true,
    });
  });
  it('filters by project and by canonical language; no matching language is 0', () => {
    expect(goalProgress({ targetSeconds: 600, projects: ['old'], languages: [] }, { repoMappings: [] }, rows).tracked_seconds).toBe(600);
    expect(goalProgress({ targetSeconds: 600, projects: [], languages: ['TypeScript'] }, { repoMappings: [] }, rows).tracked_seconds).toBe(
      600,
    );
    expect(goalProgress({ targetSeconds: 600, projects: [], languages: ['Go'] }, user, rows)).toMatchObject({
      tracked_seconds: 0,
      completion_percent: 0,
    });
  });
});

// --- over HTTP -------------------------------------------------------------------------------

describeBoth(
  'WakaTime-compatible reads',
  (t) => {
    describe('GET /users/{id}', () => {
      it('answers the key owner, whatever the id segment, with every key present', async () => {
        const creds = (await (await t.fetch('/__mock/credentials')).json()) as {
          users: { id: number; username: string; display_name: string; timezone: string }[];
        };
        const demo = creds.users.find((u) => u.username === 'demo')!;
        for (const path of [WAKA, '/api/hackatime/v1/users/42', '/api/hackatime/v1/users/somebody-else']) {
          const { status, body } = await getJson(t, path, bearer(DEMO_KEY));
          expect(status).toBe(200);
          expectValid('getCurrentUser', '200', body);
          const user = named(t, 'demo');
          expect(body.data).toEqual({
            id: String(demo.id),
            username: 'demo',
            display_name: demo.display_name,
            full_name: demo.display_name,
            photo: expect.stringMatching(/^https:\/\//),
            timezone: demo.timezone,
            created_at: isoZ(Math.floor(user.createdAt / 1000) * 1000),
            modified_at: isoZ(Math.floor(user.updatedAt / 1000) * 1000),
            plan: 'free',
          });
        }
      });
      it('accepts Basic base64(key) and ?api_key=, still answers banned and pending-deletion users', async () => {
        expect((await t.fetch(WAKA, { headers: basic(DEMO_KEY) })).status).toBe(200);
        expect((await t.fetch(`${WAKA}?api_key=${DEMO_KEY}`)).status).toBe(200);
        for (const role of ['banned', 'pendingDeletion'] as const) {
          const user = named(t, t.world.roles[role]);
          const { status, body } = await getJson(t, WAKA, bearer(keyOf(t, user)));
          expect(status).toBe(200);
          expect(body.data.id).toBe(String(user.id));
        }
      });
      it('401 {"error":"Unauthorized"} without a valid API key; OAuth tokens are not keys', async () => {
        for (const headers of [{}, bearer('00000000-0000-4000-8000-000000000000'), bearer(READ_TOKEN)]) {
          const { status, body } = await getJson(t, WAKA, headers);
          expect(status).toBe(401);
          expect(body).toEqual({ error: 'Unauthorized' });
        }
      });
      // routes.rb:342 `/users/:id(.:format)`: one dot starts the format, a second one leaves the route unmatched.
      it('one dot in the id segment is a format the action ignores; a second one is an unmatched route', async () => {
        expect((await t.fetch('/api/hackatime/v1/users/current.json', { headers: bearer(DEMO_KEY) })).status).toBe(200);
        expect((await t.fetch('/api/hackatime/v1/users/cur.rent.json', { headers: bearer(DEMO_KEY) })).status).toBe(404);
      });
    });

    describe('GET /users/{id}/statusbar/today', () => {
      it("every user: today's LAG total over the raw heartbeats of their local today, the text rule, the goal", async () => {
        for (const user of t.world.users) {
          const zone = user.timezone;
          const today = localDateOf(NOW, zone);
          const from = localMidnight(today, zone) / 1000;
          const to = localMidnight(shiftDate(today, 1), zone) / 1000 - 1;
          const rows = await rawHeartbeats(t, user.username!, from, to);
          const { status, body } = await getJson(t, `${WAKA}/statusbar/today`, bearer(keyOf(t, user)));
          expect(status, user.username!).toBe(200);
          expectValid('getStatusbarToday', '200', body);
          const total = lagSeconds(rows);
          expect(body.data.grand_total.total_seconds, user.username!).toBe(total);

          const goal = user.dailyGoal;
          if (goal === null) {
            expect('goal' in body.data).toBe(false);
          } else {
            const archived = new Set(user.repoMappings.filter((m) => m.archived).map((m) => m.project));
            const counted = rows.filter(
              (hb) =>
                (hb.project === null || !archived.has(hb.project)) &&
                (goal.projects.length === 0 || goal.projects.includes(hb.project ?? '')),
            );
            const tracked =
              goal.languages.length === 0
                ? lagSeconds(counted)
                : lagSeconds(counted.filter((hb) => goal.languages.includes(displayLanguageName(hb.language))));
            expect(body.data.goal).toEqual({
              target_seconds: goal.targetSeconds,
              tracked_seconds: tracked,
              completion_percent: Math.min(Math.round((tracked / goal.targetSeconds) * 100), 100),
              complete: tracked >= goal.targetSeconds,
            });
          }

          const text = body.data.grand_total.text as string;
          if (user.extensionTextType === 'simple_text') {
            const suffix = goal !== null && user.showGoalsInStatusbar ? ` / ${simpleText(goal.targetSeconds)} goal` : '';
            expect(text, user.username!).toBe(simpleText(total) + suffix);
          } else if (user.extensionTextType === 'compliment_text') {
            expect(COMPLIMENTS).toContain(text);
          } else {
            expect(text).toMatch(/^\p{Extended_Pictographic}$/u);
          }
        }
      });
      it("agrees with the day of today's summaries", async () => {
        for (const user of [named(t, 'demo'), eastUser(t), ...t.world.users.filter((u) => u.username === t.world.roles.pendingDeletion)]) {
          const today = localDateOf(NOW, user.timezone);
          const bar = await getJson(t, `${WAKA}/statusbar/today`, bearer(keyOf(t, user)));
          const sums = await getJson(t, `${WAKA}/summaries?start=${today}&end=${today}`, bearer(keyOf(t, user)));
          expect(sums.body.data[0].range.text).toBe('Today');
          expect(bar.body.data.grand_total.total_seconds).toBe(sums.body.data[0].grand_total.total_seconds);
        }
      });
      it('demo has a daily goal and a non-zero day: text carries the goal suffix', async () => {
        const { body } = await getJson(t, `${WAKA}/statusbar/today`, basic(DEMO_KEY));
        expect(body.data.grand_total.total_seconds).toBeGreaterThan(0);
        expect(body.data.grand_total.text).toMatch(/^(\d+h )?\d+m \/ 2h goal$|^\d+h \/ 2h goal$/);
      });
      it('401 without a valid key', async () => {
        const { status, body } = await getJson(t, `${WAKA}/statusbar/today`, bearer(READ_TOKEN));
        expect([status, body]).toEqual([401, { error: 'Unauthorized' }]);
      });
    });

    describe('GET /users/{id}/summaries', () => {
      async function checkSummaries(user: User, start: string, end: string, extra: { timezone?: string; project?: string } = {}) {
        const zone = extra.timezone ?? user.timezone;
        const query = new URLSearchParams({ start, end, ...extra });
        const { status, body } = await getJson(t, `${WAKA}/summaries?${query}`, bearer(keyOf(t, user)));
        expect(status, `${user.username} ${query}`).toBe(200);
        expectValid('getSummaries', '200', body);
        const from = localMidnight(start, zone) / 1000;
        const until = localMidnight(shiftDate(end, 1), zone) / 1000;
        const rows = (await rawHeartbeats(t, user.username!, from, until)).filter(
          (hb) => hb.time < until && (extra.project === undefined || hb.project === extra.project),
        );
        const days = leadByDay(rows, zone);
        const aiDays = aiByLocalDay(rows, zone);
        const today = localDateOf(NOW, zone);

        let date = start;
        let total = 0;
        let active = 0;
        expect(body.start).toBe(start);
        expect(body.end).toBe(end);
        for (const day of body.data) {
          const expected = days.get(date) ?? { total: 0, projects: new Map<string, number>() };
          expect(day.range).toEqual({
            date,
            start: isoZ(localMidnight(date, zone)),
            end: isoZ(localMidnight(shiftDate(date, 1), zone) - 1000),
            text: date === today ? 'Today' : date === shiftDate(today, -1) ? 'Yesterday' : longDate(date),
            timezone: zone,
          });
          expect(day.grand_total.total_seconds, date).toBe(expected.total);
          const ai = aiDays.get(date);
          expect(
            {
              input: day.grand_total.ai_input_tokens,
              output: day.grand_total.ai_output_tokens,
              models: day.grand_total.ai_model_breakdown,
            },
            `AI of ${date}`,
          ).toEqual({
            input: ai?.input,
            output: ai?.output,
            models:
              ai && ai.models.size > 0
                ? [...ai.models]
                    .sort(([an, al], [bn, bl]) => bl - al || (an < bn ? -1 : an > bn ? 1 : 0))
                    .map(([name, lines]) => ({ name, lines }))
                : undefined,
          });
          const projects = [...expected.projects]
            .filter(([, s]) => s > 0)
            .sort(([an, as], [bn, bs]) => bs - as || (an < bn ? -1 : an > bn ? 1 : 0));
          expect(
            day.projects.map((p: { name: string; total_seconds: number; percent: number }) => [p.name, p.total_seconds, p.percent]),
          ).toEqual(projects.map(([name, s]) => [name, s, round2((s / expected.total) * 100)]));
          for (const key of ['branches', 'categories', 'dependencies', 'editors', 'entities', 'languages', 'machines', 'operating_systems'])
            expect(day[key]).toEqual([]);
          total += expected.total;
          if (expected.total > 0) active += 1;
          date = shiftDate(date, 1);
        }
        expect(date).toBe(shiftDate(end, 1));
        const n = body.data.length;
        expect(body.cumulative_total).toMatchObject({
          seconds: total,
          hours: Math.floor(total / 3600),
          minutes: Math.floor((total % 3600) / 60),
        });
        expect(body.daily_average).toMatchObject({
          holidays: n - active,
          days_including_holidays: n,
          days_minus_holidays: active,
          seconds: Math.floor(total / n),
        });
        expect(body.daily_average.seconds_including_other_language).toBe(body.daily_average.seconds);
        return body;
      }

      it('several windows for demo (UTC−4) and a user east of UTC, per-day LEAD recomputed', async () => {
        for (const user of [named(t, 'demo'), eastUser(t)]) {
          const today = localDateOf(NOW, user.timezone);
          await checkSummaries(user, today, today);
          await checkSummaries(user, shiftDate(today, -2), today);
          const month = await checkSummaries(user, shiftDate(today, -29), today);
          expect(month.cumulative_total.seconds).toBeGreaterThan(0);
          await checkSummaries(user, shiftDate(today, -20), shiftDate(today, -14));
        }
      });
      it("AI fields: posted rows with a model, a blank one, none, and no tokens sum into today's grand total", async () => {
        const demo = named(t, 'demo');
        const today = localDateOf(NOW, demo.timezone);
        const at = (secondsAgo: number) => NOW / 1000 - secondsAgo;
        const posted = [
          { time: at(900), ai_model: 'model-b', ai_input_tokens: 100, ai_output_tokens: 20, ai_line_changes: 7 },
          { time: at(840), ai_model: '  ', ai_input_tokens: 50, ai_line_changes: 3 },
          { time: at(780), ai_output_tokens: 9 },
          { time: at(720), ai_model: 'model-a', ai_line_changes: 7 },
          { time: at(660), ai_model: 'model-a' },
        ].map((fields, i) => ({ entity: `ai-${i}.ts`, type: 'file', category: 'ai coding', project: 'ai-sums', ...fields }));
        const res = await t.fetch(`${WAKA}/heartbeats.bulk`, {
          method: 'POST',
          headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json' },
          body: JSON.stringify(posted),
        });
        expect(res.status).toBe(201);
        const body = await checkSummaries(demo, today, today);
        // model-a and model-b tie on 7 lines: by name. A blank model is stored as none (`presence`):
        // its row's tokens count, its lines go to no model.
        const names = body.data[0].grand_total.ai_model_breakdown.map((m: { name: string }) => m.name);
        expect(names.indexOf('model-a')).toBeGreaterThanOrEqual(0);
        expect(names.indexOf('model-a')).toBe(names.indexOf('model-b') - 1);
        expect(names).not.toContain('  ');
      });
      it('the longest range allowed (366 days inclusive) and the timezone and project parameters', async () => {
        const demo = named(t, 'demo');
        const today = localDateOf(NOW, demo.timezone);
        const year = await checkSummaries(demo, shiftDate(today, -365), today);
        expect(year.data).toHaveLength(366);
        await checkSummaries(demo, '2026-08-10', '2026-08-16', { timezone: 'Asia/Kolkata' });
        await checkSummaries(demo, '2026-08-10', '2026-08-16', { timezone: 'Pacific/Auckland', project: 'hackatime' });
        const none = await checkSummaries(demo, '2026-08-10', '2026-08-12', { project: 'no-such-project' });
        expect(none.cumulative_total.seconds).toBe(0);
      });
      it('400s in the server order, with its exact messages', async () => {
        const cases: [string, string][] = [
          ['end=2026-08-22', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-08-22', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-2-3&end=2026-08-22', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-02-30&end=2026-08-22', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-08-01&end=2026-02-29', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-08-01T00:00:00Z&end=2026-08-22', 'start and end must be valid dates in YYYY-MM-DD format'],
          ['start=2026-08-22&end=2026-08-21', 'end must not be before start'],
          ['start=2026-08-22&end=2026-08-21&timezone=Nowhere/Special', 'end must not be before start'],
          ['start=2025-08-21&end=2026-08-22', 'date range cannot exceed 366 days'],
          ['start=2025-08-21&end=2026-08-22&timezone=Nowhere/Special', 'date range cannot exceed 366 days'],
          ['start=2026-08-01&end=2026-08-22&timezone=Nowhere/Special', 'Invalid timezone'],
          ['start=2026-08-01&end=2026-08-22&timezone=america/new_york', 'Invalid timezone'],
        ];
        for (const [query, message] of cases) {
          const { status, body } = await getJson(t, `${WAKA}/summaries?${query}`, bearer(DEMO_KEY));
          expect([query, status, body]).toEqual([query, 400, { error: message }]);
          expectValid('getSummaries', '400', body);
        }
        // 2028 is a leap year: Feb 29 exists.
        expect((await t.fetch(`${WAKA}/summaries?start=2028-02-29&end=2028-03-01`, { headers: bearer(DEMO_KEY) })).status).toBe(200);
      });
      it('the credential is checked before the parameters', async () => {
        for (const headers of [{}, bearer('00000000-0000-4000-8000-000000000000'), bearer(READ_TOKEN)]) {
          const { status, body } = await getJson(t, `${WAKA}/summaries?start=nope&end=2026-02-30&timezone=Nowhere`, headers);
          expect([status, body]).toEqual([401, { error: 'Unauthorized' }]);
        }
      });
    });

    describe('GET /users/current/stats/last_7_days', () => {
      async function checkLast7(user: User) {
        const zone = user.timezone;
        const today = localDateOf(NOW, zone);
        const startMs = localMidnight(shiftDate(today, -7), zone);
        const endMs = localMidnight(shiftDate(today, 1), zone);
        const rows = await rawHeartbeats(t, user.username!, startMs / 1000, endMs / 1000 - 1);
        const { status, body } = await getJson(t, `${WAKA}/stats/last_7_days`, bearer(keyOf(t, user)));
        expect(status).toBe(200);
        expectValid('getLast7Days', '200', body);
        const data = body.data;
        const total = lagSeconds(rows);
        const days = new Set(rows.map((hb) => localDateOf(hb.time * 1000, zone))).size;
        const average = days === 0 ? 0 : Math.round((total / days) * 10) / 10;
        const hrs = (s: number) => `${Math.floor(s / 3600)} hrs ${Math.floor((s % 3600) / 60)} mins`;
        expect(data).toMatchObject({
          username: user.slackUid,
          user_id: user.slackUid,
          start: `${shiftDate(today, -7)}T00:00:00${offsetText(startMs, zone)}`,
          end: `${today}T23:59:59${offsetText(endMs - 1000, zone)}`,
          status: 'ok',
          total_seconds: total,
          daily_average: average,
          days_including_holidays: days,
          range: 'last_7_days',
          human_readable_range: 'Last 7 Days',
          human_readable_total: hrs(total),
          human_readable_daily_average: hrs(Math.trunc(average)),
          is_coding_activity_visible: true,
          is_other_usage_visible: true,
        });
        expect(data.categories).toEqual([
          {
            name: 'coding',
            total_seconds: total,
            percent: 100,
            digital: `${Math.floor(total / 3600)}:${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`,
            text: hrs(total),
            hours: Math.floor(total / 3600),
            minutes: Math.floor((total % 3600) / 60),
            seconds: total % 60,
          },
        ]);
        const lists: [string, keyof Heartbeat, (v: string) => string][] = [
          ['editors', 'editor', displayEditorName],
          ['languages', 'language', displayLanguageName],
          ['machines', 'machine', (v) => v],
          ['projects', 'project', (v) => v],
          ['operating_systems', 'operating_system', displayOsName],
        ];
        for (const [list, field, display] of lists) {
          const groups = groupedLag(rows, (hb) => hb[field] as string | null);
          const sum = [...groups.values()].reduce((a, b) => a + b, 0);
          const expected =
            sum === 0
              ? []
              : [...groups]
                  .filter(([, s]) => s > 0)
                  .map(([k, s]) => [display(k === null || k.trim() === '' ? 'unknown' : k), s, round2((s / sum) * 100)]);
          const got = data[list].map((i: { name: string; total_seconds: number; percent: number }) => [i.name, i.total_seconds, i.percent]);
          const order = (a: (string | number)[], b: (string | number)[]) =>
            (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]));
          expect([...got].sort(order), list).toEqual([...expected].sort(order));
          const seconds = got.map((g: [string, number]) => g[1]);
          expect(seconds, `${list} sorted longest first`).toEqual([...seconds].sort((a: number, b: number) => b - a));
        }
        return data;
      }

      it('the 8 local days of demo (UTC−4), a user east of UTC and a user without Slack', async () => {
        const demo = await checkLast7(named(t, 'demo'));
        expect(demo.total_seconds).toBeGreaterThan(0);
        expect(demo.start).toMatch(/-04:00$/);
        const east = await checkLast7(eastUser(t));
        expect(east.start).toMatch(/\+\d\d:\d\d$/);
        const noSlack = await checkLast7(named(t, t.world.roles.noSlack));
        expect([noSlack.username, noSlack.user_id]).toEqual([null, null]);
      });
      it('a user without heartbeats: zeros, empty lists, one coding category', async () => {
        const data = await checkLast7(named(t, t.world.roles.noHeartbeats));
        expect(data).toMatchObject({
          total_seconds: 0,
          daily_average: 0,
          days_including_holidays: 0,
          editors: [],
          languages: [],
          machines: [],
          projects: [],
          operating_systems: [],
        });
        expect(data.categories).toHaveLength(1);
      });
      it('only the literal "current" is routed; 401 without a valid key', async () => {
        expect((await t.fetch('/api/hackatime/v1/users/demo/stats/last_7_days', { headers: bearer(DEMO_KEY) })).status).toBe(404);
        const { status, body } = await getJson(t, `${WAKA}/stats/last_7_days`, {});
        expect([status, body]).toEqual([401, { error: 'Unauthorized' }]);
      });
    });
  },
  { days: 'default' },
);
