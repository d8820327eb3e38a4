/**
 * @module
 * `/__mock/*`: the mock's own admin API, routed from its own small spec
 * (`openapi/mock-admin/mock-admin.yaml`) exactly like the Hackatime operations.
 */
import type { Hono } from 'hono';
import { loadSpec } from '../../spec/load.js';
import { ADMIN_SPEC_ROOT } from '../../spec/platform.js';
import type { Clock } from '../../world/clock.js';
import { mountOperations } from '../app.js';
import type { MockState } from '../state.js';
import { adminHandlers } from './handlers.js';

/** The root file of the admin API's spec. */
export const ADMIN_SPEC = ADMIN_SPEC_ROOT;

export interface AdminOptions {
  state: MockState;
  clock: Clock;
}

export function mountAdmin(app: Hono, { state, clock }: AdminOptions): void {
  mountOperations(app, { state, clock, spec: loadSpec(ADMIN_SPEC), handlers: adminHandlers });
}
