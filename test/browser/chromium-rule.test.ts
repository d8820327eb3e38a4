/**
 * The one rule of the browser tests (./chromium.ts): which Chromium, and what a missing one means.
 * Needs no browser.
 */
import { describe, expect, it } from 'vitest';
import { chromiumPath, chromiumSkipReason } from './chromium.js';

const only = (path: string) => (p: string) => p === path;

describe('which Chromium the browser tests drive', () => {
  it('is $HACKATIME_KIT_CHROMIUM when set, else Debian’s /usr/bin/chromium', () => {
    expect(chromiumPath({ HACKATIME_KIT_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ HACKATIME_KIT_CHROMIUM: '' })).toBe('/usr/bin/chromium');
  });

  it('runs the tests when that executable exists', () => {
    expect(chromiumSkipReason({ HACKATIME_KIT_CHROMIUM: '/opt/chrome/chrome' }, only('/opt/chrome/chrome'))).toBeUndefined();
    expect(chromiumSkipReason({}, only('/usr/bin/chromium'))).toBeUndefined();
  });

  it('skips without it, naming what is missing and how to install it', () => {
    const reason = chromiumSkipReason({ HACKATIME_KIT_CHROMIUM: '/opt/nothing' }, only('/usr/bin/chromium'));
    expect(reason).toContain('no Chromium at /opt/nothing');
    expect(reason).toContain('apt-get install chromium');
    expect(reason).toContain('HACKATIME_KIT_CHROMIUM');
  });

  it('fails instead of skipping in CI', () => {
    expect(() => chromiumSkipReason({ CI: 'true' }, () => false)).toThrow(/must run in CI.*no Chromium at \/usr\/bin\/chromium/);
  });
});
