/**
 * @module
 * Reading an editor/plugin product chain (`vscode/1.96.0 vscode-wakatime/24.6.0`): which token is the
 * editor, and — for `ai coding` heartbeats — which token is the AI model that AI-transcript parsers put
 * before it (`opus/4-8 claude-code/2.1.202`).
 */
import {
  AI_AGENT_VARIANTS,
  isAiAgentProduct,
  isAiCategory,
  isGenericHostPlugin,
  isMeaningful,
  isPlugin,
  isRuntime,
  MIDDLEWARES,
  MODEL_EDITOR_COLLISIONS,
  normaliseEditor,
  OS_PRODUCTS,
  pluginBase,
  pluginMatches,
  productOf,
  STANDALONE_MODEL_PRODUCTS,
  versionOf,
} from './user-agent-products.js';

const lowerProduct = (token: string | undefined) => productOf(token).toLowerCase();
const variantsOf = (name: string) => AI_AGENT_VARIANTS[name] ?? [];

/** An editor token followed by its own plugin (or an AI agent and then a plugin). */
function isEditorFirstChain(tokens: readonly string[]): boolean {
  if (tokens.length < 2) return false;
  const [first, second] = tokens;
  const firstName = lowerProduct(first);
  if (isPlugin(second)) {
    if (isPlugin(first)) return false;
    return isGenericHostPlugin(second) || pluginMatches(second, firstName);
  }
  if (tokens.length < 3 || (second ?? '').includes('/') || !isAiAgentProduct(second)) return false;
  const plugin = tokens.slice(2).find((t) => isPlugin(t));
  return plugin !== undefined && (tokens.length === 3 || pluginMatches(plugin, firstName));
}

function looksLikeModel(token: string | undefined): boolean {
  return /^(?:composer|deepseek|glm|gpt|nemotron|o[1-9](?:$|[-_.])|opus|sonnet|haiku|gemini(?:$|[-_.])|claude(?:$|[-_.]))/.test(
    lowerProduct(token),
  );
}

/** A client's own version token (`claude/2.1.x`, `codex/0.x`, `gemini/1.x`), not a model. */
function isClientVersion(token: string | undefined): boolean {
  const version = versionOf(token) ?? '';
  switch (lowerProduct(token)) {
    case 'claude':
      return /^2\.1(?:\.|$)/.test(version);
    case 'codex':
      return /^0\./.test(version);
    case 'gemini':
      return /^1\./.test(version);
    default:
      return false;
  }
}

/** `claude/2.1.3 … claude-code/2.1.3`: the same client named twice. */
function repeatsLaterAgentVersion(first: string, later: readonly string[]): boolean {
  const name = lowerProduct(first);
  const version = versionOf(first);
  if (name === '' || version === undefined || version.trim() === '') return false;
  return later.some((t) => variantsOf(name).includes(lowerProduct(t)) && versionOf(t) === version);
}

function isModelFirstChain(tokens: readonly string[]): boolean {
  const meaningful = tokens.filter((t) => isMeaningful(t));
  if (meaningful.length < 2) return false;
  const [first, second] = meaningful as [string, string];
  const firstName = lowerProduct(first);
  const hostAfterModel = isPlugin(second) && isGenericHostPlugin(second) && looksLikeModel(first);
  if (isEditorFirstChain(meaningful) && !hostAfterModel) return false;
  if (isPlugin(first) || repeatsLaterAgentVersion(first, meaningful.slice(1)) || isClientVersion(first)) return false;
  const pluginAt = meaningful.findIndex((t) => isPlugin(t) && pluginMatches(t, firstName));
  if (pluginAt >= 0) {
    const agentAt = meaningful.findIndex((t, i) => i > 0 && variantsOf(firstName).includes(lowerProduct(t)));
    if (agentAt < 0 || agentAt >= pluginAt) return false;
  }
  if (MODEL_EDITOR_COLLISIONS.has(firstName) && productOf(first) === firstName) return true;
  if (isAiAgentProduct(first)) return false;
  if (meaningful.length === 2 && isPlugin(second)) {
    const pluginVersion = (versionOf(second) ?? '').toLowerCase();
    return !pluginMatches(second, firstName) && (pluginVersion === 'unknown' || looksLikeModel(first));
  }
  return true;
}

