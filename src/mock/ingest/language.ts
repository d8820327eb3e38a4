/**
 * @module
 * `LanguageUtils.fill_missing_language`: a blank or `unknown` language is inferred from the entity's
 * file name, then its extension; an authoritative extension (`.luau`) wins over whatever was posted.
 * The real server knows all of linguist; the mock knows the languages of `fixtures/world/languages.json`.
 */

import { worldFixtures } from '../../world/fixtures.js';
import { isBlank } from '../rails/present/display-names.js';
import { conversionError } from './ingest-error.js';

const AUTHORITATIVE_EXTENSIONS = new Set(['.luau']);

let maps: { byExtension: Map<string, string>; byFilename: Map<string, string> } | undefined;

function lookups() {
  if (!maps) {
    maps = { byExtension: new Map(), byFilename: new Map() };
    // Later languages overwrite earlier ones, as the server builds its hashes.
    for (const language of worldFixtures().languages) {
      for (const ext of language.extensions) maps.byExtension.set(ext.toLowerCase(), language.name);
      for (const name of language.filenames) maps.byFilename.set(name.toLowerCase(), language.name);
    }
  }
  return maps;
}

/** Ruby's `File.basename` on a Unix server: the part after the last `/` (trailing slashes ignored). */
function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Ruby's `File.extname`: from the last dot of the basename, leading dots not counting. */
function extname(path: string): string {
  const base = basename(path);
  const firstName = base.search(/[^.]/);
  const dot = base.lastIndexOf('.');
  return firstName < 0 || dot <= firstName ? '' : base.slice(dot);
}

function blankOrUnknown(raw: unknown): boolean {
  if (raw === null || raw === undefined || raw === false) return true;
  if (typeof raw !== 'string') return false;
  return isBlank(raw) || raw.trim().toLowerCase() === 'unknown';
}

/** `String(entity)` as File.* demands: nil/blank → undefined, another non-string → TypeError. */
function entityPath(entity: unknown): string | undefined {
  if (entity === null || entity === undefined || entity === false) return undefined;
  if (typeof entity !== 'string') throw conversionError(entity, 'String');
  return isBlank(entity) ? undefined : entity;
}

/**
 * The language to store: the authoritative one for the extension, else the posted one, else (when that
 * is blank or `unknown`) the one inferred from the entity — or the posted value when nothing is known.
 * @example
 * fillMissingLanguage('unknown', 'src/app.ts') // 'TypeScript'
 */
export function fillMissingLanguage(raw: unknown, entity: unknown): unknown {
  const path = entityPath(entity);
  if (path === undefined) return raw;
  const { byExtension, byFilename } = lookups();
  const ext = extname(path).toLowerCase();
  if (AUTHORITATIVE_EXTENSIONS.has(ext)) {
    const authoritative = byExtension.get(ext);
    if (authoritative) return authoritative;
  }
  if (!blankOrUnknown(raw)) return raw;
  return byFilename.get(basename(path).toLowerCase()) ?? (ext === '' ? undefined : byExtension.get(ext)) ?? raw;
}
