/**
 * @module
 * The `Origin` the runner sends to operations that answer cross-origin requests (the spec's
 * `x-cors`), so that the `cors_headers` check can judge the headers a browser depends on: rack-cors
 * (hackclub/hackatime `config/initializers/cors.rb`) adds them only when the request has an Origin.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case } from '../case.js';

/** A fixed origin, recognisably the runner's in a server's logs (`.test` is reserved, RFC 2606). */
const CONTRACT_ORIGIN = 'https://contract.hackatime-kit.test';

/**
 * The case with `Origin: CONTRACT_ORIGIN` when its operation documents CORS headers, else unchanged;
 * an Origin the case already sends (a recorded case) is kept.
 * @example
 * withOrigin(op, kase).headers.Origin // 'https://contract.hackatime-kit.test' under /api
 */
export function withOrigin(op: Pick<IndexedOperation, 'cors'>, kase: Case): Case {
  if (op.cors === undefined || Object.keys(kase.headers).some((name) => name.toLowerCase() === 'origin')) return kase;
  return { ...kase, headers: { ...kase.headers, Origin: CONTRACT_ORIGIN } };
}
