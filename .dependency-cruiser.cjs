/**
 * The rooms of ARCHITECTURE.md and who may import whom, checked by `npm run lint`.
 * A room is a folder of src/; each rule names the rooms a room may NOT reach.
 */
const room = (name) => `^src/${name}/`;
const rooms = ['spec', 'types', 'world', 'mock', 'contract', 'docs', 'home', 'server'];
// src/types is generated from the spec (`npm run types`): the answers' shapes, readable by every room
// that reads the spec.
const allowed = {
  spec: ['spec'],
  types: ['types'],
  world: ['world'],
  mock: ['mock', 'spec', 'types', 'world'],
  contract: ['contract', 'spec', 'types', 'world'],
  docs: ['docs', 'spec', 'types', 'world'],
  // The home page is a client of the mock's HTTP API: it needs none of the rooms' code.
  home: ['home'],
  server: ['server', 'mock', 'docs', 'home', 'spec', 'types', 'world'],
};

// The contract runner's pipeline (ARCHITECTURE.md, "The contract runner"): a stage imports the
// room's shared types and the stages before it, never a later stage nor the runner that drives them.
const stages = ['plan', 'send', 'judge', 'report'];
const DRIVERS = '^src/contract/(runner|command|fuzz-driver|cross-driver|options)\\.ts$';

module.exports = {
  forbidden: [
    ...stages.map((stage, i) => ({
      name: `contract-${stage}-imports`,
      comment: `src/contract/${stage} may import only earlier stages (${stages.slice(0, i).join(', ') || 'none'}) and the room's shared types`,
      severity: 'error',
      from: { path: `^src/contract/${stage}/` },
      to: { path: [...stages.slice(i + 1).map((later) => `^src/contract/${later}/`), DRIVERS] },
    })),
    ...rooms.map((name) => ({
      name: `${name}-imports`,
      comment: `src/${name} may import only ${allowed[name].map((r) => `src/${r}`).join(', ')} (ARCHITECTURE.md, "Import rules")`,
      severity: 'error',
      from: { path: room(name) },
      to: { path: `^src/(?!(${allowed[name].join('|')})/)`, pathNot: '^src/cli\\.ts$' },
    })),
    {
      name: 'browser-entries-stay-in-the-browser',
      comment:
        'src/browser.ts and src/msw.ts reach neither the Node host (src/server) nor the docs or the runner: only the mock, the spec and the world, whose Node parts sit behind platform.ts (ARCHITECTURE.md, "The browser build")',
      severity: 'error',
      from: { path: '^src/(browser|msw)\\.ts$' },
      to: { path: '^src/(server|docs|contract|cli\\.ts|index\\.ts)', reachable: true },
    },
    {
      name: 'node-built-ins-behind-the-platform-seam',
      comment:
        'The mock and the world also run in the browser build: a Node built-in is imported only by a platform.ts (its platform.browser.ts twin has none), by the data file (Node host only), or by faults.ts for types only (the swc parser does not tell type-only imports apart)',
      severity: 'error',
      from: { path: '^src/(mock|world)/', pathNot: '(^|/)platform\\.ts$|^src/mock/persistence/|^src/mock/faults\\.ts$' },
      to: { dependencyTypes: ['core'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-cli-from-rooms',
      comment: 'src/cli.ts is the one entry; no room imports it',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/cli\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'imports run one way',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-from-tests',
      comment: 'shipped code never imports tests or benchmarks',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no JavaScript API for the cruiser to parse with; swc reads the sources,
    // type-only imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
