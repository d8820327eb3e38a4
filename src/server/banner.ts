/**
 * @module
 * The start-up banner: where the mock is and the fixed demo credentials (public demo values, not
 * secrets; they never change with the seed).
 */
import type { RunningMock } from './server.js';

export function banner(mock: RunningMock): string {
  const { world, url } = mock;
  const demo = world.userByUsername(world.roles.demo);
  const demoKey = demo ? world.apiKeysOf(demo.id)[0]?.token : undefined;
  const adminKey = world.adminKeys.find((k) => k.active)?.token;
  const tokens = world.oauthTokens
    .filter((t) => t.userId === demo?.id && t.revokedAt === null)
    .map((t) => `${t.token} (${t.scopes.join(' ')})`);
  const clock = `now ${new Date(mock.clock.now()).toISOString()}`;
  return [
    `hackatime-kit mock listening on ${url}`,
    `  world      seed ${world.seed}, ${world.users.length} users, ${world.days} days, ${clock}`,
    `  user       ${world.roles.demo}  API key ${demoKey ?? '-'}`,
    `  admin key  ${adminKey ?? '-'}`,
    `  OAuth      ${tokens.join(', ')}`,
    `  accounts   ${url}/__mock/credentials`,
    `  docs       ${url}/docs  (spec: ${url}/openapi.json, ${url}/openapi.yaml)`,
    '',
  ].join('\n');
}
