/**
 * @module
 * `hackatime-kit mock`: serves the spec from a seeded world until interrupted.
 */

import type { Freshness } from '../mock/freshness.js';
import { checkedOAuthApps, type OAuthAppDraft, OAuthAppError, readOAuthAppOption } from '../mock/oauth/apps.js';
import { DataFileError, describeLoad } from '../mock/persistence/data-file.js';
import { parseCommandArgs } from '../spec/command-args.js';
import { UsageError } from '../spec/errors.js';
import { requireWritable } from '../spec/user-paths.js';
import { parseNow } from '../world/clock.js';
import { MAX_DAYS, MAX_USERS, MIN_USERS } from '../world/generate.js';
import { banner } from './banner.js';
import { formatEntry, type RequestLogger } from './request-log.js';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SEED, type RunningMock, startMock } from './server.js';
import { worldRoomProblem } from './world-room.js';

const HELP = `Usage: hackatime-kit mock [options]

Serves every Hackatime endpoint from one seeded, coherent world.

  -p, --port PORT   port to listen on (default: $PORT or ${DEFAULT_PORT}; 0 picks a free one)
      --host HOST   address to bind (default: ${DEFAULT_HOST})
      --seed N      seed of the generated world (default: ${DEFAULT_SEED})
      --now ISO     fix the clock at this instant (default: the real clock)
      --users N     number of users in the world (default: 12, ${MIN_USERS} to ${MAX_USERS})
      --days N      days of generated history (default: 365, 2 to ${MAX_DAYS})
      --latency MS  add latency to every /api answer: MS or MIN-MAX (default: none)
      --faults RATE break that share (0-1) of /api answers: reset, empty or truncated (default: 0)
      --oauth-app JSON|FILE  register an OAuth app besides the seed apps (repeatable): an object or
                    array of {name, client_id, client_secret, redirect_uris, confidential, scopes, verified}
      --oauth-auto-approve  GET /oauth/authorize approves valid requests at once as the demo user
      --freshness MODE  immediate (default): answers reflect every change at once; real: /api/summary
                    is kept a minute, streaks an hour, leaderboards come from the server's builds
                    (503 "being generated" until the day's first one), against the mock's clock
      --legacy-endpoints  the removed endpoints (ysws_programs, external/slack/oauth) answer as they
                    last did instead of 404, for old clients
      --data-file PATH  keep every accepted heartbeat in this JSON-lines file (fsync before the
                    answer) and load it on start; POST /__mock/reset empties it
      --admin-token T  /__mock/* requires Authorization: Bearer T (default: open on loopback; on any
                    other --host a token is generated and printed)
      --log FORMAT  one line per request on stdout: text or json (default: text)
  -q, --quiet       no request log
  -h, --help        show this help

Per request: Prefer: code=NNN | example=NAME | dynamic=true | delay=MS | fault=reset|empty|truncate
`;

/** `value` of the option (or variable) `source` as an integer in min..max. */
function integer(source: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${source} must be an integer from ${min} to ${max}, not "${value}"`);
  return Number(value);
}

/** Why the mock cannot listen, in one line that says what to change; anything else is a bug, rethrown. */
function listenError(err: unknown, host: string, port: number): unknown {
  const { code, message } = err as NodeJS.ErrnoException;
  if (code === undefined) return err;
  const free = '--port 0 picks a free port';
  switch (code) {
    case 'EADDRINUSE':
      return new UsageError(`port ${port} on ${host} is already in use (another mock?); ${free}`);
    case 'EACCES':
      return new UsageError(`port ${port} on ${host}: permission denied (ports below 1024 need privileges); ${free}`);
    case 'EADDRNOTAVAIL':
      return new UsageError(`--host ${host} is not an address of this machine (127.0.0.1 is this machine only, 0.0.0.0 every interface)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(`--host ${host}: no such host`);
    default:
      return new UsageError(`cannot listen on ${host} port ${port}: ${message.split('\n')[0]}`);
  }
}

/** `--freshness`: `immediate` (default) or `real`. */
function parseFreshness(value: string | undefined): Freshness | undefined {
  if (value === undefined || value === 'immediate' || value === 'real') return value;
  throw new UsageError(`--freshness must be immediate or real, not "${value}"`);
}

function parseLatency(value: string | undefined): { min: number; max: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(value);
  const min = Number(m?.[1]);
  const max = m?.[2] === undefined ? min : Number(m[2]);
  if (!m || max < min) throw new UsageError(`--latency must be MS or MIN-MAX in milliseconds, not "${value}"`);
  return { min, max };
}

