/**
 * @module
 * A project's files (paths, languages, line counts, dependencies), which only row details need
 * (activity.ts): the leaderboards and the other reads of keyed instants never look at them. They
 * are drawn with the rest of a profile's details (activity-profile.ts), from the details' stream.
 */
import { perFixtures, type WorldFixtures } from './fixtures.js';
import type { Random } from './random.js';

export interface ProfileFile {
  entity: string;
  language: string;
  lines: number;
  dependencies: string[];
}

/** What a project's files are drawn from, besides the stream. */
interface FilesSpec {
  fixtures: WorldFixtures;
  /** The project's root directory; a file's entity is `root/relative path`. */
  root: string;
  /** The project's languages, the main one first. */
  languages: readonly string[];
  /** The main language's files carry these. */
  dependencies: string[];
}

/** A project's files, and the test files of its main language (none when those are special files, like Markdown's). */
export interface ProjectFiles {
  all: ProfileFile[];
  tests: ProfileFile[];
}

const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** Each language's first extension, by name (the first language of a name, as a search finds it). */
const firstExtensions = perFixtures((fixtures) => {
  const extensions = new Map<string, string | undefined>();
  for (const language of fixtures.languages) if (!extensions.has(language.name)) extensions.set(language.name, language.extensions[0]);
  return extensions;
});

/** `language`'s first extension, `fallback` when it has none. */
function extensionOf(fixtures: WorldFixtures, language: string, fallback: string): string {
  return firstExtensions(fixtures).get(language) ?? fallback;
}

/** Whether `entity` is not in `seen` yet (it is afterwards): a project has a few dozen paths at most. */
function isNew(seen: string[], entity: string): boolean {
  if (seen.includes(entity)) return false;
  seen.push(entity);
  return true;
}

/**
 * Draws a project's files from `rng`: a path drawn twice is skipped, and only a new one draws its
 * line count.
 * @example
 * const files = drawFiles({ fixtures, root: '/home/ada/code/x', languages: ['Rust'], dependencies: [] }, rng);
 */
export function drawFiles(spec: FilesSpec, rng: Random): ProjectFiles {
  const { fixtures, root, languages, dependencies } = spec;
  const { directories, baseNames, testDirectories, testSuffix, specialFiles } = fixtures.files;
  const drawn: ProjectFiles = { all: [], tests: [] };
  const seen: string[] = [];
  for (let index = 0; index < languages.length; index++) {
    const language = languages[index] as string;
    const special = specialFiles[language];
    if (special) {
      for (const name of rng.sample(special, rng.int(1, special.length))) {
        const entity = `${root}/${name}`;
        if (!isNew(seen, entity)) continue;
        drawn.all.push({ entity, language, lines: rng.int(12, 900), dependencies: EMPTY });
      }
      continue;
    }
    const extension = extensionOf(fixtures, language, '');
    // The main language gets most files, and only its files carry the project's dependencies.
    const count = index === 0 ? rng.int(5, 9) : rng.int(1, 3);
    const deps = index === 0 && dependencies.length > 0 ? dependencies : EMPTY;
    for (let i = 0; i < count; i++) {
      const entity = `${root}/${directories[rng.index(directories.length)]}/${baseNames[rng.index(baseNames.length)]}${extension}`;
      if (!isNew(seen, entity)) continue;
      drawn.all.push({ entity, language, lines: rng.int(12, 900), dependencies: deps });
    }
  }
  const main = languages[0] ?? 'Text';
  if (!specialFiles[main]) {
    const extension = extensionOf(fixtures, main, '.txt');
    for (let i = rng.int(1, 3); i > 0; i--) {
      const entity = `${root}/${testDirectories[rng.index(testDirectories.length)]}/${baseNames[rng.index(baseNames.length)]}${testSuffix}${extension}`;
      if (!isNew(seen, entity)) continue;
      drawn.tests.push({ entity, language: main, lines: rng.int(20, 400), dependencies: EMPTY });
    }
  }
  return drawn;
}
