/**
 * @module
 * A project's files (paths, languages, line counts, dependencies), which only row details need
 * (activity.ts): the leaderboards and the other reads of keyed instants never look at them. They
 * are drawn from the profile's stream between other draws of the profile, so making them later
 * must leave that stream where drawing them would: the profile draws past them with the same
 * code, keeping nothing, and keeps a copy of the stream from where they start, from which they
 * are drawn again, kept this time, when first asked for.
 */
import type { WorldFixtures } from './fixtures.js';
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

interface Drawn {
  files: ProfileFile[];
  testFiles: ProfileFile[];
}

const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** Each language's first extension, made once per fixtures (a memo, the same for every world). */
const extensionMaps = new WeakMap<WorldFixtures, Map<string, string | undefined>>();
function extensionsOf(fixtures: WorldFixtures): Map<string, string | undefined> {
  let map = extensionMaps.get(fixtures);
  if (!map) {
    map = new Map(fixtures.languages.map((l) => [l.name, l.extensions[0]]));
    extensionMaps.set(fixtures, map);
  }
  return map;
}

/**
 * Draws a project's files from `rng`, the same draws whether they are kept or not (`keep` false
 * only moves the stream past them): a path drawn twice is skipped, and only a new one draws its
 * line count.
 */
function drawFiles(spec: FilesSpec, rng: Random, keep: boolean): Drawn {
  const { fixtures, root, languages, dependencies } = spec;
  const extensions = extensionsOf(fixtures);
  const drawn: Drawn = { files: [], testFiles: [] };
  const seen = new Set<string>();
  const add = (relative: string, language: string, deps: string[], list: ProfileFile[], min: number, max: number): void => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const lines = rng.int(min, max);
    if (keep) list.push({ entity: `${root}/${relative}`, language, lines, dependencies: deps });
  };
  languages.forEach((language, index) => {
    const special = fixtures.files.specialFiles[language];
    if (special) {
      for (const name of rng.sample(special, rng.int(1, special.length))) add(name, language, EMPTY, drawn.files, 12, 900);
      return;
    }
    const extension = extensions.get(language) ?? '';
    // The main language gets most files, and only its files carry the project's dependencies.
    const count = index === 0 ? rng.int(5, 9) : rng.int(1, 3);
    const deps = index === 0 && dependencies.length > 0 ? dependencies : EMPTY;
    for (let i = 0; i < count; i++) {
      const dir = rng.pick(fixtures.files.directories);
      const base = rng.pick(fixtures.files.baseNames);
      add(`${dir}/${base}${extension}`, language, deps, drawn.files, 12, 900);
    }
  });
  const main = languages[0] ?? 'Text';
  const mainExtension = extensions.get(main) ?? '.txt';
  if (!fixtures.files.specialFiles[main]) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const dir = rng.pick(fixtures.files.testDirectories);
      const base = rng.pick(fixtures.files.baseNames);
      add(`${dir}/${base}${fixtures.files.testSuffix}${mainExtension}`, main, EMPTY, drawn.testFiles, 20, 400);
    }
  }
  return drawn;
}

/**
 * A project's files, drawn when first asked for.
 * @example
 * const files = ProjectFiles.skip({ fixtures, root, languages: ['Rust'], dependencies: [] }, rng);
 * files.all[0]?.entity; // drawn now, from a copy of rng as it was before skip
 */
export class ProjectFiles {
  private drawn: Drawn | null = null;

  private constructor(
    private readonly spec: FilesSpec,
    private readonly rng: Random,
  ) {}

  /** The files of `spec`, to be drawn from here in `rng`, which is moved past them now. */
  static skip(spec: FilesSpec, rng: Random): ProjectFiles {
    const files = new ProjectFiles(spec, rng.clone());
    drawFiles(spec, rng, false);
    return files;
  }

  private get made(): Drawn {
    this.drawn ??= drawFiles(this.spec, this.rng, true);
    return this.drawn;
  }

  /** The project's files (its test files excepted). */
  get all(): ProfileFile[] {
    return this.made.files;
  }

  /** Test files of the main language (none when its files are special ones, like Markdown's). */
  get tests(): ProfileFile[] {
    return this.made.testFiles;
  }
}
