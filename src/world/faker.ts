/**
 * @module
 * Faker with the English locale only. The package's main entry loads every locale (about 30 MB of
 * memory and a noticeable start-up cost) that the world never uses. Even the English locale is 3 MB
 * of heap: the world reads faker's names and words from `fixtures/world/faker-words.json`
 * (written from here by `tools/faker-words.ts`), and only generated bodies load this module.
 */
import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

type FakerClass = new (options: { locale: Faker['rawDefinitions'] }) => Faker;

/** A fresh, independent English Faker (seed it before use). */
export function englishFaker(): Faker {
  return new (english.constructor as FakerClass)({ locale: english.rawDefinitions });
}

/**
 * Faker's English first and last names, for drawing people straight from the world's own streams.
 * @example
 * personNames().first.includes('Ada'); // true
 */
function personNames(faker: Faker = english): { first: readonly string[]; last: readonly string[] } {
  const person = faker.rawDefinitions.person;
  const names = person?.first_name;
  const first = [...new Set([...(names?.generic ?? []), ...(names?.female ?? []), ...(names?.male ?? [])])];
  const last = person?.last_name?.generic ?? [];
  if (first.length === 0 || last.length === 0) throw new Error('faker has no English names');
  return { first, last };
}

/**
 * Faker's hacker nouns and verbs, the words of its `git.branch`.
 * @example
 * branchWords().nouns.includes('driver'); // true
 */
export function branchWords(faker: Faker = english): { nouns: readonly string[]; verbs: readonly string[] } {
  const hacker = faker.rawDefinitions.hacker;
  const nouns = hacker?.noun ?? [];
  const verbs = hacker?.verb ?? [];
  if (nouns.length === 0 || verbs.length === 0) throw new Error('faker has no hacker words');
  return { nouns, verbs };
}

/**
 * What `fixtures/world/faker-words.json` holds: faker's English names and hacker words.
 * @example
 * fakerWords().first.length > 1000; // true
 */
export function fakerWords(faker: Faker = english): {
  first: readonly string[];
  last: readonly string[];
  nouns: readonly string[];
  verbs: readonly string[];
} {
  return { ...personNames(faker), ...branchWords(faker) };
}
