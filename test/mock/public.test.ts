import { describe, expect, it } from 'vitest';
import { bannedUserCounts } from '../../src/mock/answers/banned-user-counts.js';
import type { HeartbeatDraft, TrustLevelChange } from '../../src/world/types.js';
import { draft, lagSeconds } from '../helpers/heartbeats.js';
import { ACCEPT_JSON, describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { credentials, type HeartbeatJson, rawHeartbeats } from '../helpers/mock-admin.js';
import { expectValid } from '../helpers/spec.js';

const NOW_S = NOW / 1000;

// --- badge expectations, written independently -----------------------------------------------------

/** ERB::Util.url_encode: only A-Z a-z 0-9 _ . - ~ stay as they are. */
const erbEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const badgeText = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${m}m` : `${m}m`;
};
const shields = (seconds: number, label = 'hackatime', color = 'blue') =>
  `https://img.shields.io/badge/${erbEncode(label)}-${erbEncode(badgeText(seconds))}-${erbEncode(color)}`;
const secondsOf = (rows: HeartbeatJson[], projects: string[]) =>
  lagSeconds(rows.filter((hb) => hb.project !== null && projects.includes(hb.project)));

async function badge(t: MockTarget, path: string): Promise<Response> {
  return t.fetch(path, { redirect: 'manual', headers: ACCEPT_JSON });
}

async function expectRedirect(t: MockTarget, path: string, location: string): Promise<void> {
  const res = await badge(t, path);
  expect(res.status, path).toBe(307);
  expect(res.headers.get('location'), path).toBe(location);
  expect(res.headers.get('location')).toMatch(/^https:\/\/img\.shields\.io\/badge\//);
  expect(await res.text(), path).toBe('');
}

async function expectError(t: MockTarget, path: string, status: number, body: unknown): Promise<void> {
  const res = await badge(t, path);
  expect(res.status, path).toBe(status);
  const json = await res.json();
  expect(json, path).toEqual(body);
  expectValid('getBadge', String(status), json);
}

describeBoth(
  'GET /api/v1/badge/{user_id}/{project}',
  (t) => {
    it('redirects to the all-time time of every project with time, for several users', async () => {
      const users = (await credentials(t)).users.filter((u) => u.public_stats);
      let checked = 0;
      for (const user of users.slice(0, 5)) {
        const rows = await rawHeartbeats(t, user.username);
        const projects = [...new Set(rows.map((hb) => hb.project).filter((p): p is string => p !== null))];
        for (const project of projects) {
          const seconds = secondsOf(rows, [project]);
          expect(seconds, `${user.username}/${project}`).toBeGreaterThan(0);
          await expectRedirect(t, `/api/v1/badge/${user.username}/${encodeURIComponent(project)}`, shields(seconds));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });

    it('finds the user by Slack UID, username or numeric id', async () => {
      const demo = (await credentials(t)).users.find((u) => u.username === t.world.roles.demo)!;
      const location = shields(secondsOf(await rawHeartbeats(t, demo.username), ['hackatime']));
      for (const id of [demo.slack_uid!, demo.username, String(demo.id), `000${demo.id}`])
        await expectRedirect(t, `/api/v1/badge/${id}/hackatime`, location);
    });

    it('answers 404 User not found for an unknown user, before looking at the project', async () => {
      for (const id of ['nobody-here', '999999', `${t.world.roles.demo}x`, '%20'])
        await expectError(t, `/api/v1/badge/${id}/hackatime`, 404, { error: 'User not found' });
    });

    it('answers 403 (capital U) for a user with private stats, before looking at the project', async () => {
      const user = t.world.userByUsername(t.world.roles.privateStats)!;
      for (const id of [user.username!, user.slackUid ?? user.username!, String(user.id)]) {
        await expectError(t, `/api/v1/badge/${id}/no-such-project`, 403, { error: 'User has disabled public stats' });
      }
    });

    it('answers 404 Project not found for a project without heartbeats or mapping', async () => {
      // (`hackatime/` is not among them: Rails drops the trailing slash before routing, see route-recognition.test.ts.)
      for (const project of ['no-such-project', 'hackclub/no-such-repo', 'HACKATIME', 'hackatime%2F', '%20']) {
        await expectError(t, `/api/v1/badge/${t.world.roles.demo}/${project}`, 404, { error: 'Project not found' });
      }
    });

    it('resolves owner/repo through every repository mapping, archived ones included', async () => {
      let archived = 0;
      for (const user of (await credentials(t)).users.filter((u) => u.public_stats)) {
        const rows = await rawHeartbeats(t, user.username);
        for (const mapping of t.world.userById(user.id)!.repoMappings) {
          const m = mapping.repoUrl === null ? null : /^https:\/\/github\.com\/([^/]+)\/([^/]+)$/.exec(mapping.repoUrl);
          if (!m) continue;
          if (mapping.archived) archived++;
          await expectRedirect(t, `/api/v1/badge/${user.username}/${m[1]}/${m[2]}`, shields(secondsOf(rows, [mapping.project])));
        }
      }
      expect(archived).toBeGreaterThan(0);
    });

    it('adds the aliases as one more timeline (trimmed, own project and unknown names dropped)', async () => {
      const demo = t.world.roles.demo;
      const rows = await rawHeartbeats(t, demo);
      const own = secondsOf(rows, ['hackatime']);
      const aliases = secondsOf(rows, ['hackatime-kit', 'harbor']);
      expect(aliases).toBeGreaterThan(0);
      const expected = shields(own + aliases);
      for (const query of [
        'hackatime-kit,harbor',
        ' hackatime-kit , harbor ,',
        'hackatime,hackatime-kit,harbor,nope',
        'harbor,hackatime-kit,harbor',
      ]) {
        await expectRedirect(t, `/api/v1/badge/${demo}/hackatime?aliases=${encodeURIComponent(query)}`, expected);
      }
      for (const query of ['', '   ', 'hackatime', 'nope'])
        await expectRedirect(t, `/api/v1/badge/${demo}/hackatime?aliases=${encodeURIComponent(query)}`, shields(own));
    });

    it('uses label and colour (last value wins, empty label kept) and URL-encodes them like Ruby', async () => {
      const demo = t.world.roles.demo;
      const own = secondsOf(await rawHeartbeats(t, demo), ['hackatime']);
      const at = (query: string) => `/api/v1/badge/${demo}/hackatime?${query}`;
      await expectRedirect(t, at('label=coding%20time&color=brightgreen'), shields(own, 'coding time', 'brightgreen'));
      await expectRedirect(t, at("label=it's+(mostly)+fun!*&color=%23ff0"), shields(own, "it's (mostly) fun!*", '#ff0'));
      await expectRedirect(t, at('label=%E2%8F%B1%20time'), shields(own, '⏱ time'));
      await expectRedirect(t, at('label=a&label=b&color=red&color=green'), shields(own, 'b', 'green'));
      await expectRedirect(t, at('label='), shields(own, ''));
    });

    it('appends every other query parameter with "&" and no "?" (the upstream bug)', async () => {
      const demo = t.world.roles.demo;
      const own = secondsOf(await rawHeartbeats(t, demo), ['hackatime']);
      await expectRedirect(
        t,
        `/api/v1/badge/${demo}/hackatime?style=flat-square&label=x&logo=git%20hub&logoColor=%23fff&style=social&format=svg&user_id=1&project=p&controller=c&action=a`,
        `${shields(own, 'x')}&style=social&logo=git%20hub&logoColor=%23fff`,
      );
    });

    it('does not route a user id with a dot (the 404 error page)', async () => {
      const res = await badge(t, `/api/v1/badge/${t.world.roles.demo}.json/hackatime`);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: 'Page Not Found', status: 404 });
    });
    // Recomputed from raw heartbeats for every repository mapping: the default world's year has them all.
  },
  { days: 'default' },
);

/** An ordinary coding heartbeat on `app`; only time, category, project and source matter here. */
const coding = (time: number, over: Partial<HeartbeatDraft> = {}) => draft({ time, category: 'coding', project: 'app', ...over });

describeBoth('badge edge cases (heartbeats added to admin)', (t) => {
  const admin = () => t.world.userByUsername(t.world.roles.admin)!;

  it('answers 400 with an empty body for a project whose time is 0, whatever the aliases', async () => {
    t.world.addHeartbeat(admin().id, coding(NOW_S - 7200, { project: 'lonely' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 7000, { project: 'other' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 6990, { project: 'other' }));
    for (const path of ['/api/v1/badge/admin/lonely', '/api/v1/badge/admin/lonely?aliases=other']) {
      const res = await badge(t, path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toBe('');
    }
    await expectRedirect(t, '/api/v1/badge/admin/other', shields(10));
  });

  it('counts every category and source, and keeps dots and slashes in the project name', async () => {
    t.world.addHeartbeat(admin().id, coding(NOW_S - 600, { project: 'pimlico.dev', category: 'browsing' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 590, { project: 'pimlico.dev', source_type: 'wakapi_import' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 585, { project: 'pimlico.dev', category: 'debugging' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 500, { project: 'a/b' }));
    t.world.addHeartbeat(admin().id, coding(NOW_S - 100, { project: 'a/b' }));
    await expectRedirect(t, '/api/v1/badge/admin/pimlico.dev', shields(15));
    await expectRedirect(t, '/api/v1/badge/admin/a/b', shields(120));
    const rows = await rawHeartbeats(t, 'admin');
    expect(secondsOf(rows, ['pimlico.dev'])).toBe(15);
  });

  it('writes hours and minutes, or minutes alone under an hour', async () => {
    // 31 heartbeats 120 s apart: exactly 1 h.
    for (let i = 0; i <= 30; i++) t.world.addHeartbeat(admin().id, coding(NOW_S - 20_000 + i * 120, { project: 'hour' }));
    await expectRedirect(t, '/api/v1/badge/admin/hour', 'https://img.shields.io/badge/hackatime-1h%200m-blue');
    await expectRedirect(t, '/api/v1/badge/admin/other', 'https://img.shields.io/badge/hackatime-0m-blue');
  });
});

// --- currently hacking --------------------------------------------------------------------------

interface HackingUser {
  display_name: string;
  avatar_url: string;
  country_code: string | null;
  working_on: { project_name: string; repo_url: string | null } | null;
}

/** Who should be listed, from the raw heartbeats of the last 5 minutes (strictly after NOW − 300 s). */
async function expectedHackers(t: MockTarget): Promise<HackingUser[]> {
  const expected: HackingUser[] = [];
  for (const u of (await credentials(t)).users) {
    const recent = (await rawHeartbeats(t, u.username, NOW_S - 300)).filter(
      (hb) => hb.time > NOW_S - 300 && hb.source_type === 'direct_entry' && hb.category === 'coding',
    );
    const latest = recent.sort((a, b) => a.time - b.time || a.id - b.id).at(-1);
    if (!latest) continue;
    const user = t.world.userById(u.id)!;
    const mapping = user.repoMappings.find((m) => m.project === latest.project);
    expected.push({
      display_name: u.display_name,
      avatar_url: user.slackAvatarUrl ?? user.githubAvatarUrl ?? '',
      country_code: user.countryCode,
      working_on: mapping && !mapping.archived ? { project_name: mapping.project, repo_url: mapping.repoUrl } : null,
    });
  }
  return expected;
}

async function hacking(t: MockTarget): Promise<{ count: number; users: HackingUser[] }> {
  const res = await t.fetch('/api/v1/currently_hacking');
  expect(res.status).toBe(200);
  const body = (await res.json()) as { count: number; users: HackingUser[] };
  expectValid('getCurrentlyHacking', '200', body);
  expect(body.count).toBe(body.users.length);
  return body;
}

const byName = (users: HackingUser[]) => [...users].sort((a, b) => a.display_name.localeCompare(b.display_name));

function expectSharersFirst(users: HackingUser[]): void {
  const firstWithout = users.findIndex((u) => u.working_on === null);
  if (firstWithout !== -1) expect(users.slice(firstWithout).every((u) => u.working_on === null)).toBe(true);
}

describeBoth('GET /api/v1/currently_hacking', (t) => {
  it('lists exactly the users with a direct_entry coding heartbeat in the last 5 minutes', async () => {
    const body = await hacking(t);
    expect(byName(body.users)).toEqual(byName(await expectedHackers(t)));
    const names = new Map((await credentials(t)).users.map((u) => [u.username, u.display_name]));
    expect(body.users.map((u) => u.display_name).sort()).toEqual(t.world.roles.currentlyHacking.map((n) => names.get(n)).sort());
  });

  it('exposes no user ids and puts users with a shareable project first', async () => {
    const body = await hacking(t);
    for (const u of body.users) expect(Object.keys(u).sort()).toEqual(['avatar_url', 'country_code', 'display_name', 'working_on']);
    expectSharersFirst(body.users);
    expect(body.users.some((u) => u.working_on !== null)).toBe(true);
  });
});

describeBoth('currently hacking after new heartbeats', (t) => {
  it('follows the window, source, category and the latest project’s mapping', async () => {
    const hackers = new Set(t.world.roles.currentlyHacking);
    const idle = t.world.users.filter((u) => !hackers.has(u.username ?? '') && u.allowPublicStats);
    const archivedUser = idle.find((u) => u.repoMappings.some((m) => m.archived && m.repoUrl !== null))!;
    const archived = archivedUser.repoMappings.find((m) => m.archived)!.project;
    const [excluded, future] = idle.filter((u) => u !== archivedUser);
    const demo = t.world.userByUsername(t.world.roles.demo)!;

    t.world.addHeartbeat(archivedUser.id, coding(NOW_S - 299, { project: archived }));
    t.world.addHeartbeat(excluded!.id, coding(NOW_S - 10, { source_type: 'wakapi_import' }));
    t.world.addHeartbeat(excluded!.id, coding(NOW_S - 9, { source_type: 'test_entry', entity: 'test.txt' }));
    t.world.addHeartbeat(excluded!.id, coding(NOW_S - 8, { category: 'browsing' }));
    t.world.addHeartbeat(excluded!.id, coding(NOW_S - 300));
    t.world.addHeartbeat(future!.id, coding(NOW_S + 60, { project: 'not-mapped' }));
    // Demo's latest project now has no mapping: demo is still listed, without working_on.
    t.world.addHeartbeat(demo.id, coding(NOW_S - 1, { project: 'scratchpad' }));

    const body = await hacking(t);
    expect(byName(body.users)).toEqual(byName(await expectedHackers(t)));
    expectSharersFirst(body.users);
    const names = new Map((await credentials(t)).users.map((u) => [u.id, u.display_name]));
    const shown = (id: number) => body.users.find((u) => u.display_name === names.get(id));
    expect(shown(archivedUser.id)?.working_on).toBeNull();
    expect(shown(future!.id)?.working_on).toBeNull();
    expect(shown(excluded!.id)).toBeUndefined();
    expect(shown(demo.id)?.working_on).toBeNull();
    expect(body.count).toBe(hackers.size + 2);
  });
});

// --- banned user counts -------------------------------------------------------------------------

/** Distinct users set to red at or after `from` (and not after now). */
function distinctBanned(changes: readonly TrustLevelChange[], from: number, now: number): number {
  return new Set(changes.filter((c) => c.to === 'red' && c.at >= from && c.at <= now).map((c) => c.userId)).size;
}

for (const [title, now, monthAgo] of [
  ['mid-month', NOW, Date.parse('2026-07-22T18:30:00Z')],
  ['on the 31st (a month back is the last day of February)', Date.parse('2026-03-31T12:00:00Z'), Date.parse('2026-02-28T12:00:00Z')],
] as const) {
  describeBoth(
    `GET /api/v1/banned_users/counts, ${title}`,
    (t) => {
      it('counts distinct users banned in the last day, week and month, from the audit log', async () => {
        const res = await t.fetch('/api/v1/banned_users/counts');
        expect(res.status).toBe(200);
        const body = await res.json();
        expectValid('getBannedUserCounts', '200', body);
        const changes = t.world.trustLevelChanges;
        expect(body).toEqual({
          day: distinctBanned(changes, now - 86_400_000, now),
          week: distinctBanned(changes, now - 7 * 86_400_000, now),
          month: distinctBanned(changes, monthAgo, now),
        });
        expect(changes.some((c) => c.to === 'red')).toBe(true);
      });
    },
    { now },
  );
}

describe('banned user counts, the rule itself', () => {
  it('counts a user banned twice once, and ignores other levels and older bans', () => {
    const now = NOW;
    const changes: TrustLevelChange[] = [
      { userId: 1, to: 'red', at: now - 1000 },
      { userId: 1, to: 'red', at: now - 2000 },
      { userId: 2, to: 'yellow', at: now - 1000 },
      { userId: 3, to: 'red', at: now - 3 * 86_400_000 },
      { userId: 4, to: 'red', at: now - 20 * 86_400_000 },
      { userId: 5, to: 'red', at: now - 40 * 86_400_000 },
      { userId: 6, to: 'red', at: now - 86_400_000 },
    ];
    expect(bannedUserCounts(changes, now)).toEqual({ day: 2, week: 3, month: 4 });
  });
});
