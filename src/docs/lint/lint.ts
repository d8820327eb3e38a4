/**
 * @module
 * `hackatime-kit lint`: Spectral with the OAS ruleset and the project's rules over the split spec,
 * plus the layout checks Spectral cannot see (component files nobody references).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { bundleSpec, COMPONENT_KINDS } from '../../spec/bundle.js';
import { SpecError } from '../../spec/errors.js';
import { SourceLocator } from './locate.js';
import { ruleset } from './rules.js';

// The Stoplight packages are CommonJS; their named exports are reached through the default import.
const { Spectral, Document } = spectralCore;
const { Json } = spectralParsers;

type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface LintFinding {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  path: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/** Component files that no `$ref` reaches from the root. */
function unusedComponentFiles(rootFile: string, used: Set<string>): LintFinding[] {
  const dir = join(dirname(rootFile), 'components');
  const findings: LintFinding[] = [];
  for (const kind of COMPONENT_KINDS) {
    const kindDir = join(dir, kind);
    if (!existsSync(kindDir)) continue;
    for (const name of readdirSync(kindDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const file = join(kindDir, name);
      if (used.has(file)) continue;
      findings.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'hackatime-unused-component',
        message: `Component file is never referenced.`,
        path: '',
      });
    }
  }
  return findings;
}

/**
 * Lints the spec whose root is `rootFile`. Findings name files the way `rootFile` was given: absolute
 * when it is absolute, else relative to the working directory.
 * @example
 * const findings = await lintSpec('openapi/hackatime.yaml');
 */
export async function lintSpec(rootFile: string): Promise<LintFinding[]> {
  const root = resolve(rootFile);
  if (!existsSync(root)) throw new SpecError(`${rootFile}: file not found`);
  const findings: LintFinding[] = [];
  const { document, files, origins } = bundleSpec(root, {
    onBadFile: (file, reason) =>
      findings.push({ file, line: 1, column: 1, severity: 'error', rule: 'hackatime-bad-file', message: reason, path: '' }),
  });
  // Spectral lints the bundled document (internal refs only, so every rule sees every part);
  // findings are mapped back to the file and line they were written at.
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(JSON.stringify(document, null, 2), Json, join(dirname(root), 'bundled.json')));
  const locator = new SourceLocator(root, origins);
  for (const r of results) {
    const at = locator.locate(r.path);
    findings.push({
      file: at.file,
      line: at.line,
      column: at.column,
      severity: SEVERITIES[r.severity] ?? 'error',
      rule: String(r.code),
      message: r.message,
      path: r.path.join('.'),
    });
  }
  findings.push(...unusedComponentFiles(root, new Set(files)));
  const named = (file: string) => (isAbsolute(rootFile) ? file : relative(process.cwd(), file));
  return findings
    .map((f) => ({ ...f, file: named(f.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Spectral's text format: `file:line:col severity rule message (path)`, then a summary line. */
export function formatFindings(findings: LintFinding[]): string {
  const lines = findings.map(
    (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${JSON.stringify(f.message)}${f.path ? ` (${f.path})` : ''}`,
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(
    `${findings.length} problems (${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos, ${count('hint')} hints)`,
  );
  return lines.join('\n');
}
