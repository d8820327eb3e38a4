import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, visit } from 'yaml';
import { docsAssets } from '../../src/docs/assets.js';
import { hasRef } from '../../src/docs/dereference.js';
import { PREFILL_SCHEMES } from '../../src/docs/page.js';
import { PAGE_SCRIPT } from '../../src/docs/page-script.js';
import { MOCK_SERVER_DESCRIPTION } from '../../src/docs/routes.js';
import { banner } from '../../src/server/banner.js';
import { createMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { ADMIN_KEY, DEMO_KEY, describeBoth, NOW, READ_TOKEN, SEED } from '../helpers/mock.js';

const spec = loadSpec();
const operationCount = (doc: { paths?: Record<string, Record<string, unknown>> }) =>
  Object.values(doc.paths ?? {}).reduce(
    (n, item) =>
      n + Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(k)).length,
    0,
  );

/** Every `src`/`href` of the page. */
const linksOf = (html: string): string[] => [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');

describeBoth('the documentation routes', (t) => {
  it('serves the spec as JSON with every $ref resolved and this mock as the first server', async () => {
    const res = await t.fetch('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await res.json()) as {
      servers: { url: string; description: string }[];
      paths: Record<string, Record<string, unknown>>;
      components: Record<string, unknown>;
    };
    expect(hasRef(doc)).toBe(false);
    expect(operationCount(doc)).toBe(spec.operations.length);
    expect(Object.keys(doc.components)).toEqual(expect.arrayContaining(['schemas', 'securitySchemes']));
    expect(doc.servers[0]?.description).toBe(MOCK_SERVER_DESCRIPTION);
    expect(doc.servers[0]?.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1:\d+)$/);
    expect(doc.servers.map((s) => s.url)).toContain('https://hackatime.hackclub.com');
  });

  it('serves the same document as YAML', async () => {
    const [json, yaml] = await Promise.all([t.fetch('/openapi.json'), t.fetch('/openapi.yaml')]);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    const text = await yaml.text();
    let aliases = 0;
    visit(parseDocument(text), { Alias: () => void aliases++ });
    expect(aliases, 'no YAML aliases: readers and simple parsers see plain values').toBe(0);
    expect(parse(text)).toEqual(await json.json());
  });

  it('serves the reference page without credentials, and every asset it names', async () => {
    for (const path of ['/docs', '/docs/']) {
      const res = await t.fetch(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain('<title>Hackatime API reference</title>');
      for (const link of linksOf(html)) {
        expect(link, 'only this host').toMatch(/^\//);
        const asset = await t.fetch(link);
        expect(asset.status, link).toBe(200);
        await asset.arrayBuffer();
      }
    }
  });

  it('gives assets their content type and a cache lifetime, and answers a matching ETag with 304', async () => {
    const types: Record<string, string> = {
      '/docs/swagger-ui.css': 'text/css; charset=utf-8',
      '/docs/swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
      '/docs/docs.js': 'text/javascript; charset=utf-8',
      '/docs/favicon.svg': 'image/svg+xml',
      '/favicon.ico': 'image/x-icon',
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await t.fetch(path);
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=3600');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.arrayBuffer();
      const again = await t.fetch(path, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } });
      expect(again.status, path).toBe(304);
    }
  });

  it('serves a real ICO at /favicon.ico', async () => {
    const ico = Buffer.from(await (await t.fetch('/favicon.ico')).arrayBuffer());
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect(ico.readUInt32LE(14) + 22).toBe(ico.length);
  });

  it('answers an unknown docs asset with the 404 error page', async () => {
    const res = await t.fetch('/docs/nope.js');
    expect(res.status).toBe(404);
  });
});

describe('the served spec follows the address it was asked at', () => {
  it('puts the request origin first, once', async () => {
    const { app } = createMock({ seed: SEED, now: NOW });
    const doc = (await (await app.request('http://mock.test:9999/openapi.json')).json()) as { servers: { url: string }[] };
    expect(doc.servers[0]?.url).toBe('http://mock.test:9999');
    const local = (await (await app.request('http://127.0.0.1:4010/openapi.json')).json()) as { servers: { url: string }[] };
    expect(local.servers.filter((s) => s.url === 'http://127.0.0.1:4010')).toHaveLength(1);
  });
});

describe('the reference page pre-fills the demo credentials', () => {
  it('names only security schemes the spec defines', () => {
    const schemes = Object.keys(spec.document.components?.securitySchemes ?? {});
    expect(schemes).toEqual(expect.arrayContaining(Object.keys(PREFILL_SCHEMES)));
  });

  it('embeds the demo key, the admin key and the read token in the page', async () => {
    const { app } = createMock({ seed: SEED, now: NOW });
    const html = await (await app.request('/docs')).text();
    for (const value of [DEMO_KEY, ADMIN_KEY, READ_TOKEN]) expect(html).toContain(value);
  });

  it('ships a page script that parses and names no other host', () => {
    expect(() => new Script(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).not.toMatch(/https?:\/\//);
  });

  it('ships Swagger UI styles that load nothing from elsewhere', () => {
    const css = docsAssets().get('swagger-ui.css')?.body.toString() ?? '';
    expect(css).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//);
  });
});

describe('the banner', () => {
  it('names the reference page', async () => {
    const mock = await startMock({ port: 0, seed: SEED, now: NOW });
    try {
      expect(banner(mock)).toContain(`${mock.url}/docs`);
    } finally {
      await mock.close();
    }
  });
});
