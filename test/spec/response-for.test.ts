import { describe, expect, it } from 'vitest';
import { type IndexedResponse, responseFor } from '../../src/spec/operations.js';

const response = (status: string): IndexedResponse => ({ status, description: status, headers: {}, content: [] });

describe('responseFor', () => {
  const op = { responses: ['200', '4XX', '404', 'default'].map(response) };

  it('prefers the exact status, then its range, then default', () => {
    expect(responseFor(op, 404)?.status).toBe('404');
    expect(responseFor(op, 418)?.status).toBe('4XX');
    expect(responseFor(op, 503)?.status).toBe('default');
  });

  it('reads ranges case-insensitively and finds nothing without a default', () => {
    expect(responseFor({ responses: [response('2xx')] }, 204)?.status).toBe('2xx');
    expect(responseFor({ responses: [response('200')] }, 500)).toBeUndefined();
  });
});
