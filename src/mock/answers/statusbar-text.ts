/**
 * @module
 * `User#format_extension_text`: what the editor status bar shows for today's total, by the user's
 * `hackatime_extension_text_type`, and the goal suffix simple-text users get.
 */
import { md5Hex } from '../../world/platform.js';
import type { User } from '../../world/types.js';
import { clockEmoji, shortTimeSimple, statusbarText } from '../rails/present/format.js';
import { rubyRandomInt } from '../rails/ruby/random.js';

/** `FlavorText.compliment`, in the server's order (the index is what is drawn). */
export const COMPLIMENTS: readonly string[] = [
  "You're doing great!",
  "You're a star!",
  'Keep it up!',
  'No stopping you!',
  "You're crushing it!",
  'Look at you go!',
  'Absolute legend!',
  "You're on fire!",
  'Nailed it!',
  'Unstoppable!',
  'Way to go!',
  "You've got this!",
  'Smashing it!',
  'Total rockstar!',
  'Brilliant work!',
  "You're the best!",
  'Keep shining!',
  'Phenomenal!',
  "You're killing it!",
];

const BUCKET_SECONDS = 7 * 60;

/**
 * The compliment of a user for a 7-minute bucket of wall-clock time: Ruby's
 * `Random.new(MD5("<id>-<bucket>").to_i(16)).rand(19)`.
 */
export function compliment(userId: number, nowMs: number): string {
  const bucket = Math.floor(Math.floor(nowMs / 1000) / BUCKET_SECONDS);
  const seed = BigInt(`0x${md5Hex(`${userId}-${bucket}`)}`);
  return COMPLIMENTS[rubyRandomInt(seed, COMPLIMENTS.length)]!;
}

/** The text for `seconds` coded today, before any goal suffix. */
export function extensionText(user: Pick<User, 'id' | 'extensionTextType'>, seconds: number, nowMs: number): string {
  switch (user.extensionTextType) {
    case 'simple_text':
      return statusbarText(seconds);
    case 'clock_emoji':
      return clockEmoji(seconds);
    case 'compliment_text':
      return compliment(user.id, nowMs);
  }
}

/** `" / 4h goal"`, shown only to simple-text users who keep goals in the status bar. */
export function goalSuffix(user: Pick<User, 'extensionTextType' | 'showGoalsInStatusbar'>, targetSeconds: number): string {
  return user.extensionTextType === 'simple_text' && user.showGoalsInStatusbar ? ` / ${shortTimeSimple(targetSeconds)} goal` : '';
}
