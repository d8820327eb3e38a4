/**
 * @module
 * Names as the real server shows them: a user's display name and avatar, and the display names
 * of stored editor, operating-system and language values.
 */

import { type LanguageFixture, worldFixtures } from '../../../world/fixtures.js';
import { sha256 } from '../../../world/platform.js';
import type { User } from '../../../world/types.js';
import { hexOf } from '../../bytes.js';

/** `EDITOR_DISPLAY_NAMES` of `app/helpers/application_helper.rb`; others are capitalised. */
const EDITOR_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  vscode: 'VSCode',
  'vs code': 'VSCode',
  pycharm: 'PyCharm',
  intellij: 'IntelliJ IDEA',
  intellijidea: 'IntelliJ IDEA',
  'intellij idea': 'IntelliJ IDEA',
  webstorm: 'WebStorm',
  phpstorm: 'PhpStorm',
  datagrip: 'DataGrip',
  ktexteditor: 'Kate',
  'android studio': 'Android Studio',
  'visual studio': 'Visual Studio',
  'sublime text': 'Sublime Text',
  iterm2: 'iTerm2',
  rubymine: 'RubyMine',
  opencode: 'OpenCode',
  claudecode: 'Claude Code',
  'claude code': 'Claude Code',
  'zoom.us': 'Zoom',
  windowspowershell: 'PowerShell',
  goland: 'GoLand',
  rustrover: 'RustRover',
};

/** `OS_DISPLAY_NAMES`; others are capitalised. */
const OS_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  darwin: 'macOS',
  macos: 'macOS',
  mac: 'macOS',
  wsl: 'WSL',
  mozilla: 'Firefox',
  vscode: 'VSCode',
};

/** Ruby's `blank?` for strings: null, empty or whitespace only. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/** Ruby's `String#capitalize`: first character upper-case, the rest lower-case. */
function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
}

/** Ruby's `String#truncate(length)` with the default `"..."` omission. */
function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 3)}...` : value;
}

export type DisplayNameInput = Pick<User, 'displayNameOverride' | 'slackUsername' | 'githubUsername' | 'username' | 'emails'>;

/**
 * `User#display_name`: override → Slack username → GitHub username → username →
 * `"<email local part, truncated to 10> (email sign-up)"` → `"error displaying name"`.
 * Like Ruby's `||`, an empty (but not null) Slack username stops the chain and falls to email.
 * @example
 * displayName({ displayNameOverride: null, slackUsername: null, githubUsername: null, username: null, emails: ['christina.orpheus@x.io'] })
 * // 'christi... (email sign-up)'
 */
export function displayName(user: DisplayNameInput): string {
  if (!isBlank(user.displayNameOverride)) return user.displayNameOverride;
  const name = user.slackUsername ?? user.githubUsername ?? user.username;
  if (!isBlank(name)) return name;
  const email = user.emails[0];
  if (isBlank(email)) return 'error displaying name';
  return `${truncate(email.split('@')[0] ?? '', 10)} (email sign-up)`;
}

/** A fixed stand-in for RubyIdenticon's PNG (a transparent pixel): users without email are rare. */
const IDENTICON_STAND_IN =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * `User#avatar_url`: Slack avatar → GitHub avatar → ui-avatars with the email's first two
 * characters → an identicon data URL.
 */
export function avatarUrl(user: Pick<User, 'slackAvatarUrl' | 'githubAvatarUrl' | 'emails'>): string {
  if (!isBlank(user.slackAvatarUrl)) return user.slackAvatarUrl;
  if (!isBlank(user.githubAvatarUrl)) return user.githubAvatarUrl;
  const email = user.emails[0];
  if (!isBlank(email)) {
    const initials = email.slice(0, 2).toUpperCase();
    const hashed = hexOf(sha256(initials)).slice(0, 6);
    return `https://i2.wp.com/ui-avatars.com/api/${initials}/48/${hashed}/fff?ssl=1`;
  }
  return IDENTICON_STAND_IN;
}

/**
 * `display_editor_name`: `vscode` → `VSCode`, known JetBrains and other names mapped, else
 * capitalised; blank → `"Unknown"`.
 */
export function displayEditorName(editor: string | null): string {
  if (isBlank(editor)) return 'Unknown';
  return EDITOR_DISPLAY_NAMES[editor.toLowerCase()] ?? capitalize(editor);
}

/** `display_os_name`: `darwin`/`macos`/`mac` → `macOS`, else capitalised; blank → `"Unknown"`. */
export function displayOsName(os: string | null): string {
  if (isBlank(os)) return 'Unknown';
  return OS_DISPLAY_NAMES[os.toLowerCase()] ?? capitalize(os);
}

let languageIndex: Map<string, LanguageFixture> | undefined;

function languagesByKey(): Map<string, LanguageFixture> {
  if (!languageIndex) {
    languageIndex = new Map();
    for (const language of worldFixtures().languages) {
      languageIndex.set(language.name.toLowerCase(), language);
      for (const alias of language.aliases) languageIndex.set(alias.toLowerCase(), language);
    }
  }
  return languageIndex;
}

/**
 * `LanguageUtils.display_name`: the canonical linguist name for a name or alias (case
 * insensitive), the raw value when unknown, `"Unknown"` when blank. Knows the languages of
 * `fixtures/world/languages.json`.
 * @example
 * displayLanguageName('ts') // 'TypeScript'
 */
export function displayLanguageName(language: string | null): string {
  if (isBlank(language)) return 'Unknown';
  return languagesByKey().get(language.toLowerCase())?.name ?? language;
}

/** `LanguageUtils.color`: the linguist color of a language, `"#888888"` when unknown or colorless. */
export function languageColor(language: string | null): string {
  const fallback = worldFixtures().defaultColor;
  if (isBlank(language)) return fallback;
  return languagesByKey().get(language.toLowerCase())?.color ?? fallback;
}
