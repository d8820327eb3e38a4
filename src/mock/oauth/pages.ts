/**
 * @module
 * The HTML the mock's authorization endpoint serves: the consent page, the error page, the
 * auto-submitting `form_post` page and the out-of-band code page. Small and self-contained (inline
 * styles, no scripts but form_post's one line, nothing fetched from elsewhere).
 */
import type { MockReply } from '../handler.js';
import type { ValidAuthorization } from './pre-authorization.js';
import { SCOPE_DESCRIPTIONS } from './scopes.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#17171d;color:#e8e8ee;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
main{width:100%;max-width:30rem;margin:1rem;padding:1.25rem 1.5rem;border:1px solid #33333d;border-radius:12px;background:#1f1f27}
h1{font-size:1.25rem;margin:.25rem 0 1rem;text-align:center}
h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:#9a9aa8;margin:1rem 0 .4rem}
ul{list-style:none;padding:0;margin:0}li{padding:.45rem 0;border-top:1px solid #2c2c35}li b{display:block}
.note{font-size:.8rem;color:#9a9aa8;border:1px dashed #44444f;border-radius:8px;padding:.5rem .7rem}
.warn{border-radius:8px;padding:.6rem .75rem;margin:.6rem 0;font-size:.9rem}
.yellow{background:#3a3420;color:#f1d67a}.red{background:#3d1f24;color:#ff8c99;font-weight:600}
label{display:block;margin:1rem 0 .3rem;font-weight:600}select{width:100%;padding:.45rem;border-radius:8px;background:#15151b;color:inherit;border:1px solid #44444f}
.buttons{display:flex;gap:.75rem;margin-top:1.25rem}button{flex:1;padding:.6rem;border-radius:8px;border:0;font-weight:600;font-size:1rem;cursor:pointer}
#approve{background:#ec3750;color:#fff}#deny{background:#2c2c35;color:#e8e8ee}
code{word-break:break-all;font-size:1.05rem}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

const html = (status: number, body: string): MockReply => ({ status, text: { body, contentType: 'text/html; charset=utf-8' } });

export interface ConsentUser {
  id: number;
  label: string;
}

/** The consent screen: app, scopes, who signs in, Authorize / Deny posting the form back. */
export function consentPage(request: ValidAuthorization, users: readonly ConsentUser[], selectedId: number | undefined): MockReply {
  const { app } = request;
  const hidden: [string, string][] = [
    // The real form carries Rails' CSRF token; the mock has no sessions and checks none.
    ['authenticity_token', 'not-checked-by-the-mock'],
    ['client_id', app.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state ?? ''],
    ['response_type', 'code'],
    ['response_mode', request.responseMode],
    ['scope', request.scope],
    ['code_challenge', request.challenge?.value ?? ''],
    ['code_challenge_method', request.challenge ? request.challenge.method : ''],
  ];
  const scopes = request.scopes.map((s) => `<li><b>${escapeHtml(s)}</b>${escapeHtml(SCOPE_DESCRIPTIONS[s])}</li>`).join('');
  const options = users
    .map((u) => `<option value="${u.id}"${u.id === selectedId ? ' selected' : ''}>${escapeHtml(u.label)}</option>`)
    .join('');
  const body = `
<p class="note">hackatime-kit mock: no sign-in here. Pick the world user who approves; the form needs no CSRF token.</p>
<h1>Authorize ${escapeHtml(app.name)}?</h1>
<p><b>${escapeHtml(app.name)}</b> wants to access your Hackatime account.</p>
${request.scopes.includes('admin') ? '<p class="warn red">You\'re giving access to admin data: this app can use your admin privileges to manage users, trust levels, heartbeats and other internal data.</p>' : ''}
${app.verified ? '' : '<p class="warn yellow">Unverified application: it has not been verified by Hack Club HQ. Only authorize it if you trust the developer.</p>'}
<h2>This application will be able to</h2>
<ul id="scopes">${scopes}</ul>
<form method="post" action="/oauth/authorize">
${hidden.map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`).join('\n')}
<label for="user_id">Sign in as</label>
<select id="user_id" name="user_id">${options}</select>
<div class="buttons"><button type="submit" id="approve">Authorize</button><button type="submit" id="deny" name="_method" value="delete">Deny</button></div>
</form>
<p class="note">You will be sent back to ${escapeHtml(request.redirectUri)}</p>`;
  return html(200, page('Authorization required', body));
}

/** Hackatime's "An error has occurred" page. */
export const errorPage = (description: string, status = 200): MockReply =>
  html(status, page('An error has occurred', `<h1>An error has occurred</h1><p id="error_description">${escapeHtml(description)}</p>`));

/** `response_mode=form_post`: a form that posts the result to the redirect URI at once. */
export function formPostPage(redirectUri: string, params: Record<string, string | undefined>): MockReply {
  const fields = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const body = `<h1>Submit this form</h1><form method="post" action="${escapeHtml(redirectUri)}">${fields}<button type="submit">Continue</button></form><script>document.forms[0].submit()</script>`;
  return html(200, page('Submit this form', body));
}

/** The out-of-band URI: the code is shown for the user to copy (Hackatime's `/oauth/authorize/native`). */
export const codePage = (code: string): MockReply =>
  html(
    200,
    page(
      'Authorization code',
      `<h1>Authorization code</h1><p>Copy this code into the application:</p><p><code id="authorization_code">${escapeHtml(code)}</code></p>`,
    ),
  );
