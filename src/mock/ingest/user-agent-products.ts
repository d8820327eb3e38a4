/**
 * @module
 * The vocabulary of the real server's user-agent parser (`WakatimeUserAgentParser`): which product
 * tokens are runtimes, middlewares, plugins and AI agents, which plugin serves which editors, and the
 * aliases that turn spelled-out product names into one token. Names only; the parsing is in
 * `user-agent.ts`.
 */

export const MIDDLEWARES = new Set([
  'exec-wakatime',
  'mcp-wakatime',
  'vscode-hackatime-tracker',
  'waka-relay',
  'wakatime-ls',
  'wakatime-cli',
]);
const CONNECTORS = new Set(['in', 'x']);
export const OS_PRODUCTS = new Set(['linux', 'windows', 'macos', 'darwin', 'win', 'mac', 'wsl']);
export const GENERIC_HOST_PLUGIN_BASES = new Set(['macos', 'windows']);
export const BROWSER_PLUGIN_BASES = new Set(['browser', 'chrome', 'edge', 'firefox', 'opera', 'safari']);
const PLUGIN_EDITOR_ALIASES: Readonly<Record<string, string>> = {
  'oh-my-pi-wakatime': 'pi',
  'python-wakatime': 'pycharm',
  'wakatime-zsh-plugin': 'zsh',
};
/** A plugin named after one editor that other editors (forks) also run. */
const SHARED_PLUGIN_EDITORS: Readonly<Record<string, readonly string[]>> = {
  codex: ['codex-desktop', 't3code_desktop'],
  terminal: ['fish', 'zsh'],
  vim: ['neovim'],
  vscode: [
    'antigravity',
    'antigravityide',
    'arduino',
    'azdata',
    'code-oss',
    'code-server',
    'codeoss',
    'cursor',
    'cursornightly',
    'devin',
    'kiro',
    'onivim',
    'positron',
    'qoder',
    'sqlops',
    'trae',
    'traecn',
    'vscodium',
    'windsurf',
  ],
};
const PRODUCT_ALIASES: Readonly<Record<string, string>> = {
  'code - oss': 'code-oss',
  'codex desktop': 'codex-desktop',
  cyteon: 'blender',
  'hackatime-zed-unknown': 'zed',
  'hubai nitro': 'hubai-nitro',
  ik11235: 'fish',
  'intellij idea': 'intellijidea',
  'kdevelop-wakatime-plugin1.0.0': 'kdevelop',
  'python + streamlit-wakatime': 'streamlit-wakatime',
  'python + streamlit': 'streamlit',
  'visual studio code - insiders': 'vscode',
  'visual studio code': 'vscode',
  visualstudiocode: 'vscode',
  'vs code': 'vscode',
  zedpreview: 'zed',
};
const CONTINUE_HOST_ALIASES: Readonly<Record<string, string>> = {
  'visual studio code - insiders': 'vscode',
  'visual studio code': 'vscode',
  visualstudiocode: 'vscode',
  'vs code': 'vscode',
  vscodium: 'vscodium',
  'intellij idea': 'intellijidea',
  'code - oss': 'code-oss',
};
const AI_PRODUCT_ALIASES: Readonly<Record<string, string>> = {
  'factory droid': 'droid',
  githubcopilot: 'github-copilot',
  'oh my pi': 'pi',
  'qwen code': 'qwen-code',
  'roo code': 'roo-code',
  'visual studio code - insiders': 'vscode',
  'visual studio code': 'vscode',
};
/** Products whose plugin may carry a more specific agent name. */
export const AI_AGENT_VARIANTS: Readonly<Record<string, readonly string[]>> = { claude: ['claude-code', 'claudecode'] };
const AI_AGENT_PRODUCTS = new Set([
  'amp',
  'antigravity',
  'antigravity-cli',
  'antigravity-desktop',
  'antigravity-ide',
  'claude',
  'claude-code',
  'claudecode',
  'cline',
  'codex',
  'codex-cli',
  'continue',
  'cody',
  'copilot',
  'cursor',
  'gemini',
  'github-copilot',
  'github-copilot-cli',
  'goose',
  'kiro',
  'opencode',
  'opencode-cli',
  'opencode-desktop',
  'pi',
  'qoder',
  'qwen-code',
  'qwen-code-cli',
  'roo-code',
  'windsurf',
]);
/** Both a model family and a standalone client. */
export const MODEL_EDITOR_COLLISIONS = new Set(['claude', 'codex', 'gemini']);
export const BARE_EDITOR_PRODUCTS = new Set([
  'audit',
  'bearnard',
  'chrome-extension',
  'codex',
  'codex-agent',
  'codex-cli',
  'codex_agent',
  'codexagent',
  'custom-bash-sync',
  'customclient',
  'figma-desktop',
  'fusion360-hackatime-custom',
  'git',
  'rblx',
  'strudel',
  'strudel-extension',
  'synthetic-audio',
  'test-agent',
  'ue4',
  'unrealengine',
  'vscode',
]);
export const STANDALONE_MODEL_PRODUCTS = new Set(['claude-code-opus4.8', 'composer', 'glm', 'hermes', 'nemotron']);

/** `name` of a `name/version` token. */
export const productOf = (token: string | undefined): string => (token ?? '').split('/')[0] ?? '';

