/**
 * @module
 * The start-up banner: where the mock is, the fixed demo credentials (public demo values, not
 * secrets; they never change with the seed), and every start-up option that changes how the mock
 * answers (latency, faults, extra OAuth apps, auto-approval, the data file) on its own line, so that
 * nobody debugs a slow or broken answer the mock was asked to give. Nothing is listed for an option
 * left off.
 */
import { loadSeedApps } from '../mock/oauth/apps.js';
import type { MockServerOptions, RunningMock } from './server.js';

/**
 * The banner `hackatime-kit mock` prints once it listens.
 * @example
 * process.stdout.write(banner(mock, { latency: { min: 50, max: 200 } }));
 */
export function banner(mock: RunningMock, faults: MockServerOptions['faults'] = {}): string {
  const { world, url } = mock;
  const demo = world.userByUsername(world.roles.demo);
  const demoKey = demo ? world.apiKeysOf(demo.id)[0]?.token : undefined;
  const adminKey = world.adminKeys.find((k) => k.active)?.token;
  const tokens = (demo ? world.oauthTokensOf(demo.id) : [])
    .filter((t) => t.revokedAt === null)
    .map((t) => `${t.token} (${t.scopes.join(' ')})`);
  const clock = `now ${new Date(mock.clock.now()).toISOString()}`;
  return [
    `hackatime-kit mock listening on ${url}`,
    `  home       ${url}/  (accounts, a year of activity, today's leaderboard, requests live)`,
    `  world      seed ${world.seed}, ${world.userCount} users, ${world.days} days, ${clock}`,
    `  user       ${world.roles.demo}  API key ${demoKey ?? '-'}`,
    `  admin key  ${adminKey ?? '-'}`,
    `  OAuth      ${tokens.join(', ')}`,
    `  accounts   ${url}/__mock/credentials`,
    `  docs       ${url}/docs  (spec: ${url}/openapi.json, ${url}/openapi.yaml)`,
    ...activeOptions(mock, faults),
    '',
  ].join('\n');
}

function activeOptions(mock: RunningMock, { latency, faultRate }: NonNullable<MockServerOptions['faults']>): string[] {
  const lines: string[] = [];
  if (latency) {
    const ms = latency.max > latency.min ? `${latency.min}-${latency.max} ms` : `${latency.min} ms`;
    lines.push(`  latency    ${ms} added to every /api answer (--latency)`);
  }
  if (faultRate) lines.push(`  faults     ${+(faultRate * 100).toFixed(2)}% of /api answers reset, empty or truncated (--faults)`);
  const { oauth } = mock.state;
  const seedIds = new Set(loadSeedApps().map((app) => app.clientId));
  for (const app of oauth.apps.values()) {
    if (seedIds.has(app.clientId)) continue;
    const kind = app.confidential ? `confidential, secret ${app.secret}` : 'public';
    lines.push(`  OAuth app  ${app.name}: client_id ${app.clientId} (${kind}) (--oauth-app)`);
  }
  if (oauth.autoApprove)
    lines.push(`  approval   GET /oauth/authorize approves valid requests as ${mock.world.roles.demo} (--oauth-auto-approve)`);
  if (mock.state.freshness.mode === 'real')
    lines.push('  freshness  summaries kept 1 min, streaks 1 h, leaderboards from cron builds (--freshness real)');
  if (mock.legacyEndpoints) lines.push('  removed    the removed endpoints answer as they last did, not 404 (--legacy-endpoints)');
  if (mock.adminToken) lines.push(`  admin API  /__mock/* needs Authorization: Bearer ${mock.adminToken} (--admin-token)`);
  if (mock.dataFile) lines.push(`  data file  ${mock.dataFile.path}: ${mock.dataFile.accepted} heartbeats loaded (--data-file)`);
  return lines;
}
