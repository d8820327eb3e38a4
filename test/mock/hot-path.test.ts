/**
 * The pieces a cached read goes through on every request, each kept cheap by remembering (the raw
 * path, Rails' recognition, Hono's match): what they remember must be what they would work out afresh.
 */
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { railsRouting, rawPathOf } from '../../src/mock/rails-path.js';
import { memoRouter } from '../../src/mock/route-memo.js';
import { spec } from '../helpers/spec.js';

describe('the raw path of a request URL', () => {
  it('stops at the query or the fragment, whichever comes first, and unescapes nothing', () => {
    expect(rawPathOf('http://127.0.0.1:4010/api/v1/users/my%2Esite/stats?range=all#top')).toBe('/api/v1/users/my%2Esite/stats');
    expect(rawPathOf('http://h/a#frag?not-a-query')).toBe('/a');
    expect(rawPathOf('http://h/a?q=1#f')).toBe('/a');
    expect(rawPathOf('http://h/a/b/')).toBe('/a/b/');
    expect(rawPathOf('http://h')).toBe('/');
    expect(rawPathOf('http://h/?x=/y')).toBe('/');
  });
});

describe("Rails' recognition, remembered", () => {
  const routing = railsRouting(spec.operations);
  const get = (path: string) => new Request(`http://h${path}`);

  it('answers for a request other than the last one routed what recognising it afresh gives', () => {
    const first = get('/api/v1/users/demo/stats.json');
    const second = get('/api/v1/users/demo/project/pimlico.dev');
    expect(routing.getPath(first)).toBe('/api/v1/users/demo/stats');
    expect(routing.getPath(second)).toBe('/api/v1/users/demo/project/pimlico');
    expect(routing.recognized(first)?.route.op.operationId).toBe('getUserStats');
    expect(routing.recognized(first)?.format).toBe('json');
    expect(routing.recognized(second)?.route.op.operationId).toBe('getUserProject');
    expect(routing.recognized(second)?.format).toBe('dev');
    expect(routing.recognized(get('/nowhere'))).toBeUndefined();
  });

  it('gives the same answer the second time a method and raw path come, and none for another method', () => {
    const path = '/api/v1/users/my%2Esite/stats';
    expect(routing.recognize(get(path))?.raw).toEqual({ username: 'my%2Esite' });
    expect(routing.recognize(get(path))?.raw).toEqual({ username: 'my%2Esite' });
    expect(routing.recognize(new Request(`http://h${path}`, { method: 'DELETE' }))).toBeUndefined();
  });
});

describe("Hono's match, remembered", () => {
  it('matches as the router it wraps, and sees a route added after a match', () => {
    const inner = new TrieRouter<string>();
    const router = memoRouter(inner);
    router.add('GET', '/users/:id', 'user');
    expect(router.match('GET', '/users/42')).toEqual(inner.match('GET', '/users/42'));
    expect(router.match('GET', '/users/42')).toEqual([[['user', { id: '42' }]]]);
    expect(router.match('POST', '/users/42')).toEqual([[]]);
    router.add('GET', '/users/42', 'the answer');
    expect(router.match('GET', '/users/42')[0].map(([handler]) => handler)).toEqual(['user', 'the answer']);
  });
});
