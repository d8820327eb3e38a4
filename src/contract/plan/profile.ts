/**
 * @module
 * Where the real server's documented quirks are the contract and where they are not. Under
 * `hackatime` (the default) a case that expects a documented crash (a negative `limit` → 500, an
 * unparseable `start_time` → 500) requires it: the runner checks a server against Hackatime as it
 * is. Under `compatible`, for a team building a Hackatime-compatible server, such a quirk is not
 * required: the case also accepts every documented answer of the operation that is not a 5xx (the
 * crash itself stays allowed, as the real server does it).
 */
import { UsageError } from '../../spec/errors.js';
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case } from '../case.js';

const PROFILES = ['hackatime', 'compatible'] as const;

export type Profile = (typeof PROFILES)[number];

/**
 * `--profile VALUE`, checked.
 * @example
 * parseProfile('compatible') // 'compatible'
 */
export function parseProfile(value: string): Profile {
  const profile = PROFILES.find((p) => p === value);
  if (profile === undefined) throw new UsageError(`--profile must be ${PROFILES.join(' or ')}, not "${value}"`);
  return profile;
}

/** Whether a case expects only a documented crash: a quirk of the real server. */
const expectsOnlyACrash = (kase: Case): boolean => kase.expectedStatuses.length > 0 && kase.expectedStatuses.every((s) => s >= 500);

/**
 * The case as `profile` judges it.
 * @example
 * underProfile(op, negativeLimitCase, 'compatible').expectedStatuses // [500, 200, 403, 404, 422]
 */
export function underProfile(op: IndexedOperation, kase: Case, profile: Profile): Case {
  if (profile === 'hackatime' || !expectsOnlyACrash(kase)) return kase;
  const documented = op.responses.map((r) => Number(r.status)).filter((s) => Number.isInteger(s) && s < 500 && s !== 429);
  return {
    ...kase,
    expectedStatuses: [...kase.expectedStatuses, ...documented.filter((s) => !kase.expectedStatuses.includes(s))],
    title: `${kase.title} (a quirk: not required under --profile compatible)`,
  };
}
