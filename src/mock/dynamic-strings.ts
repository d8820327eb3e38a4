/**
 * @module
 * The realistic leaves of the dynamic mock: strings chosen by property name and format, number ranges
 * chosen by property name, and a tiny generator for the simple regular expressions the spec uses.
 * Everything draws from the caller's seeded Faker, so the results are deterministic.
 */
import type { Faker } from '@faker-js/faker';

/** A fixed "now" (matches the spec's examples) so dates do not drift with the wall clock. */
const BASE_MS = Date.UTC(2026, 7, 22, 14, 0, 0);
const MONTH_S = 30 * 86_400;

const LANGUAGES = ['Ruby', 'TypeScript', 'Python', 'Go', 'Rust', 'JavaScript', 'Svelte', 'C++', 'Kotlin', 'Lua'];
const EDITORS = ['vscode', 'neovim', 'zed', 'intellij', 'sublime', 'emacs', 'cursor'];
const OSES = ['linux', 'darwin', 'windows'];
const CATEGORIES = ['coding', 'debugging', 'browsing', 'writing docs', 'ai coding'];
const AI_MODELS = ['gpt-5', 'claude-sonnet-4', 'gemini-2.5-pro'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment within the month before BASE_MS, whole seconds. */
const recentMs = (f: Faker) => BASE_MS - f.number.int({ min: 0, max: MONTH_S }) * 1000;
const dateTime = (f: Faker) => new Date(recentMs(f)).toISOString().replace(/\.\d{3}Z$/, 'Z');
const date = (f: Faker) => new Date(recentMs(f)).toISOString().slice(0, 10);
const projectName = (f: Faker) =>
  `${f.word.adjective({ length: { min: 3, max: 7 } })}-${f.hacker.noun()}`.toLowerCase().replace(/\s+/g, '-');

/** Both leaderboard notations: the daily board's label and a weekly `Aug 16 - Aug 22, 2026`. */
function weekRange(f: Faker): string[] {
  const end = new Date(recentMs(f));
  const start = new Date(end.getTime() - 6 * 86_400_000);
  const day = (d: Date) => `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${pad(d.getUTCDate())}`;
  return f.helpers.shuffle(['Last 24 hours', `${day(start)} - ${day(end)}, ${end.getUTCFullYear()}`]);
}

/** Duration renderings in the notations the API uses; the caller keeps the first that fits the schema. */
function durations(f: Faker): string[] {
  const h = f.number.int({ min: 0, max: 12 });
  const m = f.number.int({ min: 0, max: 59 });
  const s = f.number.int({ min: 0, max: 59 });
  return [`${h}h ${m}m`, `${h} hrs ${m} mins`, `${pad(h)}:${pad(m)}:${pad(s)}`, (h + m / 60).toFixed(2)];
}

/**
 * Heuristics tried in order against `hint` ("parent.property", as the spec spells them); the first match wins.
 * Order matters: `languages.name` must hit the language rule before the generic name rule.
 */
const BY_NAME: [RegExp, (f: Faker) => string[]][] = [
  [/colou?r/, (f) => [f.color.rgb()]],
  [/email/, (f) => [f.internet.email().toLowerCase()]],
  [/avatar|photo/, (f) => [f.image.avatar()]],
  [/repo_url/, (f) => [`https://github.com/${f.internet.username().toLowerCase()}/${projectName(f)}`]],
  [/url|uri|link/, (f) => [f.internet.url()]],
  [/country/, (f) => [f.location.countryCode()]],
  [/timezone|time_zone/, (f) => [f.location.timeZone()]],
  [/access_token/, (f) => [f.string.alphanumeric(43)]],
  [/token|api_key|uuid|session/, (f) => [f.string.uuid()]],
  // Some `user_id`s are Slack ids, others numeric strings (with a `^[0-9]+$` pattern picking the second).
  [/slack|user_id/, (f) => [`U${f.string.alphanumeric({ length: 10, casing: 'upper' })}`, String(f.number.int({ min: 1, max: 99_999 }))]],
  [/(^|[._])id$/, (f) => [String(f.number.int({ min: 1, max: 99_999 }))]],
  [/date_range/, weekRange],
  [/time_ago/, (f) => [`${f.number.int({ min: 2, max: 59 })} minutes ago`, 'less than a minute ago']],
  [/digital|decimal|(^|[._])text$|human_readable/, durations],
  [/language/, (f) => [f.helpers.arrayElement(LANGUAGES)]],
  [/editor/, (f) => [f.helpers.arrayElement(EDITORS)]],
  [/operating_system/, (f) => [f.helpers.arrayElement(OSES)]],
  [/machine/, (f) => [`${f.person.firstName().toLowerCase()}-laptop`]],
  [/categor/, (f) => [f.helpers.arrayElement(CATEGORIES)]],
  [/ai_model/, (f) => [f.helpers.arrayElement(AI_MODELS)]],
  [/branch/, (f) => [f.git.branch()]],
  [/entity|file|path/, (f) => [f.system.filePath()]],
  [/ip_address/, (f) => [f.internet.ipv4()]],
  [/user_agent/, (f) => [f.internet.userAgent()]],
  [/project|repo|(^|\.)key$/, (f) => [projectName(f)]],
  [/username|login|github/, (f) => [f.internet.username().toLowerCase()]],
  [/display_name|full_name|(^|\.)name$/, (f) => [f.person.fullName()]],
  [/message|error/, (f) => [f.hacker.phrase()]],
];

/** Candidate strings for a property, most realistic first (empty when nothing specific applies). */
export function stringCandidates(f: Faker, hint: string, format: string | undefined): string[] {
  switch (format) {
    case 'date':
      return [date(f)];
    case 'date-time':
      return [dateTime(f)];
    case 'email':
      return [f.internet.email().toLowerCase()];
    case 'uri':
      return [f.internet.url()];
    case 'uuid':
      return [f.string.uuid()];
  }
  const rule = BY_NAME.find(([re]) => re.test(hint));
  return rule ? rule[1](f) : [];
}

/** A plausible [low, high] for a number property, before the schema's own bounds are applied. */
export function numberRange(hint: string): [number, number] {
  const prop = hint.slice(hint.lastIndexOf('.') + 1);
  const epoch = BASE_MS / 1000;
  if (/percent/.test(prop)) return [0, 100];
  if (prop === 'minutes' || prop === 'seconds') return [0, 59];
  if (prop === 'hours') return [0, 12];
  // Numeric times are Unix epoch seconds (`time`, `created_at` of an OAuth token, …).
  if (/^(time|start_time|end_time)$|_at$|epoch/.test(prop)) return [epoch - MONTH_S, epoch];
  if (/seconds|duration|average/.test(prop)) return [0, 40_000];
  if (/tokens|line|length|cursorpos/.test(prop)) return [0, 2_000];
  if (/rank|count|days|streak|day|week|month|holidays/.test(prop)) return [0, 30];
  if (/(^|_)id$/.test(prop)) return [1, 99_999];
  return [0, 1_000];
}

const DIGITS = '0123456789';
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SAFE = `${DIGITS}${LETTERS}_-`;

function escapePool(ch: string): string {
  if (ch === 'd') return DIGITS;
  if (ch === 'w') return `${DIGITS}${LETTERS}_`;
  if (ch === 's') return ' ';
  return ch;
}

/** The characters a `[...]` body allows (drawn from SAFE when negated). */
function classPool(body: string): string {
  const negated = body.startsWith('^');
  const chars = [...(negated ? body.slice(1) : body)];
  let set = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '\\') set += escapePool(chars[++i] ?? '');
    else if (chars[i + 1] === '-' && i + 2 < chars.length) {
      for (let code = c.charCodeAt(0); code <= (chars[i + 2] ?? '').charCodeAt(0); code++) set += String.fromCharCode(code);
      i += 2;
    } else set += c;
  }
  return negated ? [...SAFE].filter((c) => !set.includes(c)).join('') : set;
}

