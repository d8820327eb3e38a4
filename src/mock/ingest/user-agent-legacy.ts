/**
 * @module
 * User agents that are not wakatime-cli's: browser extensions (`Mozilla/5.0 … chrome-wakatime/4.0.3`),
 * bare plugin strings (`vscode/1.96.0 vscode-wakatime/24.6.0`, what a `plugin` field holds) and the
 * older formats the real server still recognises.
 */
import { extractEditor, isDecorator, takeAiModel } from './user-agent-chain.js';
import {
  BARE_EDITOR_PRODUCTS,
  BROWSER_PLUGIN_BASES,
  GENERIC_HOST_PLUGIN_BASES,
  isAiCategory,
  isMeaningful,
  isPlugin,
  MIDDLEWARES,
  normaliseEditor,
  pluginBase,
  pluginMatches,
  productOf,
  productTokens,
} from './user-agent-products.js';

export interface ParsedUserAgent {
  editor: string;
  os: string;
  aiModel: string | null;
}

const parsed = (os: string, editor: string, aiModel: string | null = null): ParsedUserAgent => ({ os, editor, aiModel });

/** The OS named anywhere in a user agent. */
export function osNamedIn(text: string): string {
  if (/wsl2?/i.test(text)) return 'wsl';
  if (/\bandroid\b/i.test(text)) return 'android';
  if (/\bcros(?:\b|[_-])|chrome\s*os/i.test(text)) return 'chromeos';
  if (/windows|win_/i.test(text)) return 'windows';
  if (/macintosh|mac[_ -]?os|darwin/i.test(text)) return 'macos';
  if (/linux/i.test(text)) return 'linux';
  return '';
}

