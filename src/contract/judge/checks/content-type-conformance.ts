/**
 * @module
 * `content_type_conformance`: the Content-Type is one the spec documents for the status.
 */
import type { InspectedResponse } from '../../send/response.js';
import { type Check, onlyDocumentedStatus } from './check.js';

/**
 * An RFC 6750 challenge (Doorkeeper's 401/403) carries its error in `WWW-Authenticate` and may have
 * no body at all, even where the spec documents a JSON body for the other answers of that status.
 */
const isBodylessChallenge = (res: InspectedResponse): boolean =>
  res.body.kind === 'empty' && res.documented?.headers['www-authenticate'] !== undefined && res.headers.has('www-authenticate');

export const contentTypeConformance: Check = {
  name: 'content_type_conformance',
  summary: 'The Content-Type is documented for the status.',
  run: onlyDocumentedStatus((_ctx, _kase, res) => {
    const documented = res.documented!.content.map((m) => m.mediaType);
    if (documented.length === 0 || res.media) return [];
    if (res.mediaType === undefined) {
      if (isBodylessChallenge(res)) return [];
      const empty = res.body.kind === 'empty';
      return [
        {
          title: empty ? 'Missing body' : 'Missing Content-Type header',
          message: `${empty ? 'An empty body' : 'A body'} without Content-Type; documented for ${res.status}: ${documented.join(', ')}.`,
          key: `${res.status}:none`,
          expected: documented,
          received: null,
        },
      ];
    }
    return [
      {
        title: 'Undocumented Content-Type',
        message: `Received ${res.mediaType} for ${res.status}, which matches no documented media type; documented: ${documented.join(', ')}.`,
        key: `${res.status}:${res.mediaType}`,
        header: 'content-type',
        expected: documented,
        received: res.headers.get('content-type'),
      },
    ];
  }),
};
