/**
 * The world draws people and branch names from `fixtures/world/faker-words.json` rather than from
 * faker at start-up: the file must be faker's English names and hacker words, as installed
 * (regenerate it with `npx tsx tools/faker-words.ts` after upgrading faker).
 */
import { describe, expect, it } from 'vitest';
import { fakerWords } from '../../src/world/faker.js';
import { worldFixtures } from '../../src/world/fixtures.js';

describe('fixtures/world/faker-words.json', () => {
  it('is faker’s English names and hacker words, in faker’s order', () => {
    const words = worldFixtures().words;
    expect(words).toEqual(fakerWords());
    expect(words.first.length).toBeGreaterThan(1000);
    expect(words.nouns.length).toBeGreaterThan(10);
  });
});
