/**
 * @module
 * `hackatime-kit/browser`: the mock in a browser (or any runtime with `fetch`'s `Request` and
 * `Response`), as a fetch handler. The same mock as `hackatime-kit`'s `createMockApp`, answer for
 * answer: the one assembly (`src/mock/assemble.ts`), with the fixtures and the spec carried in the
 * bundle instead of read from disk and heartbeats kept in memory. What it does not serve is the Node
 * host's: the docs (`/docs`, `/openapi.json`) and a data file. The package ships it bundled
 * (`dist/bundle/browser.js`, built by `tools/browser-bundle.ts`), with no Node built-in in it.
 */
import { assembleMock, type MockApp, type MockAppOptions, mockConfig } from './mock/assemble.js';

export type { MockApp, MockAppOptions };

/**
 * The mock as a fetch handler, in memory: its state lives as long as the object. The requests'
 * origin is yours to choose; `hackatime-kit/msw` routes a real one here.
 * @example
 * import { createMockApp } from 'hackatime-kit/browser';
 * const app = createMockApp({ seed: 42, now: '2026-08-22T18:30:00Z' });
 * const res = await app.fetch(new Request('https://hackatime.hackclub.com/api/v1/users/demo/stats'));
 */
export function createMockApp(options: MockAppOptions = {}): MockApp {
  const { app } = assembleMock(mockConfig(options));
  return { fetch: async (request) => app.fetch(request) };
}