/** The request log `--log`/`--quiet` ask for: lines on stdout, or none. */
function requestLogger(format: string | undefined, quiet: boolean): RequestLogger | undefined {
  if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageError(`--log must be text or json, not "${format}"`);
  if (quiet) {
    if (format !== undefined) throw new UsageError('--quiet and --log contradict each other: choose one');
    return undefined;
  }
  const chosen = format ?? 'text';
  return (entry) => process.stdout.write(`${formatEntry(entry, chosen)}\n`);
}

export async function mockCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    users: { type: 'string' },
    days: { type: 'string' },
    latency: { type: 'string' },
    faults: { type: 'string' },
    'oauth-app': { type: 'string', multiple: true },
    'oauth-auto-approve': { type: 'boolean' },
    'legacy-endpoints': { type: 'boolean' },
    freshness: { type: 'string' },
    'data-file': { type: 'string' },
    'admin-token': { type: 'string' },
    log: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let now: number | undefined;
  try {
    now = values.now === undefined ? undefined : parseNow(values.now);
  } catch {
    throw new UsageError(`--now must be an ISO 8601 instant, not "${values.now}"`);
  }
  const port = values.port === undefined ? integer('$PORT', process.env['PORT'], 0, 65535) : integer('--port', values.port, 0, 65535);
  const seed = integer('--seed', values.seed, 0, 2 ** 31 - 1);
  const users = integer('--users', values.users, MIN_USERS, MAX_USERS);
  // The world needs two days at least: yesterday and today.
  const days = integer('--days', values.days, 2, MAX_DAYS);
  const room = users === undefined ? null : worldRoomProblem(users);
  if (room !== null) throw new UsageError(room);
  const latency = parseLatency(values.latency);
  const faultRate = values.faults === undefined ? undefined : Number(values.faults);
  if (faultRate !== undefined && !(faultRate >= 0 && faultRate <= 1))
    throw new UsageError(`--faults must be a number from 0 to 1, not "${values.faults}"`);
  const faults = latency || faultRate ? { ...(latency ? { latency } : {}), ...(faultRate ? { faultRate } : {}) } : undefined;
  let oauthApps: OAuthAppDraft[];
  try {
    oauthApps = checkedOAuthApps((values['oauth-app'] ?? []).flatMap(readOAuthAppOption));
  } catch (err) {
    if (err instanceof OAuthAppError) throw new UsageError(err.message);
    throw err;
  }
  const dataFile = values['data-file'];
  if (dataFile !== undefined) requireWritable('--data-file', dataFile, 'file', { createFolders: false });
  const host = values.host ?? DEFAULT_HOST;
  const log = requestLogger(values.log, values.quiet ?? false);
  const adminToken = values['admin-token'];
  if (adminToken !== undefined && !/^\S{16,}$/.test(adminToken))
    throw new UsageError('--admin-token must be at least 16 characters without spaces');
  const freshness = parseFreshness(values.freshness);
  let mock: RunningMock;
  try {
    mock = await startMock({
      host,
      ...(port === undefined ? {} : { port }),
      ...(seed === undefined ? {} : { seed }),
      ...(now === undefined ? {} : { now }),
      ...(users === undefined ? {} : { users }),
      ...(days === undefined ? {} : { days }),
      ...(faults ? { faults } : {}),
      oauthApps,
      oauthAutoApprove: values['oauth-auto-approve'] ?? false,
      legacyEndpoints: values['legacy-endpoints'] ?? false,
      ...(freshness === undefined ? {} : { freshness }),
      ...(dataFile === undefined ? {} : { dataFile }),
      ...(adminToken === undefined ? {} : { adminToken }),
      // The server's own environment variable, as `POST /api/internal/revoke` reads it there.
      ...(process.env['HKA_REVOCATION_KEY'] ? { revocationKey: process.env['HKA_REVOCATION_KEY'] } : {}),
      ...(log ? { log } : {}),
      onUnexpectedError: (err) =>
        process.stderr.write(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`),
    });
  } catch (err) {
    if (err instanceof DataFileError) throw new UsageError(err.message);
    throw listenError(err, host, port ?? DEFAULT_PORT);
  }
  if (mock.dataFile) for (const line of describeLoad(mock.dataFile)) process.stderr.write(`${line}\n`);
  process.stdout.write(banner(mock, faults));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  return 0;
}
