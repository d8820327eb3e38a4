/**
 * @module
 * Reads a request body within the size limit and parses it by content type, answering the real
 * server's error page for a malformed JSON body and a clear 413 for an oversized one.
 */
import { isJsonMediaType, mediaTypeOf } from '../spec/media-type.js';
import { utf8Text } from './bytes.js';
import { fromTemplate, MALFORMED_BODY_PAGE, PAYLOAD_TOO_LARGE_PAGE } from './errors.js';

/** Reads at most `limit` bytes; more is a 413 without reading the rest. */
async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw fromTemplate(PAYLOAD_TOO_LARGE_PAGE);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw fromTemplate(PAYLOAD_TOO_LARGE_PAGE);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return utf8Text(bytes);
}

/** Ruby's `JSON.parse` (what Rails decodes JSON parameters with) refuses deeper nesting. */
export const MAX_JSON_NESTING = 100;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, counted without parsing (and so
 * without recursion): a body of 100 000 `[` must not reach code that walks the parsed value.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * The parsed body: JSON for a JSON content type, fields for a form, else the text; `undefined` when
 * there is none. JSON nested deeper than Rails accepts gets the same 400 error page as malformed
 * JSON (`JSON::NestingError` is a parse error to Rails).
 */
export async function readBody(request: Request, limit: number): Promise<unknown> {
  const text = await readText(request, limit);
  if (text === '') return undefined;
  const type = mediaTypeOf(request.headers.get('content-type'));
  if (isJsonMediaType(type)) {
    if (nestsDeeperThan(text, MAX_JSON_NESTING)) throw fromTemplate(MALFORMED_BODY_PAGE);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw fromTemplate(MALFORMED_BODY_PAGE);
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  return text;
}