/**
 * A string matching a simple pattern: anchors, literals, escapes, `.`, `[...]` classes and the
 * quantifiers `? * + {n} {n,} {n,m}`. Undefined for anything richer (groups, alternation), so the
 * caller falls back to the schema's examples.
 */
export function fromPattern(pattern: string, f: Faker): string | undefined {
  let src = pattern.startsWith('^') ? pattern.slice(1) : pattern;
  if (src.endsWith('$') && !src.endsWith('\\$')) src = src.slice(0, -1);
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    let pool: string;
    if ('()|'.includes(c)) return undefined;
    if (c === '\\') {
      pool = escapePool(src[i + 1] ?? '');
      i += 2;
    } else if (c === '[') {
      const end = src.indexOf(']', i + 2);
      if (end < 0) return undefined;
      pool = classPool(src.slice(i + 1, end));
      i = end + 1;
    } else {
      pool = c === '.' ? SAFE : c;
      i += 1;
    }
    const q = /^(?:\{(\d+)(,(\d*))?\}|[+*?])/.exec(src.slice(i));
    let [min, max] = [1, 1];
    if (q) {
      i += q[0].length;
      if (q[0] === '+') [min, max] = [1, 3];
      else if (q[0] === '*') [min, max] = [0, 3];
      else if (q[0] === '?') [min, max] = [0, 1];
      else {
        min = Number(q[1]);
        max = q[2] === undefined ? min : q[3] ? Number(q[3]) : min + 2;
      }
    }
    if (pool === '') return undefined;
    const n = f.number.int({ min, max });
    for (let k = 0; k < n; k++) out += f.helpers.arrayElement([...pool]);
  }
  return out;
}
