/**
 * @module
 * `hackatime-kit docs --out DIR [--server URL]`: the reference page as a static site.
 */
import { parseCommandArgs } from '../spec/command-args.js';
import { UsageError } from '../spec/errors.js';
import { pathError, requireWritable } from '../spec/user-paths.js';
import { buildStaticDocs, DEFAULT_TRY_IT_SERVER, type StaticDocsResult } from './build.js';

const HELP = `Usage: hackatime-kit docs --out DIR [--server URL]

Writes the API reference as a static site: index.html, the Swagger UI assets and the
dereferenced spec (openapi.json, openapi.yaml). Works from any static host and from file://.
A running mock serves the same page at /docs.

  --out DIR       folder to write (created if missing)
  --server URL    where "try it" sends requests (default: ${DEFAULT_TRY_IT_SERVER}, a local mock)
  --help          show this help
`;

function parseServer(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--server must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http(s) URL, not "${value}"`);
  return value.replace(/\/+$/, '');
}

export async function docsCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' }, server: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required (where to write the site)');
  const server = parseServer(values.server);
  requireWritable('--out', values.out, 'folder', { createFolders: true });
  let result: StaticDocsResult;
  try {
    result = await buildStaticDocs({ outDir: values.out, ...(server === undefined ? {} : { server }) });
  } catch (err) {
    // What the check above cannot foresee (a full disk, a file of the site's name that is a folder).
    throw pathError(err, '--out', values.out);
  }
  process.stdout.write(
    `wrote ${result.files.length} files to ${result.outDir}\nopen ${result.outDir}/index.html, or serve the folder from any static host\n`,
  );
  return 0;
}
