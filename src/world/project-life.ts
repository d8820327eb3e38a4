/**
 * @module
 * A seeded user's year: which projects it works on (and how they map to repositories), when each
 * project lives (the main one all year, the others start and end, so languages shift with them)
 * and when the user takes holidays.
 */
import type { ProjectFixture, WorldFixtures } from './fixtures.js';
import type { Random, Weighted } from './random.js';
import type { RepoMapping } from './types.js';

const DAY = 86_400_000;

/** Two or three holidays of 4 to 10 days in the last year. */
export function holidayBreaks(now: number, rng: Random): { from: number; to: number }[] {
  const today = Math.floor(now / DAY);
  const breaks: { from: number; to: number }[] = [];
  for (let k = rng.int(2, 3); k > 0; k--) {
    const from = today - rng.int(20, 365);
    breaks.push({ from, to: from + rng.int(4, 10) });
  }
  return breaks;
}

/**
 * The main project lives all year; the others start and end within it (language shifts follow).
 * Sets the life on `project` (a project just made for one profile) and returns it.
 */
export function withLife<P extends { activeFrom: number | null; activeTo: number | null }>(
  project: P,
  index: number,
  now: number,
  rng: Random,
): P {
  if (index === 0) return project;
  const start = now - rng.int(30, 400) * DAY;
  const length = rng.int(45, 300) * DAY;
  project.activeFrom = start;
  project.activeTo = rng.chance(0.3) ? null : start + length;
  return project;
}

/**
 * Which projects a seeded user works on and how they map to repositories: the part of the habits
 * the user's row shows (repo mappings, a goal's project), cheap enough to make for every user at
 * start. The rest of the habits ({@link seededProfile}) waits for the user's first read.
 */
export interface ProjectChoice {
  projects: Weighted<ProjectFixture>[];
  repoMappings: RepoMapping[];
}

/** `count` distinct items in draw order, without copying the list (a few of many). */
function fewOf<T>(items: readonly T[], count: number, rng: Random): T[] {
  const picked: number[] = [];
  while (picked.length < Math.min(count, items.length)) {
    const index = rng.int(0, items.length - 1);
    if (!picked.includes(index)) picked.push(index);
  }
  return picked.map((i) => items[i] as T);
}

/** A seeded user's projects, from its own stream. */
export function projectChoice(fixtures: WorldFixtures, githubUsername: string | null, rng: Random): ProjectChoice {
  const chosen = fewOf(fixtures.projects, rng.int(3, 5), rng);
  const archivedIndex = chosen.length > 1 && rng.chance(0.35) ? rng.int(1, chosen.length - 1) : -1;
  const repoMappings: RepoMapping[] = [];
  const projects = chosen.map((project, index) => {
    const repoUrl =
      project.repo === '{github}' ? (githubUsername ? `https://github.com/${githubUsername}/${project.name}` : null) : project.repo;
    const archived = index === archivedIndex;
    if (repoUrl !== null || archived) repoMappings.push({ project: project.name, repoUrl, archived });
    return { value: project, weight: index === 0 ? 6 : archived ? 1 : rng.int(1, 3) };
  });
  return { projects, repoMappings };
}
