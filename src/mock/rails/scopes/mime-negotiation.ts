/**
 * @module
 * Which branch of the errors controller's `respond_to` answers: `format.html` first, then
 * `format.json`, then `format.any` (JSON too) — hackclub/hackatime
 * `app/controllers/errors_controller.rb:46-58` at 62542c2d. The request's formats are Rails'
 * (`ActionDispatch::Http::MimeNegotiation#formats`, read in the framework):
 *   1. the route's `:format`, when the route matched and the parameters could be read (not for a
 *      body that failed to parse);
 *   2. else the Accept header, unless it is absent or "browser-like" (`*\/*` listed beside other
 *      types, as browsers and axios send it) — an XHR (`X-Requested-With: XMLHttpRequest`) uses it
 *      anyway;
 *   3. else the path's extension (`/nope.json`);
 *   4. else JavaScript for an XHR, HTML otherwise.
 * `respond_to` then takes the first of those formats it has a block for, `*\/*` meaning the first
 * block (HTML); none of them → `format.any`, the JSON page.
 */

/** Rails' registered extensions, and whether each is HTML, JSON or another (answered by `format.any`). */
const EXTENSIONS: Record<string, 'html' | 'json' | 'other'> = {
  html: 'html',
  xhtml: 'html',
  json: 'json',
  ...Object.fromEntries(
    'text txt js css ics csv vcf vtt png jpeg jpg gif bmp tiff svg webp mpeg mpg mp3 ogg oga m4a webm mp4 otf ttf woff woff2 xml rss atom yaml yml pdf zip gzip gz md'
      .split(' ')
      .map((ext) => [ext, 'other' as const]),
  ),
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '*/*', 'text/*']);
const JSON_TYPES = new Set(['application/json', 'text/x-json', 'application/jsonrequest', 'application/*']);

/** `BROWSER_LIKE_ACCEPTS` of `MimeNegotiation`: `*\/*` listed with other types. */
const BROWSER_LIKE = /,\s*\*\/\*|\*\/\*\s*,/;

export interface NegotiationInput {
  accept: string | undefined;
  /** `X-Requested-With: XMLHttpRequest`. */
  xhr: boolean;
  /** The request's raw path (no query). */
  path: string;
  /** The matched route's `:format`, when its parameters could be read. */
  routeFormat: string | undefined;
}

/** Accept's media types by quality, highest first, ties in the order sent (Rails' `AcceptList`). */
function byQuality(accept: string): string[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { type, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.type !== '')
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.type);
}

const fromExtension = (kind: 'html' | 'json' | 'other'): 'html' | 'json' => (kind === 'html' ? 'html' : 'json');

/**
 * @example
 * errorPageFormat({ accept: '*\/*', xhr: false, path: '/nope', routeFormat: undefined }); // 'html'
 * errorPageFormat({ accept: 'application/json', xhr: false, path: '/nope', routeFormat: undefined }); // 'json'
 */
export function errorPageFormat(input: NegotiationInput): 'html' | 'json' {
  if (input.routeFormat !== undefined) {
    // An unregistered route format leaves Rails no format at all; the JSON page stands in for it.
    return fromExtension(EXTENSIONS[input.routeFormat.toLowerCase()] ?? 'other');
  }
  const accept = input.accept?.trim() ?? '';
  if ((input.xhr && accept !== '') || (accept !== '' && !BROWSER_LIKE.test(accept))) {
    for (const type of byQuality(accept)) {
      if (HTML_TYPES.has(type)) return 'html';
      if (JSON_TYPES.has(type)) return 'json';
    }
    // Only other types: `format.any` (none Rails knows would leave it no format; JSON stands in).
    return 'json';
  }
  const extension = /\.(\w+)$/.exec(input.path)?.[1]?.toLowerCase();
  const known = extension === undefined ? undefined : EXTENSIONS[extension];
  if (known !== undefined) return fromExtension(known);
  return input.xhr ? 'json' : 'html';
}
