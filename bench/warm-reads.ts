/**
 * The first reads of world-sizes.ts in a process whose code is already warm: a mock of seed 1
 * answers them all first, then a mock of seed 2 is timed on the same reads. No request has touched
 * the second mock's users, so every read still generates and computes its data; only the JIT's
 * warm-up of a fresh process is left out. Prints `[label, ms][]` as JSON.
 *
 * Run by world-sizes.ts: `node --import tsx bench/warm-reads.ts NOW '{"users":1000,"days":365}' true`.
 */
import { firstReads, timed } from './world-sizes.js';

type Kit = typeof import('../src/index.js');

const [now, optionsJson, leaderboard] = process.argv.slice(2);
if (now === undefined || optionsJson === undefined) {
  process.stderr.write('usage: warm-reads.ts NOW OPTIONS_JSON [true|false]\n');
  process.exit(2);
}
// The built kit, as the command runs it (not the sources through tsx).
const { createMockApp } = (await import(new URL('../dist/index.js', import.meta.url).href)) as Kit;
const options = JSON.parse(optionsJson) as { users?: number; days?: number };
const reads = firstReads(now, leaderboard === 'true');

/** One read of `app`, timed. */
const read = (app: ReturnType<Kit['createMockApp']>, path: string, headers: Record<string, string>) =>
  timed((request) => app.fetch(request), `http://mock${path}`, headers);

const warmUp = createMockApp({ seed: 1, now, ...options });
for (const [, path, headers] of reads) await read(warmUp, path, headers);
const measured = createMockApp({ seed: 2, now, ...options });
// Its first answer, as the cold process's start-up ends with one.
await read(measured, '/api/v1/users/demo/trust_factor', {});
const timings: [string, number][] = [];
for (const [label, path, headers] of reads) timings.push([label, await read(measured, path, headers)]);
process.stdout.write(`${JSON.stringify(timings)}\n`);