/** `version` of a `name/version` token (everything after the first slash). */
export function versionOf(token: string | undefined): string | undefined {
  const at = (token ?? '').indexOf('/');
  return at < 0 ? undefined : (token as string).slice(at + 1);
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

export const isAiCategory = (category: unknown): boolean => String(category ?? '').toLowerCase() === 'ai coding';

/** Language runtimes the user agent names before the editor (`go1.23.1`, `node/v20`, `python/3.12`). */
export function isRuntime(token: string | undefined): boolean {
  const t = token ?? '';
  if (/^node\/v?\d/i.test(t) || /^python\/v?\d{1,2}(?:\.|$)/i.test(t)) return true;
  return !t.includes('/') && /^(?:go|java|node|python)(?:\d|$)/i.test(t);
}

/** A token that can name an editor, plugin or model (not wakatime itself, a middleware or a runtime). */
export function isMeaningful(token: string | undefined): boolean {
  const name = productOf(token);
  const lower = name.toLowerCase();
  return (
    !blank(name) && !name.startsWith('(') && lower !== 'wakatime' && !MIDDLEWARES.has(lower) && !CONNECTORS.has(lower) && !isRuntime(token)
  );
}

export function isPlugin(token: string | undefined): boolean {
  const name = productOf(token);
  return name.toLowerCase() in PLUGIN_EDITOR_ALIASES || name.toLowerCase() === 'wakatime.nvim' || /[-_](?:waka|hacka)time$/i.test(name);
}

/** The editor a plugin is named after (`vscode-wakatime` → `vscode`). */
export function pluginBase(token: string | undefined): string {
  const name = productOf(token);
  const aliased = PLUGIN_EDITOR_ALIASES[name.toLowerCase()];
  if (aliased) return aliased;
  if (name.toLowerCase() === 'wakatime.nvim') return 'neovim';
  return name.replace(/[-_](?:waka|hacka)time$/i, '').toLowerCase();
}

/** Whether `plugin` is the plugin of the (lower-case) product `name`. */
export function pluginMatches(plugin: string | undefined, name: string): boolean {
  const base = pluginBase(plugin);
  return base === name || (SHARED_PLUGIN_EDITORS[base] ?? []).includes(name) || (AI_AGENT_VARIANTS[name] ?? []).includes(base);
}

export const isGenericHostPlugin = (token: string | undefined): boolean => GENERIC_HOST_PLUGIN_BASES.has(pluginBase(token));

export const isAiAgentProduct = (token: string | undefined): boolean => AI_AGENT_PRODUCTS.has(productOf(token).toLowerCase());

/** Canonical editor names for the spellings plugins use. */
export function normaliseEditor(editor: string): string {
  if (editor === 'claude' || editor === 'claudecode') return 'claude-code';
  if (editor === 'godotengine' || /^godot\d+(?:[._-]\d+)+$/.test(editor)) return 'godot';
  if (editor === 'github-copilot-cli') return 'copilot-cli';
  if (['idea', 'intellijideacommunityedition', 'intellijideaultimateedition'].includes(editor)) return 'intellijidea';
  if (/^kicadeda\d+(?:[._-]\d+)+$/.test(editor)) return 'kicad';
  if (editor === 'ktexteditor') return 'kate';
  if (editor === 'robloxstudio') return 'roblox-studio';
  if (['visual studio code', 'vs-code', 'vs_code', 'vscode-insiders'].includes(editor)) return 'vscode';
  return editor;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spaced = (name: string) => name.split(/\s+/).map(escapeRegExp).join('\\s+');

type Rewrite = readonly [RegExp, string];

/** Longest alias first, so that `visual studio code - insiders` wins over `visual studio code`. */
function aliasRewrites(aliases: Readonly<Record<string, string>>): Rewrite[] {
  return Object.entries(aliases)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([alias, canonical]) => [new RegExp(`(?<!\\S)${spaced(alias)}(?=/|\\s|$)`, 'gi'), canonical] as const);
}

/** `Continue/<v> Visual Studio Code 1.96/…` names its host editor: keep only the host. */
const CONTINUE_REWRITES: Rewrite[] = Object.entries(CONTINUE_HOST_ALIASES)
  .sort((a, b) => b[0].length - a[0].length)
  .flatMap(([host, canonical]) => [
    [new RegExp(`(?<!\\S)Continue/.*?\\s+${spaced(host)}(?:\\s+\\d[\\w.-]*)?(?=/)`, 'gi'), canonical] as const,
    [new RegExp(`(?<!\\S)Continue\\s+${spaced(host)}(?:\\s+\\d[\\w.-]*)?(?=/)`, 'gi'), canonical] as const,
  ]);
const PRODUCT_REWRITES = aliasRewrites(PRODUCT_ALIASES);
const AI_PRODUCT_REWRITES = aliasRewrites(AI_PRODUCT_ALIASES);

const rewrite = (text: string, rewrites: readonly Rewrite[]) =>
  rewrites.reduce((out, [pattern, canonical]) => out.replace(pattern, canonical), text);

/** The product tokens of a chain, with spelled-out names folded into single tokens. */
export function productTokens(chain: string | undefined, category: unknown): string[] {
  let text = (chain ?? '').trim().replace(/^\\"/, '').replace(/^"/, '').replace(/\\$/, '');
  text = rewrite(rewrite(text, CONTINUE_REWRITES), PRODUCT_REWRITES);
  if (isAiCategory(category)) text = rewrite(text, AI_PRODUCT_REWRITES);
  return text
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => t.replace(/^\\"/, '').replace(/\\$/, ''));
}