const SEMVER = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.-]+)?$/i;

/** A model named as the version of a copilot/gemini token (`copilot/gpt-5`). */
function embeddedModel(tokens: readonly string[]): string | null {
  const token = tokens.find((t) => isMeaningful(t));
  const version = versionOf(token);
  if (version === undefined || version.trim() === '' || ['local', 'unknown'].includes(version.toLowerCase())) return null;
  switch (lowerProduct(token)) {
    case 'copilot':
      return SEMVER.test(version) || /^v?\d+(?:\.\d+){1,3}[A-Z][\w.-]*\/(?:local|unknown)$/.test(version) ? null : version;
    case 'gemini':
      return /gemini|gemma|flash|pro|openai-compatible|\$\$/i.test(version) || !SEMVER.test(version) ? version : null;
    default:
      return null;
  }
}

/**
 * The AI model of an `ai coding` heartbeat's chain, removed from `tokens` when it is a token of its own.
 * @example
 * takeAiModel(['opus/4-8', 'claude-code/2.1.202'], 'ai coding') // 'opus/4-8' (tokens now ['claude-code/2.1.202'])
 */
export function takeAiModel(tokens: string[], category: unknown): string | null {
  if (!isAiCategory(category)) return null;
  const meaningful = tokens.filter((t) => isMeaningful(t));
  const standalone = meaningful.length === 1 && STANDALONE_MODEL_PRODUCTS.has(lowerProduct(meaningful[0]));
  if (isModelFirstChain(tokens) || standalone) {
    const at = tokens.findIndex((t) => isMeaningful(t));
    return at < 0 ? null : (tokens.splice(at, 1)[0] ?? null);
  }
  return embeddedModel(tokens);
}

/** The editor of the last plugin whose own editor token precedes it. */
function editorBeforeItsPlugin(tokens: readonly string[]): string | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const plugin = tokens[i];
    if (!isPlugin(plugin)) continue;
    const editor = tokens
      .slice(0, i)
      .reverse()
      .find((t) => isMeaningful(t) && pluginMatches(plugin, lowerProduct(t)));
    if (editor !== undefined) return normaliseEditor(lowerProduct(editor));
  }
  return undefined;
}

/** Version-like or browser-ish tokens that only decorate a real editor token after them. */
export const isDecorator = (name: string): boolean =>
  name === 'mozilla' || name === 'web' || /^(?:v?\d+(?:[._-]\d+)*[a-z]?|[+_.\\-])$/i.test(name);

/**
 * The editor a chain names, `''` when none.
 * @example
 * extractEditor(['cursor/0.44.11', 'vscode-wakatime/24.6.0']) // 'cursor'
 */
export function extractEditor(tokens: readonly string[]): string {
  const meaningful = tokens.filter((t) => isMeaningful(t));
  if (lowerProduct(meaningful[0]) === 'python') {
    const plugin = meaningful.find((t) => lowerProduct(t) === 'python-wakatime');
    if (plugin) return normaliseEditor(pluginBase(plugin));
  }
  if (meaningful[0] !== undefined && isPlugin(meaningful[0])) {
    const specific = editorBeforeItsPlugin(meaningful.slice(1));
    if (specific) return specific;
  }
  if (isEditorFirstChain(meaningful)) {
    const firstName = lowerProduct(meaningful[0]);
    const second = meaningful[1];
    if (isPlugin(second) && variantsOf(firstName).includes(pluginBase(second))) return normaliseEditor(pluginBase(second));
    return normaliseEditor(firstName);
  }
  for (const [i, token] of tokens.entries()) {
    const name = productOf(token);
    const lower = name.toLowerCase();
    if (
      name.trim() === '' ||
      name.startsWith('(') ||
      lower === 'wakatime' ||
      MIDDLEWARES.has(lower) ||
      lower === 'in' ||
      lower === 'x' ||
      isRuntime(token)
    )
      continue;
    if (isDecorator(lower) && tokens.slice(i + 1).some((t) => isMeaningful(t) || isPlugin(t))) continue;
    if (isPlugin(name)) {
      const base = pluginBase(name);
      if (OS_PRODUCTS.has(base)) continue;
      return normaliseEditor(base);
    }
    return normaliseEditor(lower);
  }
  return '';
}
