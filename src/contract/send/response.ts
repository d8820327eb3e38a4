/**
 * @module
 * An answer read once for every check: which documented response its status matches, which
 * documented media type its Content-Type matches, and its body parsed.
 */
import { isJsonMediaType, mediaTypeOf } from '../../spec/media-type.js';
import { type IndexedMedia, type IndexedOperation, type IndexedResponse, responseFor } from '../../spec/operations.js';
import type { RawResponse } from './send.js';

type ParsedBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid-json'; error: string }
  | { kind: 'text'; text: string };

export interface InspectedResponse extends RawResponse {
  /** The operation the answer is read against. */
  operation: IndexedOperation;
  /** The Content-Type's media type, lower case, without parameters. */
  mediaType: string | undefined;
  /** The spec's response for this status (exact, then `4XX`-style, then `default`). */
  documented: IndexedResponse | undefined;
  /** The documented media type the Content-Type matches. */
  media: IndexedMedia | undefined;
  body: ParsedBody;
}

/** `application/json` matches itself, `application/*` and `*\/*`. */
function mediaMatches(documented: string, actual: string): boolean {
  const [type, subtype] = documented.toLowerCase().split(';')[0]!.trim().split('/');
  const [aType, aSubtype] = actual.split('/');
  return (type === '*' || type === aType) && (subtype === '*' || subtype === aSubtype);
}

function parseBody(text: string, mediaType: string | undefined): ParsedBody {
  if (text.length === 0) return { kind: 'empty' };
  if (mediaType === undefined || !isJsonMediaType(mediaType)) return { kind: 'text', text };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (err) {
    return { kind: 'invalid-json', error: (err as Error).message };
  }
}

export function inspect(op: IndexedOperation, raw: RawResponse): InspectedResponse {
  const contentType = raw.headers.get('content-type');
  const mediaType = contentType ? mediaTypeOf(contentType) : undefined;
  const documented = responseFor(op, raw.status);
  const media = mediaType === undefined ? undefined : documented?.content.find((m) => mediaMatches(m.mediaType, mediaType));
  return { ...raw, operation: op, mediaType, documented, media, body: parseBody(raw.text, mediaType) };
}

const EXCERPT = 500;

/** The body as a finding shows it: the parsed JSON, or the text cut to a readable length. */
export function receivedBody(res: InspectedResponse): unknown {
  if (res.body.kind === 'json') return res.body.value;
  if (res.body.kind === 'empty') return '';
  return res.text.length > EXCERPT ? `${res.text.slice(0, EXCERPT)}… (${res.text.length} bytes)` : res.text;
}
