/**
 * Which 404s (and 400s) of the admin API and `/oauth/introspect` are the errors controller's page —
 * HTML first, so the spec documents `text/html` beside JSON — and which the controller renders as
 * JSON itself. Rails' routes (hackclub/hackatime config/routes.rb:280-333 at 62542c2d) give every
 * segment `[^/.?]+` and a last segment an optional `(.:format)`: a path that does not fit reaches no
 * controller and is rendered by `ErrorsController#render_error` (app/controllers/errors_controller.rb:46-58,
 * `format.html` first: HTML for `*\/*` or no Accept). A path that fits reaches the action, whose
 * `rescue ActiveRecord::RecordNotFound` renders JSON whatever the Accept
 * (admin_api_keys_controller.rb:52-56, trust_level_audit_logs_controller.rb:45-50,
 * deletion_requests_controller.rb:44-48). The contract runner sets no Accept of its own, so its
 * requests carry `fetch`'s `*\/*` and get the HTML page.
 */
import { expect, it } from 'vitest';
import { responseFor } from '../../src/spec/operations.js';
import { LEVEL_KEY } from '../helpers/admin-api.js';
import { ACCEPT_JSON, bearer, describeBoth } from '../helpers/mock.js';
import { spec } from '../helpers/spec.js';

const SUPER = bearer(LEVEL_KEY.ultraadmin);
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The media types an operation documents for a status. */
const documented = (operationId: string, status: number) => {
  const op = spec.byOperationId.get(operationId);
  return (op && responseFor(op, status))?.content.map((c) => c.mediaType) ?? [];
};

/** Unroutable requests: a dot inside a segment (mid-path, or a second or leading one in the last). */
const UNROUTABLE = [
  ['adminGetApiKey', 'GET', '/api/admin/v1/admin_api_keys/.1'],
  ['adminGetApiKey', 'GET', '/api/admin/v1/admin_api_keys/bad.value.twice'],
  ['adminRevokeApiKey', 'DELETE', '/api/admin/v1/admin_api_keys/1.x.y'],
  ['adminGetTrustLevelAuditLog', 'GET', '/api/admin/v1/trust_level_audit_logs/.1'],
  ['adminGetDeletionRequest', 'GET', '/api/admin/v1/deletion_requests/1.x.y'],
  ['adminApproveDeletionRequest', 'POST', '/api/admin/v1/deletion_requests/bad.value/approve'],
  ['adminRejectDeletionRequest', 'POST', '/api/admin/v1/deletion_requests/bad.value/reject'],
  ['getAdminQuantizedVisualization', 'GET', '/api/admin/v1/users/bad.value/visualization/quantized?year=2026&month=8'],
  ['adminDeleteShadowban', 'DELETE', '/api/admin/v1/leaderboard_shadowbans/1.x.y'],
  ['adminUpdatePermission', 'PATCH', '/api/admin/v1/permissions/1.x.y'],
] as const;

describeBoth('admin API: unroutable ids get the error page, routed ones the controller’s JSON', (t) => {
  it('answers an id that does not route with the HTML page for */* and the JSON page for JSON (errors_controller.rb:46-58)', async () => {
    for (const [operationId, method, path] of UNROUTABLE) {
      const page = await t.fetch(path, { method, headers: { ...SUPER, Accept: '*/*' } });
      expect([operationId, page.status, page.headers.get('content-type')]).toEqual([operationId, 404, HTML]);
      expect(await page.text()).toContain('<h1>Page Not Found</h1>');
      const json = await t.fetch(path, { method, headers: { ...SUPER, ...ACCEPT_JSON } });
      expect(await json.json()).toMatchObject({ error: 'Page Not Found', status: 404 });
      expect(documented(operationId, 404), operationId).toEqual(expect.arrayContaining(['application/json', 'text/html']));
    }
  });

  it('routes one dot in the last segment as a format the action ignores; a missing row is its own JSON 404 whatever the Accept', async () => {
    // `resources` routes are `…/:id(.:format)` (routes.rb:298, 300, 305, 308): `1.5` is id 1, format 5.
    const routed = await t.fetch('/api/admin/v1/deletion_requests/1.5', { headers: { ...SUPER, Accept: '*/*' } });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toMatchObject({ id: 1 });
    for (const [path, error] of [
      ['/api/admin/v1/admin_api_keys/bad.value', 'Admin API key not found'], // admin_api_keys_controller.rb:54-55
      ['/api/admin/v1/trust_level_audit_logs/bad.value', 'Audit log not found'], // trust_level_audit_logs_controller.rb:48-49
      ['/api/admin/v1/deletion_requests/bad.value', 'Deletion request not found'], // deletion_requests_controller.rb:46-47
    ] as const) {
      const res = await t.fetch(path, { headers: { ...SUPER, Accept: 'text/html' } });
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, JSON_TYPE]);
      expect(await res.json()).toEqual({ error });
    }
    // Someone else's key or none: the action's 403, not a routing 404 (admin_api_keys_controller.rb:58-63).
    const revoke = await t.fetch('/api/admin/v1/admin_api_keys/bad.value', { method: 'DELETE', headers: bearer(LEVEL_KEY.viewer) });
    expect(revoke.status).toBe(403);
  });

  it('answers a JSON body nested past the parser’s limit on /oauth/introspect with the 400 page, HTML first', async () => {
    // ActionDispatch's ParseError goes to `config.exceptions_app = routes` (config/application.rb:45),
    // `/400` → errors#bad_request (routes.rb:364; errors_controller.rb:8-13, 46-58).
    const body = `${'['.repeat(101)}1${']'.repeat(101)}`;
    const res = await t.fetch('/oauth/introspect', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect([res.status, res.headers.get('content-type')]).toEqual([400, HTML]);
    expect(await res.text()).toContain('<h1>Bad Request</h1>');
    expect(documented('introspectOAuthToken', 400)).toEqual(expect.arrayContaining(['application/json', 'text/html']));
  });
});
