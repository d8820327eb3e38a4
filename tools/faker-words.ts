/**
 * Writes `fixtures/world/faker-words.json`: faker's English first and last names and hacker nouns
 * and verbs (`fakerWords`, src/world/faker.ts), which the world draws people and branch names from.
 * The world reads them from that file, so the mock starts without loading faker's English locale;
 * `test/world/faker-words.test.ts` holds the file to the installed faker.
 *
 * Run after upgrading faker: `npx tsx tools/faker-words.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fakerWords } from '../src/world/faker.js';

writeFileSync(new URL('../fixtures/world/faker-words.json', import.meta.url), `${JSON.stringify(fakerWords(), null, 2)}\n`);
