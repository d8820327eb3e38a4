/**
 * @module
 * The home page's HTML (`GET /`): the world at a glance for whoever just ran `npm start` — accounts
 * with their credentials, each user's year as a heatmap, today's leaderboard, the requests the mock
 * answers as they come, links to the reference and the spec. One self-contained document: its style
 * and script are inline and allowed by hash in its Content-Security-Policy, which also keeps the page
 * on its own origin (no CDN, font or image from elsewhere; the leaderboard's Slack avatars are not
 * shown for that reason). The HTML holds no credential: the script reads them from `/__mock/*`, which
 * a shared mock guards with its admin token.
 */
import { createHash } from 'node:crypto';
import { HOME_SCRIPT } from './page-script.js';

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --chip: #f6f8fa;
  --l0: #ebedf0; --l1: #9be9a8; --l2: #40c463; --l3: #30a14e; --l4: #216e39; --bad: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #8d96a0; --line: #30363d; --chip: #161b22;
  --l0: #161b22; --l1: #0e4429; --l2: #006d32; --l3: #26a641; --l4: #39d353; --bad: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: .75rem; }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
nav a { margin-right: 1rem; }
a { color: inherit; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.role { display: inline-block; margin: 0 .25rem .25rem 0; padding: 0 .4rem; border-radius: 1rem; background: var(--chip); border: 1px solid var(--line); font-size: 12px; }
.secret { display: inline-flex; align-items: center; gap: .35rem; margin: 0 .5rem .25rem 0; padding: .1rem .35rem; background: var(--chip); border: 1px solid var(--line); border-radius: 4px; }
.secret .label { color: var(--muted); font-size: 12px; }
code, .path { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
button.copy { font-size: 11px; padding: 0 .35rem; cursor: pointer; }
.columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 1.5rem; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
.heatmap { margin: 0 0 1rem; }
.heatmap figcaption { margin-bottom: .25rem; }
.grid { display: grid; grid-template-rows: repeat(7, 11px); grid-auto-flow: column; grid-auto-columns: 11px; gap: 2px; overflow-x: auto; }
.cell { width: 11px; height: 11px; border-radius: 2px; background: var(--l0); }
.cell[data-level="1"] { background: var(--l1); } .cell[data-level="2"] { background: var(--l2); }
.cell[data-level="3"] { background: var(--l3); } .cell[data-level="4"] { background: var(--l4); }
#requests-box { max-height: 320px; overflow-y: auto; }
tr.failed td { color: var(--bad); }
.method { font-weight: 600; }
#lock { padding: .75rem; border: 1px solid var(--line); border-radius: 6px; background: var(--chip); }
.problem { color: var(--bad); }
input { font: inherit; padding: .2rem .4rem; }
`;

const BODY = `<header>
<h1>hackatime-kit mock</h1>
<span id="world" class="muted"></span>
<nav><a href="/docs">Reference (/docs)</a><a href="/openapi.yaml">openapi.yaml</a><a href="/openapi.json">openapi.json</a><a href="/__mock/credentials">/__mock/credentials</a></nav>
</header>
<form id="lock" hidden>
<p>This mock is shared: its accounts, keys and request log need the admin token printed in its banner
(<code>--admin-token</code>). It stays in this tab and goes to <code>/__mock/*</code> only.</p>
<label>Admin token <input id="admin-token" type="password" autocomplete="off" required></label> <button type="submit">Show</button>
</form>
<div id="problems"></div>
<div class="columns">
<section id="heatmaps"><h2>A year of activity</h2>
<p class="muted">Daily coding time from each user's summaries (<code>/api/hackatime/v1/users/current/summaries</code> with the user's API key).
<select id="heatmap-pick" aria-label="Show another user"></select></p>
<div id="heatmap-list"></div></section>
<section><h2>Today's leaderboard</h2><p id="leaderboard-range" class="muted"></p>
<table id="leaderboard"><thead><tr><th>#</th><th>user</th><th class="num">time</th></tr></thead><tbody></tbody></table></section>
</div>
<section><h2>Requests, live</h2><p class="muted">The last requests the mock answered (<code>/__mock/requests</code>), newest on top; keys and tokens read REDACTED.</p>
<div id="requests-box"><table id="requests"><thead><tr><th>at</th><th></th><th>path</th><th class="num">status</th><th class="num">time</th><th>user</th></tr></thead><tbody></tbody></table></div></section>
<section><h2>Accounts <span id="accounts-count" class="muted"></span></h2>
<p><input id="account-filter" type="search" placeholder="filter by name or role" aria-label="Filter accounts"> <span id="legacy"></span></p>
<table id="accounts"><thead><tr><th>user</th><th>roles</th><th>credentials</th></tr></thead><tbody></tbody></table></section>
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page and the headers it is served with (its Content-Security-Policy allows exactly its own style and script). */
export function homePage(): { html: string; headers: Record<string, string> } {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hackatime-kit mock</title>
<style>${STYLE}</style>
</head>
<body>
${BODY}
<script>${HOME_SCRIPT}</script>
</body>
</html>
`;
  const policy = [
    "default-src 'none'",
    `script-src ${hash(HOME_SCRIPT)}`,
    `style-src ${hash(STYLE)}`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, headers: { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' } };
}
