import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  avatarUrl,
  displayEditorName,
  displayLanguageName,
  displayName,
  displayOsName,
  languageColor,
} from '../../../src/mock/rails/present/display-names.js';

const nobody = { displayNameOverride: null, slackUsername: null, githubUsername: null, username: null, emails: [] as string[] };

describe('displayName', () => {
  it('prefers the override, then Slack, GitHub and the username', () => {
    const full = {
      displayNameOverride: 'Orpheus',
      slackUsername: 'orpheus-slack',
      githubUsername: 'orpheus-gh',
      username: 'orpheus',
      emails: ['o@hackclub.com'],
    };
    expect(displayName(full)).toBe('Orpheus');
    expect(displayName({ ...full, displayNameOverride: null })).toBe('orpheus-slack');
    expect(displayName({ ...full, displayNameOverride: '  ', slackUsername: null })).toBe('orpheus-gh');
    expect(displayName({ ...full, displayNameOverride: null, slackUsername: null, githubUsername: null })).toBe('orpheus');
  });

  it('falls back to the email’s local part, truncated to 10 characters', () => {
    expect(displayName({ ...nobody, emails: ['ada@example.com'] })).toBe('ada (email sign-up)');
    expect(displayName({ ...nobody, emails: ['abcdefghij@example.com'] })).toBe('abcdefghij (email sign-up)');
    expect(displayName({ ...nobody, emails: ['christina.orpheus@example.com'] })).toBe('christi... (email sign-up)');
  });

  it('says so when there is nothing to show', () => {
    expect(displayName(nobody)).toBe('error displaying name');
  });

  it('stops at an empty (not null) Slack username, like Ruby’s ||', () => {
    expect(displayName({ ...nobody, slackUsername: '', username: 'ada', emails: ['ada@example.com'] })).toBe('ada (email sign-up)');
  });
});

describe('avatarUrl', () => {
  it('prefers Slack, then GitHub, then ui-avatars with the email’s first two characters', () => {
    const user = {
      slackAvatarUrl: 'https://avatars.slack-edge.com/a.png',
      githubAvatarUrl: 'https://avatars.githubusercontent.com/u/7?v=4',
      emails: ['ada@example.com'],
    };
    expect(avatarUrl(user)).toBe('https://avatars.slack-edge.com/a.png');
    expect(avatarUrl({ ...user, slackAvatarUrl: null })).toBe('https://avatars.githubusercontent.com/u/7?v=4');
    const hash = createHash('sha256').update('AD').digest('hex').slice(0, 6);
    expect(avatarUrl({ ...user, slackAvatarUrl: null, githubAvatarUrl: '' })).toBe(
      `https://i2.wp.com/ui-avatars.com/api/AD/48/${hash}/fff?ssl=1`,
    );
    expect(avatarUrl({ slackAvatarUrl: null, githubAvatarUrl: null, emails: [] })).toMatch(/^data:image\/png;base64,/);
  });
});

describe('editor, OS and language display names', () => {
  it('maps known editors and capitalises the rest', () => {
    expect(
      ['vscode', 'VS Code', 'neovim', 'zed', 'jetbrains-intellij', 'intellijidea', 'pycharm', null, ''].map(displayEditorName),
    ).toEqual(['VSCode', 'VSCode', 'Neovim', 'Zed', 'Jetbrains-intellij', 'IntelliJ IDEA', 'PyCharm', 'Unknown', 'Unknown']);
  });

  it('maps darwin, mac and macos to macOS and capitalises the rest', () => {
    expect(['darwin', 'mac', 'macos', 'linux', 'windows', 'wsl', null].map(displayOsName)).toEqual([
      'macOS',
      'macOS',
      'macOS',
      'Linux',
      'Windows',
      'WSL',
      'Unknown',
    ]);
  });

  it('canonicalises languages through linguist names and aliases', () => {
    expect(['TypeScript', 'typescript', 'ts', 'cpp', 'golang', 'Brainfuck', null, 'Other'].map(displayLanguageName)).toEqual([
      'TypeScript',
      'TypeScript',
      'TypeScript',
      'C++',
      'Go',
      'Brainfuck',
      'Unknown',
      'Other',
    ]);
  });

  it('gives linguist colors and #888888 otherwise', () => {
    expect(languageColor('Ruby')).toBe('#701516');
    expect(languageColor('typescript')).toBe('#3178c6');
    expect(languageColor('Text')).toBe('#888888');
    expect(languageColor('Brainfuck')).toBe('#888888');
    expect(languageColor(null)).toBe('#888888');
  });
});
