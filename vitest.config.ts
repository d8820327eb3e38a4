import { defineConfig } from 'vitest/config';

/**
 * System tests: real sockets under load, child processes, Chromium, files on disk. They run after
 * the unit tests, each file in its own process. Everything else is a unit test: in-process
 * (`app.request`), parallel, sharing loaded modules across files.
 */
const SYSTEM = [
  'test/browser/**/*.test.ts',
  'test/package/install.test.ts',
  'test/package/node-bundle.test.ts',
  'test/server/mock-log.test.ts',
  'test/types/types-current.test.ts',
  'test/readme.test.ts',
  'test/contract/cli.test.ts',
  'test/contract/fuzz.test.ts',
  'test/contract/mock.test.ts',
  'test/docs/build.test.ts',
  'test/mock/faults.test.ts',
  'test/mock/heartbeats-session.test.ts',
  'test/mock/hostile.test.ts',
  'test/mock/persistence.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines CI runs on.
    // The tests wait on I/O (sockets, child processes, Chromium) as much as on the CPU, so two run at once.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: SYSTEM,
          pool: 'threads',
          // The spec, its compiled schemas and the world fixtures load once per worker, not per file.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: SYSTEM,
          pool: 'forks',
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
