import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ActivityProfile, seededProfile } from '../../src/world/activity-profile.js';
import { branchWords } from '../../src/world/faker.js';
import { worldFixtures } from '../../src/world/fixtures.js';
import { ProjectFiles } from '../../src/world/profile-files.js';
import { projectChoice } from '../../src/world/project-life.js';
import { Random } from '../../src/world/random.js';

const NOW = Date.parse('2026-08-22T18:30:00Z');
const fixtures = worldFixtures();

/** A profile as plain data, its projects' files drawn and its setups' user agents written. */
function plain(profile: ActivityProfile): string {
  const setups = profile.setups.map(({ value, weight }) => ({
    value: {
      editor: value.editor,
      os: value.os,
      machine: value.machine,
      userAgent: value.userAgent,
      browserUserAgent: value.browserUserAgent,
      browserEditor: value.browserEditor,
      ipAddress: value.ipAddress,
      ja4Id: value.ja4Id,
    },
    weight,
  }));
  const projects = profile.projects.map(({ value, weight }) => ({
    weight,
    name: value.name,
    files: value.files.all,
    testFiles: value.files.tests,
    branches: value.branches,
    projectRootCount: value.projectRootCount,
    activeFrom: value.activeFrom,
    activeTo: value.activeTo,
  }));
  return JSON.stringify({ ...profile, projects, setups });
}

describe('a project’s files, drawn when first asked for', () => {
  it('are the files, and leave the profile’s other draws, as drawing them at once did', () => {
    // Recorded from the profiles of 200 seeds when each project's files were drawn as it was made.
    const words = branchWords();
    const digest = createHash('sha256');
    for (let seed = 1; seed <= 200; seed++) {
      const root = new Random(seed);
      const choice = projectChoice(fixtures, 'octocat', root.fork('projects'));
      digest.update(plain(seededProfile(fixtures, 'Ada', choice, words, root.fork('profile'), NOW)));
    }
    expect(digest.digest('hex')).toBe('aa2fce660a08975bb6f8bf3551636a427b7bd820013d181e711de50115e713c4');
  });

  it('are the same whenever they are asked for, and move the stream past them as far either way', () => {
    for (const project of fixtures.projects) {
      const spec = { fixtures, root: '/home/ada/code/x', languages: project.languages, dependencies: project.dependencies };
      const early = new Random(7);
      const asked = ProjectFiles.skip(spec, early);
      const atOnce = { all: asked.all, tests: asked.tests, next: early.nextUint32() };
      const late = new Random(7);
      const later = ProjectFiles.skip(spec, late);
      const next = late.nextUint32();
      late.nextUint32();
      expect({ all: later.all, tests: later.tests, next }, project.name).toEqual(atOnce);
      expect(atOnce.all.length).toBeGreaterThan(0);
    }
  });
});

describe('Random.clone', () => {
  it('draws what the original draws from the same point', () => {
    const rng = new Random(3);
    rng.int(0, 10);
    const copy = rng.clone();
    expect([copy.nextUint32(), copy.hex(8)]).toEqual([rng.nextUint32(), rng.hex(8)]);
  });
});
