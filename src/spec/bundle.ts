/**
 * @module
 * Bundles the split spec (root + `paths/*.yaml` + `components/<kind>/<Name>.yaml`) into one document.
 * A reference to a component file becomes `#/components/<kind>/<Name>`; any other file is inlined.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { SpecError } from './errors.js';

export const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'headers', 'examples', 'requestBodies'] as const;
type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface BundleResult {
  document: Record<string, unknown>;
  /** Every file read, absolute paths, the root first. */
  files: string[];
  /**
   * Where each part of the bundled document was written: a path prefix into the document (e.g.
   * `['paths', '/api/v1/stats']`, `['components', 'schemas', 'Error']`) and the file it came from.
   * Anything under no prefix comes from the root file.
   */
  origins: { prefix: string[]; file: string }[];
}

type Json = unknown;

// The YAML parser is loaded only when a spec is read from its sources (not from the bundle cache).
const require = createRequire(import.meta.url);
const parse = (text: string): Json => (require('yaml') as typeof import('yaml')).parse(text) as Json;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface BundleOptions {
  /** Called for a file that cannot be read or parsed, which then bundles as `{}`; without it, such a file throws. */
  onBadFile?: (file: string, reason: string) => void;
}

export function bundleSpec(rootFile: string, options: BundleOptions = {}): BundleResult {
  const root = resolve(rootFile);
  const specDir = dirname(root);
  const cache = new Map<string, Json>();
  const components: Partial<Record<ComponentKind, Record<string, Json>>> = {};
  const inProgress = new Set<string>();

  const read = (file: string): Json => {
    const hit = cache.get(file);
    if (hit !== undefined) return hit;
    let value: Json;
    try {
      value = parse(readFileSync(file, 'utf8'));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `invalid YAML: ${(err as Error).message}`;
      if (!options.onBadFile) throw new SpecError(`${relative(process.cwd(), file)}: ${reason}`);
      options.onBadFile(file, reason);
      value = {};
    }
    cache.set(file, value);
    return value;
  };

  const componentOf = (file: string): { kind: ComponentKind; name: string } | undefined => {
    const rel = relative(specDir, file).split(sep);
    if (rel.length !== 3 || rel[0] !== 'components') return undefined;
    const kind = COMPONENT_KINDS.find((k) => k === rel[1]);
    return kind ? { kind, name: basename(file).replace(/\.ya?ml$/, '') } : undefined;
  };

  const hoist = (file: string, kind: ComponentKind, name: string): string => {
    const bucket = (components[kind] ??= {});
    const pointer = `#/components/${kind}/${name}`;
    if (name in bucket || inProgress.has(file)) return pointer;
    inProgress.add(file);
    bucket[name] = walk(read(file), file);
    inProgress.delete(file);
    return pointer;
  };

  const walk = (node: Json, file: string): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, file));
    if (!isObject(node)) return node;
    const ref = node['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      if (ref.includes('#')) throw new SpecError(`${relative(process.cwd(), file)}: $ref "${ref}" must name a whole file`);
      const target = resolve(dirname(file), ref);
      const component = componentOf(target);
      const siblings = Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref'));
      if (component) return { ...(walk(siblings, file) as object), $ref: hoist(target, component.kind, component.name) };
      if (inProgress.has(target)) throw new SpecError(`circular $ref through ${relative(process.cwd(), target)}`);
      inProgress.add(target);
      const inlined = walk(read(target), target);
      inProgress.delete(target);
      return isObject(inlined) ? { ...inlined, ...(walk(siblings, file) as object) } : inlined;
    }
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, file);
    return out;
  };

  const rootDoc = walk(read(root), root);
  const origins: BundleResult['origins'] = [];
  const rootRaw = read(root);
  const rawPaths = isObject(rootRaw) && isObject(rootRaw['paths']) ? rootRaw['paths'] : {};
  for (const [path, item] of Object.entries(rawPaths)) {
    const ref = isObject(item) ? item['$ref'] : undefined;
    if (typeof ref === 'string' && !ref.startsWith('#')) origins.push({ prefix: ['paths', path], file: resolve(specDir, ref) });
  }
  for (const file of cache.keys()) {
    const component = componentOf(file);
    if (component) origins.push({ prefix: ['components', component.kind, component.name], file });
  }
  if (!isObject(rootDoc)) throw new SpecError(`${rootFile}: not an OpenAPI document`);
  const merged: Record<string, Json> = isObject(rootDoc['components']) ? { ...rootDoc['components'] } : {};
  for (const kind of COMPONENT_KINDS) {
    const found = components[kind];
    if (!found) continue;
    const existing = isObject(merged[kind]) ? merged[kind] : {};
    merged[kind] = Object.fromEntries(Object.entries({ ...existing, ...found }).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { document: { ...rootDoc, components: merged }, files: [...cache.keys()], origins };
}
