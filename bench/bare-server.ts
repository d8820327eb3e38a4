/**
 * The baseline of the throughput benchmark: a bare Hono server on @hono/node-server answering one
 * precomputed body with the same headers the mock sends, so the ratio measures only what the mock
 * adds (routing from the spec, auth, validation, the world's cached view).
 * Usage: tsx bench/bare-server.ts <body-file> (prints the URL when listening)
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8');
const app = new Hono();
app.get(
  '/api/v1/users/:username/stats',
  () =>
    new Response(body, {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
    }),
);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
