import { expect, it } from 'vitest';
import { lagSeconds } from '../helpers/heartbeats.js';
import { describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { credentials, type HeartbeatJson, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { responseSchema, validator } from '../helpers/spec.js';
import { utcStamp } from './raw-heartbeats.js';

async function call(t: MockTarget, operationId: string, path: string, status: number): Promise<unknown> {
  const res = await t.fetch(path);
  const body: unknown = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(status);
  const result = validator.validate(responseSchema(operationId, status), body);
  expect(result.ok ? [] : result.issues, path).toEqual([]);
  return body;
}

const NOW_S = NOW / 1000;
const at = (iso: string) => Date.parse(iso) / 1000;
const named = (rows: HeartbeatJson[]) =>
  rows.filter((hb): hb is HeartbeatJson & { project: string } => hb.project !== null && hb.project !== '');

/** The row the reference describes, computed from the raw heartbeats of one project. */
function expectedRow(t: MockTarget, userId: number, project: string, rows: HeartbeatJson[]) {
  const own = rows.filter((hb) => hb.project === project);
  const times = own.map((hb) => hb.time);
  const mapping = t.world.userById(userId)!.repoMappings.find((m) => m.project === project);
  const languages = [...new Set(own.map((hb) => hb.language).filter((l): l is string => l !== null && l.trim() !== ''))];
  return {
    name: project,
    total_seconds: lagSeconds(own),
    languages: languages.sort((a, b) => a.localeCompare(b, 'en-US')),
    repo_url: mapping?.repoUrl ?? null,
    total_heartbeats: own.length,
    first_heartbeat: utcStamp(Math.min(...times)),
    last_heartbeat: utcStamp(Math.max(...times)),
    most_recent_heartbeat: utcStamp(Math.max(...times)),
    archived: false,
  };
}

/** A public user with an archived mapping whose project has heartbeats since `since` (Unix seconds). */
async function archivedCase(t: MockTarget, since = 0): Promise<{ username: string; id: number; project: string }> {
  for (const user of (await credentials(t)).users.filter((u) => u.public_stats)) {
    const projects = new Set((await rawHeartbeats(t, user.username)).filter((hb) => hb.time >= since).map((hb) => hb.project));
    const mapping = t.world.userById(user.id)!.repoMappings.find((m) => m.archived && projects.has(m.project));
    if (mapping) return { username: user.username, id: user.id, project: mapping.project };
  }
  throw new Error('the world has no archived project with heartbeats');
}

describeBoth('GET /api/v1/users/{username}/projects', (t) => {
  const names = async (user: string, query = '') =>
    ((await call(t, 'getUserProjects', `/api/v1/users/${user}/projects${query}`, 200)) as { projects: string[] }).projects;
  const expectedNames = (rows: HeartbeatJson[], from: number, to: number) =>
    new Set(named(rows.filter((hb) => hb.time >= from && hb.time <= to)).map((hb) => hb.project));

  it('lists the distinct projects of the last 30 days (from 00:00 UTC), archived ones included', async () => {
    // Projects start and end over a year: the archived project must be one of the last 30 days.
    const { username, project } = await archivedCase(t, at('2026-07-23T00:00:00Z'));
    const rows = await rawHeartbeats(t, username);
    const listed = await names(username);
    expect(new Set(listed)).toEqual(expectedNames(rows, at('2026-07-23T00:00:00Z'), NOW_S));
    expect(listed).toHaveLength(new Set(listed).size);
    expect(listed).toContain(project);
  });

  it('takes the first parseable of since/start/start_date and of until/until_date/end/end_date; bad values are skipped', async () => {
    const demo = t.world.roles.demo;
    const rows = await rawHeartbeats(t, demo);
    const from = at('2026-08-20T00:00:00Z');
    const to = at('2026-08-21T06:00:00Z');
    const expected = expectedNames(rows, from, to);
    expect(expected.size).toBeGreaterThan(0);
    for (const query of [
      '?since=2026-08-20&until=2026-08-21T06:00:00Z',
      '?since=nonsense&start=2026-08-20&start_date=2026-01-01&until_date=2026-08-21T06:00:00Z&end=2026-08-01',
      '?start_date=Aug%2020%202026&until=oops&end=2026-08-21%2006:00',
    ]) {
      expect(new Set(await names(demo, query)), query).toEqual(expected);
    }
    expect(new Set(await names(demo, '?since=never&until=whenever'))).toEqual(expectedNames(rows, at('2026-07-23T00:00:00Z'), NOW_S));
    expect(await names(demo, '?since=2030-01-01')).toEqual([]);
  });

  it('answers 404 User not found for no one, here and on the details', async () => {
    expect(await call(t, 'getUserProjects', '/api/v1/users/nobody-here/projects', 404)).toEqual({ error: 'User not found' });
    expect(await call(t, 'getUserProjectsDetails', '/api/v1/users/999999/projects/details', 404)).toEqual({ error: 'User not found' });
  });
});

describeBoth('GET /api/v1/users/{username}/project/{project_name}', (t) => {
  it('gives every project of a user the row computed from its raw heartbeats', async () => {
    for (const role of ['demo', 'yellow', 'noGithub']) {
      const user = await userWithRole(t, role);
      const rows = named(await rawHeartbeats(t, user.username));
      const archived = new Set(
        t.world
          .userById(user.id)!
          .repoMappings.filter((m) => m.archived)
          .map((m) => m.project),
      );
      for (const project of new Set(rows.map((hb) => hb.project))) {
        if (archived.has(project)) continue;
        const path = `/api/v1/users/${user.username}/project/${encodeURIComponent(project)}`;
        expect(await call(t, 'getUserProject', path, 200), path).toEqual(expectedRow(t, user.id, project, rows));
      }
    }
  });

  it('reads start/start_date and end/end_date leniently over an inclusive window', async () => {
    const demo = await userWithRole(t, 'demo');
    const rows = named(await rawHeartbeats(t, demo.username));
    const window = rows.filter((hb) => hb.time >= at('2026-08-15T00:00:00Z') && hb.time <= at('2026-08-20T12:00:00Z'));
    const expected = expectedRow(t, demo.id, 'hackatime', window);
    for (const query of ['start=2026-08-15&end=2026-08-20T12:00:00Z', 'start=bad&start_date=2026-08-15&end_date=2026-08-20%2012:00']) {
      expect(await call(t, 'getUserProject', `/api/v1/users/${demo.username}/project/hackatime?${query}`, 200), query).toEqual(expected);
    }
  });

  it('answers 400 for a blank name and 404 found nuthin for no data or an archived project', async () => {
    const demo = t.world.roles.demo;
    for (const blank of ['%20', '%20%20%09']) {
      expect(await call(t, 'getUserProject', `/api/v1/users/${demo}/project/${blank}`, 400)).toEqual({ error: 'whats the name?' });
    }
    const nothing = { error: 'found nuthin' };
    for (const path of [`${demo}/project/no-such-project`, `${demo}/project/HACKATIME`, `${demo}/project/hackatime?start=2030-01-01`]) {
      expect(await call(t, 'getUserProject', `/api/v1/users/${path}`, 404), path).toEqual(nothing);
    }
    const { username, project } = await archivedCase(t);
    expect(await call(t, 'getUserProject', `/api/v1/users/${username}/project/${encodeURIComponent(project)}`, 404)).toEqual(nothing);
    expect(await call(t, 'getUserProject', '/api/v1/users/nobody-here/project/%20', 404)).toEqual({ error: 'User not found' });
    // The name is stripped before the lookup.
    expect(await call(t, 'getUserProject', `/api/v1/users/${demo}/project/%20hackatime%20`, 200)).toMatchObject({ name: 'hackatime' });
  });
});

describeBoth('GET /api/v1/users/{username}/projects/details', (t) => {
  const details = async (user: string, query = '') =>
    (
      (await call(t, 'getUserProjectsDetails', `/api/v1/users/${user}/projects/details${query}`, 200)) as {
        projects: { name: string; total_seconds: number }[];
      }
    ).projects;

  it('rows for every project of the last year but archived ones, by total_seconds descending', async () => {
    const { username, id, project } = await archivedCase(t);
    const rows = named(await rawHeartbeats(t, username));
    const archived = new Set(
      t.world
        .userById(id)!
        .repoMappings.filter((m) => m.archived)
        .map((m) => m.project),
    );
    const expected = [...new Set(rows.map((hb) => hb.project))].filter((p) => !archived.has(p)).map((p) => expectedRow(t, id, p, rows));
    const listed = await details(username);
    expect([...listed].sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    expect(listed.map((r) => r.total_seconds)).toEqual(listed.map((r) => r.total_seconds).sort((a, b) => b - a));
    expect(listed.map((r) => r.name)).not.toContain(project);
    // since/until belong to /projects only.
    expect(await details(username, '?since=2030-01-01&until=2020-01-01')).toEqual(listed);
  });

  it('takes a trimmed comma list of exact names, and the stats window', async () => {
    const demo = await userWithRole(t, 'demo');
    const rows = named(await rawHeartbeats(t, demo.username));
    const both = ['hackatime', 'harbor'].map((p) => expectedRow(t, demo.id, p, rows)).sort((a, b) => b.total_seconds - a.total_seconds);
    for (const list of [' hackatime , harbor ,nope,', 'harbor,hackatime,harbor', ',,harbor,,hackatime']) {
      expect(await details(demo.username, `?projects=${encodeURIComponent(list)}`), list).toEqual(both);
    }
    expect(await details(demo.username, '?projects=nope')).toEqual([]);
    expect(await details(demo.username, '?projects=%20,')).toEqual(await details(demo.username));
    expect(await details(demo.username, '?start=2030-01-01')).toEqual([]);
    const window = rows.filter((hb) => hb.time >= at('2026-08-15T00:00:00Z') && hb.time <= at('2026-08-18T00:00:00Z'));
    expect(await details(demo.username, '?projects=hackatime&start_date=2026-08-15&end=2026-08-18')).toEqual([
      expectedRow(t, demo.id, 'hackatime', window),
    ]);
  });
});
