/**
 * @module
 * The editor, operating system and (for `ai coding` heartbeats) AI model the real server derives from
 * a heartbeat's user agent. wakatime-cli's form is
 * `wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0`:
 * the OS is the platform's first word (`darwin` → `macos`), the editor is the product its plugin
 * belongs to (`cursor/… vscode-wakatime/…` → `cursor`, `idea/…` → `intellijidea`).
 */
import { extractEditor, takeAiModel } from './user-agent-chain.js';
import { osNamedIn, osOfPlatform, type ParsedUserAgent, parseOtherUserAgent } from './user-agent-legacy.js';
import { isAiCategory, isRuntime, productTokens } from './user-agent-products.js';

export type { ParsedUserAgent } from './user-agent-legacy.js';

const WAKATIME_CLI = /^wakatime\/\S*\s+\(([^)]+)\)(?:\s+(.*))?$/i;

/** Platforms that are really an editor's name (plugins that fill the platform slot themselves). */
function editorOfPlatform(platform: string): string | undefined {
  if (/^vs\s?code(?:\/|,|$)/i.test(platform)) return 'vscode';
  if (/^termux-wakatime$/i.test(platform)) return 'termux';
  if (/^webstorm$/i.test(platform)) return 'webstorm';
  return undefined;
}

/**
 * `WakatimeUserAgentParser.parse`: `''` for what cannot be told (the server then falls back to the
 * posted `editor` / `operating_system`).
 * @example
 * parseUserAgent('wakatime/v1.115.2 (darwin-24.1.0-arm64) go1.23.1 cursor/0.44.11 vscode-wakatime/24.6.0', 'coding')
 * // { editor: 'cursor', os: 'macos', aiModel: null }
 */
export function parseUserAgent(ua: unknown, category: unknown): ParsedUserAgent {
  if (typeof ua !== 'string' || ua.trim() === '') return { editor: '', os: '', aiModel: null };
  // A client sends the same user agent with every heartbeat: parse each (agent, AI-or-not) once.
  const key = `${isAiCategory(category) ? 'ai' : '-'}\u0000${ua}`;
  const known = parsedCache.get(key);
  if (known) return { ...known };
  const parsed = parse(ua, category);
  if (parsedCache.size >= CACHE_LIMIT) parsedCache.delete(parsedCache.keys().next().value as string);
  parsedCache.set(key, parsed);
  return { ...parsed };
}

const CACHE_LIMIT = 2_000;
const parsedCache = new Map<string, ParsedUserAgent>();

function parse(ua: string, category: unknown): ParsedUserAgent {
  const m = WAKATIME_CLI.exec(ua);
  if (!m) return parseOtherUserAgent(ua, category);
  const platform = m[1] as string;
  const tokens = productTokens(m[2], category);
  if (isRuntime(tokens[0])) tokens.shift();
  const aiModel = takeAiModel(tokens, category);
  const platformEditor = editorOfPlatform(platform);
  const editor = extractEditor(tokens);
  return {
    os: platformEditor ? osNamedIn(m[2] ?? '') : osOfPlatform(platform, ua),
    editor: editor !== '' ? editor : (platformEditor ?? ''),
    aiModel,
  };
}
