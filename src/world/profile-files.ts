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

/** A language's first extension, and a number for it: equal extensions, equal numbers. */
interface Extension {
  text: string;
  id: number;
}

/** Each language's first extension by fallback, and each extension's number (filled as asked). */
const extensionMaps = perFixtures(() => ({ byFallback: new Map<string, Map<string, Extension>>(), ids: new Map<string, number>() }));

/** `language`'s first extension, `fallback` when it has none. */
function extensionOf(fixtures: WorldFixtures, language: string, fallback: string): Extension {
  const memo = extensionMaps(fixtures);
  let byLanguage = memo.byFallback.get(fallback);
  if (!byLanguage) {
    byLanguage = new Map();
    memo.byFallback.set(fallback, byLanguage);
  }
  let extension = byLanguage.get(language);
  if (!extension) {
    const text = fixtures.languages.find((l) => l.name === language)?.extensions[0] ?? fallback;
    let id = memo.ids.get(text);
    if (id === undefined) {
      id = memo.ids.size;
      memo.ids.set(text, id);
    }
    extension = { text, id };
    byLanguage.set(language, extension);
  }
  return extension;
}

/**
 * Whether `key` is not in `seen` yet (it is afterwards). Names and number keys are kept apart:
 * a list of one kind is searched much faster than a mixed one.
 */
function isNew<K extends string | number>(seen: K[], key: K): boolean {
  if (seen.includes(key)) return false;
  seen.push(key);
  return true;
}

/**
 * Draws a project's files from `rng`: a path drawn twice is skipped, and only a new one draws its
 * line count. A path is told apart by what it is made of (a special file by its name, another by
 * its directory, base name and extension as one number, test paths negative), not by its text.
 * @example
 * const files = drawFiles({ fixtures, root: '/home/ada/code/x', languages: ['Rust'], dependencies: [] }, rng);
 */
export function drawFiles(spec: FilesSpec, rng: Random): ProjectFiles {
  const { fixtures, root, languages, dependencies } = spec;
  const { directories, baseNames, testDirectories, testSuffix, specialFiles } = fixtures.files;
  const drawn: ProjectFiles = { all: [], tests: [] };
  // A project has a few dozen paths at most: lists beat hashing.
  const seenNames: string[] = [];
  const seenKeys: number[] = [];
  for (let index = 0; index < languages.length; index++) {
    const language = languages[index] as string;
    const special = specialFiles[language];
    if (special) {
      for (const name of rng.sample(special, rng.int(1, special.length))) {
        if (!isNew(seenNames, name)) continue;
        const lines = rng.int(12, 900);
        drawn.all.push({ entity: `${root}/${name}`, language, lines, dependencies: EMPTY });
      }
      continue;
    }
    const extension = extensionOf(fixtures, language, '');
    // The main language gets most files, and only its files carry the project's dependencies.
    const count = index === 0 ? rng.int(5, 9) : rng.int(1, 3);
    const deps = index === 0 && dependencies.length > 0 ? dependencies : EMPTY;
    for (let i = 0; i < count; i++) {
      const dir = rng.index(directories.length);
      const base = rng.index(baseNames.length);
      if (!isNew(seenKeys, (extension.id * directories.length + dir) * baseNames.length + base + 1)) continue;
      const lines = rng.int(12, 900);
      drawn.all.push({
        entity: `${root}/${directories[dir]}/${baseNames[base]}${extension.text}`,
        language,
        lines,
        dependencies: deps,
      });
    }
  }
  const main = languages[0] ?? 'Text';
  if (!specialFiles[main]) {
    const extension = extensionOf(fixtures, main, '.txt');
    for (let i = rng.int(1, 3); i > 0; i--) {
      const dir = rng.index(testDirectories.length);
      const base = rng.index(baseNames.length);
      if (!isNew(seenKeys, -((extension.id * testDirectories.length + dir) * baseNames.length + base + 1))) continue;
      const lines = rng.int(20, 400);
      const entity = `${root}/${testDirectories[dir]}/${baseNames[base]}${testSuffix}${extension.text}`;
      drawn.tests.push({ entity, language: main, lines, dependencies: EMPTY });
    }
  }
  return drawn;
}