/** The OS of a wakatime-cli platform (`darwin-24.1.0-arm64` → `macos`, `windows-10.0…` → `windows`). */
export function osOfPlatform(platform: string, ua: string): string {
  if (/-wsl2-/i.test(ua)) return 'wsl';
  if (/android/i.test(platform)) return 'android';
  if (/^chrome\s+os$/i.test(platform)) return 'chromeos';
  if (/^win(?:11-wakatime|32)$/i.test(platform)) return 'windows';
  if (/^(?:darwin|macintosh)(?:;|$)/i.test(platform)) return 'macos';
  if (/^(?:iphone|ipad)$/i.test(platform)) return 'ios';
  if (
    /^(?:blender(?:-|$)|c# client$|none(?:-|$)|os_name$|python client$|termux-wakatime$|vs\s?code(?:\/|,|$)|web$|webstorm$)/i.test(platform)
  )
    return '';
  const word = (platform.replace(/^\(/, '').split(/[\s)_-]/)[0] ?? '').toLowerCase();
  if (word === 'win' || word === 'windows') return 'windows';
  if (word === 'darwin' || word === 'mac' || word === 'macos') return 'macos';
  return word;
}

/** `wakatime.nvim`-style platform forms: `linux/…`, `1.2.3/editor`, `wakatime/editor`, `editor (linux)`. */
function legacyForm(ua: string): ParsedUserAgent | undefined {
  if (/^onshape-wakatime-plugin_(?:chrome|firefox|microsoft\s+edge|opera)\//i.test(ua)) return parsed(osNamedIn(ua), 'onshape');
  let m = /^(windows|linux|darwin|macos|mac)\/(.+)$/i.exec(ua);
  if (m) {
    const editor = (m[2] as string).split(/\s+\(|\s+(?=(?:windows|linux|darwin|macos|mac|python)\/)/i)[0] ?? '';
    if (editor.trim() !== '') {
      return parsed(osOfPlatform(m[1] as string, ua), normaliseEditor(editor.toLowerCase()));
    }
  }
  m = /^v?\d+(?:\.\d+)+\/([a-z][\w.-]+)$/i.exec(ua);
  if (m) return parsed('', normaliseEditor((m[1] as string).toLowerCase()));
  m = /^wakatime\/([a-z][\w.-]+)$/i.exec(ua);
  if (m) {
    const editor = (m[1] as string).toLowerCase();
    if (editor !== 'unset' && !/^v?\d/.test(editor)) return parsed('', normaliseEditor(editor));
  }
  return undefined;
}

function browserOf(ua: string): string | undefined {
  if (/\b(?:edg|edga|edge)\//i.test(ua)) return 'edge';
  if (/\b(?:opr|opera)\//i.test(ua)) return 'opera';
  if (/\bfirefox\//i.test(ua)) return 'firefox';
  if (/\b(?:chrome|chromium)\//i.test(ua)) return 'chrome';
  if (/^hbuilder x\//i.test(ua)) return 'hbuilder-x';
  if (/\bsafari\//i.test(ua)) return 'safari';
  return undefined;
}

function browserOs(ua: string): string {
  if (/android/i.test(ua)) return 'android';
  if (/windows|win_/i.test(ua)) return 'windows';
  if (/mac(?:intosh|os|_| )|darwin/i.test(ua)) return 'macos';
  if (/\bcros(?:\b|[_-])|chrome\s*os/i.test(ua)) return 'chromeos';
  if (/linux/i.test(ua)) return 'linux';
  return '';
}

/** A browser extension's plugin names the editor it tracks (unless it names the browser itself). */
function editorOfBrowserPlugin(tokens: readonly string[]): string | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const plugin = tokens[i];
    if (!isPlugin(plugin) || MIDDLEWARES.has(productOf(plugin).toLowerCase())) continue;
    const base = pluginBase(plugin);
    if (GENERIC_HOST_PLUGIN_BASES.has(base) || BROWSER_PLUGIN_BASES.has(base)) continue;
    const editor = tokens
      .slice(0, i)
      .reverse()
      .find((t) => isMeaningful(t) && pluginMatches(plugin, productOf(t).toLowerCase()));
    return normaliseEditor(editor === undefined ? base : productOf(editor).toLowerCase());
  }
  return undefined;
}

const withoutParens = (ua: string) => ua.replace(/\([^)]*\)/g, ' ');
const isOsToken = (token: string) => /^(?:windows|win|linux|darwin|macos|mac)(?:[/_-].*)?$/i.test(token);

/** Any user agent that does not start `wakatime/<version> (<platform>)`. */
export function parseOtherUserAgent(ua: string, category: unknown): ParsedUserAgent {
  const legacy = legacyForm(ua);
  if (legacy) return legacy;
  const browser = browserOf(ua);
  if (browser) return parsed(browserOs(ua), editorOfBrowserPlugin(productTokens(withoutParens(ua), category)) ?? browser);

  const platformForm = /^([a-z][\w.-]*)(?:\/\S+)?\s+\(([^)]+)\)(?:\s+.*)?$/i.exec(ua);
  if (platformForm && !isDecorator((platformForm[1] as string).toLowerCase())) {
    const os = osNamedIn(platformForm[2] as string);
    if (os !== '') return parsed(os, normaliseEditor((platformForm[1] as string).toLowerCase()));
  }

  const os = osNamedIn(ua);
  const tokens = productTokens(withoutParens(ua), category).filter((t) => !isOsToken(t));
  const meaningful = tokens.filter((t) => isMeaningful(t));
  const parseable = tokens.some((t) => t.includes('/') || isPlugin(t));
  const bareEditor = meaningful.length === 1 && BARE_EDITOR_PRODUCTS.has(productOf(meaningful[0]).toLowerCase());
  if (!parseable && !bareEditor) return parsed(os, '');
  const aiModel = takeAiModel(tokens, category);
  // An editor name with spaces before its plugin cannot be split reliably: trust the plugin.
  const first = tokens[0];
  const malformedLead = !isAiCategory(category) && meaningful.length > 1 && first !== undefined && !first.includes('/') && !isPlugin(first);
  let editor: string;
  if (tokens.length === 1 && MIDDLEWARES.has(productOf(first).toLowerCase())) editor = normaliseEditor(productOf(first).toLowerCase());
  else if (malformedLead) {
    const plugin = tokens.find((t) => isPlugin(t));
    editor = normaliseEditor(plugin ? pluginBase(plugin) : '');
  } else editor = extractEditor(tokens);
  return editor === '' ? parsed(os, '') : parsed(os, editor, aiModel);
}
