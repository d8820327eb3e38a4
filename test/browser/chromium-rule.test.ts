/**
 * The one rule of the browser tests (./chromium.ts): which Chromium, and what a missing one means.
 * Needs no browser.
 */
import { describe, expect, it } from 'vitest';
import { requirementOutcome } from '../helpers/requirements.js';
import { chromiumPath, chromiumRequirement } from './chromium.js';

const only = (path: string) => (p: string) => p === path;

describe('which Chromium the browser tests drive', () => {
  it('is $HACKATIME_KIT_CHROMIUM when set, else Debian’s /usr/bin/chromium', () => {
    expect(chromiumPath({ HACKATIME_KIT_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ HACKATIME_KIT_CHROMIUM: '' })).toBe('/usr/bin/chromium');
  });

  it('runs the tests when that executable exists', () => {
    const custom = chromiumRequirement({ HACKATIME_KIT_CHROMIUM: '/opt/chrome/chrome' }, only('/opt/chrome/chrome'));
    expect(requirementOutcome(custom, {})).toBe('run');
    expect(requirementOutcome(chromiumRequirement({}, only('/usr/bin/chromium')), { CI: 'true' })).toBe('run');
  });

  it('skips without it, naming what is missing and how to install it', () => {
    const requirement = chromiumRequirement({ HACKATIME_KIT_CHROMIUM: '/opt/nothing' }, only('/usr/bin/chromium'));
    expect(requirementOutcome(requirement, {})).toBe('skip');
    expect(requirement.missing).toContain('no Chromium at /opt/nothing');
    expect(requirement.missing).toContain('apt-get install chromium');
    expect(requirement.missing).toContain('HACKATIME_KIT_CHROMIUM');
  });

  it('fails instead of skipping in CI', () => {
    expect(
      requirementOutcome(
        chromiumRequirement({}, () => false),
        { CI: 'true' },
      ),
    ).toBe('fail');
  });
});
