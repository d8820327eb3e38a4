/**
 * @module
 * The page of `--report html:FILE`: one self-contained HTML file (inline CSS and script, no font,
 * image or request) so it opens from `file://`, from a CI artifact, offline. Every string from the
 * run goes through `esc`: the server under test wrote many of them and may answer `<script>`.
 */
import type { CaseKind } from '../case.js';
import type { RunFinished, RunStarted } from '../events.js';
import { CHECK_NAMES, type Finding } from '../findings.js';
import { curlVariableNames, formatValue, plural } from './format.js';
import { type CheckOutcome, checkOutcome } from './outcome.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const OUTCOME_TITLES: Record<CheckOutcome, string> = {
  passed: 'passed',
  failed: 'failed',
  warning: 'warning',
  skipped: 'skipped',
  'not-applicable': 'not applicable',
};

const SYMBOLS: Record<CheckOutcome, string> = { passed: '✓', failed: '✗', warning: '!', skipped: '–', 'not-applicable': '·' };

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff}
h1{font-size:1.3rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}.totals b{font-size:1.1rem}
.grid{border-collapse:collapse}.grid th,.grid td{border:1px solid #ddd;padding:2px 6px;text-align:center}
.grid thead th{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;white-space:nowrap}
.grid tbody th{text-align:left;font-weight:normal;white-space:nowrap}
[data-outcome=passed]{background:#d8f3dc}[data-outcome=failed]{background:#ffb3b3}
[data-outcome=warning]{background:#ffe8a3}[data-outcome=skipped]{background:#e5e5e5}
[data-outcome=not-applicable]{background:#f7f7f7;color:#999}
.grid a{color:inherit;text-decoration:none;display:block}
.legend span{padding:1px 6px;margin-right:.5rem;border:1px solid #ddd}
details{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
details.sev-error{border-left:4px solid #d00}details.sev-warning{border-left:4px solid #d90}
summary{cursor:pointer}pre{background:#f6f6f6;padding:.5rem;overflow:auto;white-space:pre-wrap}
.del{background:#ffe0e0}.add{background:#dcf5dc}.meta{color:#555}
`;

// Clicking a red cell opens its first finding; nothing else needs a script.
const SCRIPT = `
document.querySelectorAll('.grid a').forEach(function (a) {
  a.addEventListener('click', function () {
    var target = document.getElementById(a.getAttribute('href').slice(1));
    if (target) target.open = true;
  });
});
`;

/** Expected above received, line by line: lines only in one side are marked `-` or `+`. */
function diff(f: Finding): string {
  if (f.expected === undefined && f.received === undefined && f.pointer === undefined) return '';
  const expected = f.expected === undefined ? [] : formatValue(f.expected);
  const received = formatValue(f.received);
  const inExpected = new Set(expected);
  const inReceived = new Set(received);
  const lines = [
    ...expected.map((l) => (inReceived.has(l) ? `<span>  ${esc(l)}</span>` : `<span class="del">- ${esc(l)}</span>`)),
    ...received.map((l) => (inExpected.has(l) ? `<span>  ${esc(l)}</span>` : `<span class="add">+ ${esc(l)}</span>`)),
  ];
  const legend = f.expected === undefined ? 'Received' : 'Expected (-) / received (+)';
  return `<p>${legend}:</p><pre class="diff">${lines.join('\n')}</pre>`;
}

const anchor = (operationId: string, check: string, n: number): string => `f-${operationId}-${check}-${n}`.replace(/[^\w-]/g, '_');

function finding(f: Finding, id: string): string {
  const pointers = f.pointers ?? (f.pointer === undefined ? [] : [f.pointer]);
  const facts = [
    f.status === undefined ? '' : `<li>Status: <code>${f.status}</code></li>`,
    pointers.length === 0
      ? ''
      : `<li>Pointers: ${pointers.map((p) => `<code>${esc(p === '' ? '(the whole body)' : p)}</code>`).join(', ')}</li>`,
    f.header === undefined ? '' : `<li>Header: <code>${esc(f.header)}</code></li>`,
    f.schemaPath === undefined ? '' : `<li>Schema: <code>${esc(f.schemaPath)}</code></li>`,
    f.fuzz === undefined ? '' : `<li>Fuzz: seed ${f.fuzz.seed}, ${f.fuzz.group} request ${f.fuzz.request}</li>`,
  ].join('');
  return [
    `<details id="${id}" class="finding sev-${f.severity}" data-check="${esc(f.check)}">`,
    `<summary>${f.severity === 'error' ? '✗' : '!'} <b>${esc(f.operationId)}</b> · ${esc(f.check)}: ${esc(f.title)}</summary>`,
    `<p class="message">${esc(f.message)}</p>`,
    facts === '' ? '' : `<ul>${facts}</ul>`,
    diff(f),
    `<p>Reproduce:</p><pre class="curl">${esc(f.curl)}</pre>`,
    '</details>',
  ].join('\n');
}

function grid(e: RunFinished, kinds: ReadonlyMap<string, ReadonlySet<CaseKind>>): string {
  const head = `<thead><tr><th></th>${CHECK_NAMES.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`;
  const rows = e.operations.map((r) => {
    const id = r.operation.operationId;
    const cells = CHECK_NAMES.map((check) => {
      const { outcome, reason } = checkOutcome(r, check, kinds.get(id) ?? new Set());
      const n = r.findings.filter((f) => f.check === check).length;
      // Passed cells, most of the grid, carry no title: the page stays small for a large spec.
      const why = `${OUTCOME_TITLES[outcome]}${reason ? ` (${reason})` : ''}${n > 0 ? `, ${plural(n, 'finding')}` : ''}`;
      const title = outcome === 'passed' ? '' : ` title="${esc(why)}"`;
      const content = n > 0 ? `<a href="#${anchor(id, check, 0)}">${SYMBOLS[outcome]}</a>` : SYMBOLS[outcome];
      return `<td data-outcome="${outcome}" data-check="${check}"${title}>${content}</td>`;
    });
    const label = `${r.operation.method.toUpperCase()} ${r.operation.path}`;
    return `<tr data-operation="${esc(id)}"><th scope="row" title="${esc(label)}">${esc(id)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="grid">${head}<tbody>${rows.join('\n')}</tbody></table>`;
}

function totals(e: RunFinished, started: RunStarted | undefined): string {
  const s = e.summary;
  const slowest = [...e.operations].sort((a, b) => b.durationMs - a.durationMs)[0];
  const items = [
    `<span><b>${s.findings.errors}</b> ${s.findings.errors === 1 ? 'error' : 'errors'}</span>`,
    `<span><b>${s.findings.warnings}</b> ${s.findings.warnings === 1 ? 'warning' : 'warnings'}</span>`,
    `<span>operations: ${s.operations.passed} passed, ${s.operations.failed} failed, ${s.operations.skipped} skipped</span>`,
    `<span>cases: ${s.cases.run} run, ${s.cases.skipped} skipped</span>`,
    `<span>time: <b>${(s.durationMs / 1000).toFixed(2)} s</b>${started ? ` at concurrency ${started.concurrency}` : ''}</span>`,
    slowest ? `<span>slowest: ${esc(slowest.operation.operationId)} ${(slowest.durationMs / 1000).toFixed(2)} s</span>` : '',
  ];
  return `<div class="totals">${items.join('')}</div>`;
}

/** The credentials' variables the curl lines read, named once so a person can set them. */
function variables(findings: readonly Finding[]): string {
  const names = curlVariableNames(findings);
  if (names.length === 0) return '';
  return `<p>The curl lines read the run's credentials from ${names.map((n) => `<code>$${n}</code>`).join(', ')}: set them before running one.</p>`;
}

/**
 * The whole page for a finished run.
 *
 * @example
 * const html = htmlPage(runFinished, runStarted, kinds); // then written to the `--report html:` file
 */
export function htmlPage(e: RunFinished, started: RunStarted | undefined, kinds: ReadonlyMap<string, ReadonlySet<CaseKind>>): string {
  const meta = [`against <code>${esc(e.baseUrl)}</code>`, `seed ${e.seed}`, started ? esc(started.target) : ''].filter(Boolean).join(' · ');
  const legend = (Object.keys(OUTCOME_TITLES) as CheckOutcome[])
    .map((o) => `<span data-outcome="${o}">${SYMBOLS[o]} ${OUTCOME_TITLES[o]}</span>`)
    .join('');
  const findings = e.operations.flatMap((r) =>
    CHECK_NAMES.flatMap((check) =>
      r.findings.filter((f) => f.check === check).map((f, n) => finding(f, anchor(r.operation.operationId, check, n))),
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hackatime-kit contract: ${plural(e.summary.findings.errors, 'error')}</title>
<style>${STYLE}</style></head><body>
<h1>hackatime-kit contract</h1>
<p class="meta">${meta}</p>
${totals(e, started)}
<h2>Operations × checks</h2>
<p class="legend">${legend}</p>
${grid(e, kinds)}
<h2>Findings (${findings.length})</h2>
${variables(e.findings)}
${findings.length === 0 ? '<p>None.</p>' : findings.join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
