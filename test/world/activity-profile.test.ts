import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDay } from '../../src/world/activity.js';
import { type ActivityProfile, type ProfileProject, type Setup, seededProfile } from '../../src/world/activity-profile.js';
import { DayBuilder } from '../../src/world/day-columns.js';
import { UserKeys } from '../../src/world/day-keys.js';
import { calendar, type UserPlan } from '../../src/world/day-plan.js';
import { branchWords } from '../../src/world/faker.js';
import { worldFixtures } from '../../src/world/fixtures.js';
import { projectChoice } from '../../src/world/project-life.js';
import { Random } from '../../src/world/random.js';
import { drawDay, type RunKind, type SkeletonSink, specialsOf } from '../../src/world/skeleton.js';

const NOW = Date.parse('2026-08-22T18:30:00Z');
const fixtures = worldFixtures();
const words = branchWords();

/** A profile's habits as plain data: what the keyed instants are drawn from. */
function habits(profile: ActivityProfile): string {
  const setups = profile.setups.map(({ value, weight }) => ({ index: value.index, editor: value.editor, os: value.os, weight }));
  const projects = profile.projects.map(({ value, weight }) => ({
    weight,
    name: value.name,
    index: value.index,
    activeFrom: value.activeFrom,
    activeTo: value.activeTo,
  }));
  return JSON.stringify({ ...profile, projects, setups });
}

/** A profile's details as plain data: its projects' files and branches, its setups' machines and user agents. */
function details(profile: ActivityProfile): string {
  const setups = profile.setups.map(({ value }) => [value.machine, value.userAgent, value.browserUserAgent, value.ipAddress, value.ja4Id]);
  const projects = profile.projects.map(({ value }) => [value.files.all, value.files.tests, value.branches, value.projectRootCount]);
  return JSON.stringify({ setups, projects });
}

/** A profile stream that notes the labels it is forked by. */
class WatchedRandom extends Random {
  readonly forks: string[] = [];

  override fork(label: string): Random {
    this.forks.push(label);
    return super.fork(label);
  }
}

function profileOf(seed: number, rng: Random = new Random(seed).fork('profile')): ActivityProfile {
  const choice = projectChoice(fixtures, 'octocat', new Random(seed).fork('projects'));
  return seededProfile(fixtures, 'Ada', choice, words, rng, NOW);
}

function planOf(profile: ActivityProfile, days = 60): UserPlan {
  return {
    userId: 5,
    zone: 'Europe/Berlin',
    profile,
    root: new Random(9),
    now: NOW,
    days,
    forcedDays: 0,
    recentWithinHours: null,
    live: null,
    testEntryAt: null,
    aiModel: 'gpt-5',
    aiPlan: null,
  };
}

describe('a profile: habits drawn at once, details when a row first needs them', () => {
  it('is what it was recorded as over 200 seeds, habits and details', () => {
    // Recorded when the details got a stream of their own: a change here changes every generated row.
    const digest = createHash('sha256');
    for (let seed = 1; seed <= 200; seed++) {
      const profile = profileOf(seed);
      digest.update(habits(profile));
      digest.update(details(profile));
    }
    expect(digest.digest('hex')).toBe('7ee39eb91a257ff0b7cf16d8a1fbf30f337a69a0b8ad56f2b23c745049c4a255');
  });

  it('draws the same details and habits whenever the details are first asked for', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const early = profileOf(seed);
      const earlyDetails = details(early);
      const late = profileOf(seed);
      const lateHabits = habits(late);
      expect(details(late), `seed ${seed}`).toBe(earlyDetails);
      expect(lateHabits, `seed ${seed}`).toBe(habits(early));
    }
  });

  it('draws no details for the keyed instants of two months, and draws them for the rows', () => {
    const rng = new WatchedRandom(3);
    const plan = planOf(profileOf(3, rng));
    const cal = calendar(NOW, plan.days, plan.zone);
    const specials = specialsOf(plan, cal);
    const keys = new UserKeys(plan, fixtures);
    for (let i = 0; i < plan.days; i++) keys.draw(cal, specials, i);
    expect(keys.length).toBeGreaterThan(100);
    expect(rng.forks).not.toContain('details');
    const builder = new DayBuilder();
    let rows = 0;
    for (let i = plan.days - 1; rows === 0; i--) rows = generateDay(plan, cal, specials, i, fixtures, builder).length;
    expect(rng.forks).toEqual(['details']);
  });
});

/** Each session run's first instant and the projects its segments picked. */
class SessionProjects implements SkeletonSink {
  readonly sessions: { start: number; projects: ProfileProject[] }[] = [];

  run(_setup: Setup, times: readonly number[], count: number, kind: RunKind): void {
    if (kind === 'session' && count > 0) this.sessions.push({ start: times[0] as number, projects: [] });
  }

  segment(_category: string, _index: number, project: ProfileProject | null): void {
    if (project !== null) this.sessions.at(-1)?.projects.push(project);
  }
}

describe('a session picks among the projects alive when it starts', () => {
  it('over a year of 30 profiles whose projects start and end', () => {
    let sessions = 0;
    let outside = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const plan = planOf(profileOf(seed), 365);
      const cal = calendar(NOW, plan.days, plan.zone);
      const specials = specialsOf(plan, cal);
      const sink = new SessionProjects();
      for (let i = 0; i < plan.days; i++) drawDay(plan, cal, specials, i, fixtures, sink);
      for (const { start, projects } of sink.sessions) {
        sessions++;
        for (const p of projects) {
          expect(p.activeFrom === null || p.activeFrom <= start, `seed ${seed}: ${p.name} before its life`).toBe(true);
          expect(p.activeTo === null || start < p.activeTo, `seed ${seed}: ${p.name} after its life`).toBe(true);
        }
        // Sessions while a project has not started or has ended do happen: the lists differ.
        const all = plan.profile.projects;
        if (all.some(({ value }) => (value.activeFrom ?? start) > start || start >= (value.activeTo ?? start + 1))) outside++;
      }
    }
    expect(sessions).toBeGreaterThan(3000);
    expect(outside).toBeGreaterThan(500);
  });
});
