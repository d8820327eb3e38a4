/**
 * @module
 * `text-matches-seconds`: a duration written as text agrees with its seconds. The formats are the
 * real server's presentation helpers (hackclub/hackatime `ApplicationHelper`): `h-m-s` is
 * `short_time_detailed` (`"1h 30m 30s"`, non-zero parts only; `""` or `"0s"` at zero), `h-m` is
 * `short_time_simple` (`"2h 30m"`, `"0m"` under a minute), `statusbar` is the status bar's
 * `simple_text` (`"Start coding!"` at zero, else `h-m`, optionally `" / 4h goal"`; the clock-emoji
 * and compliment texts of other users' settings are not durations and are not judged), `digital` is
 * `"HH:MM:SS"` (hours padded or not), `hrs-mins` is `"<h> hrs <m> mins"`.
 */
import { draftOf, type RuleImpl, stringArg } from './rule.js';
import { member, select } from './select.js';

const FORMATS = ['h-m-s', 'h-m', 'statusbar', 'digital', 'hrs-mins'] as const;
type Format = (typeof FORMATS)[number];

/** Seconds the text says, and to what precision; undefined when the text is not in the format. */
function readText(format: Format, text: string): { seconds: number; unit: 1 | 60 } | undefined {
  const n = (s: string | undefined) => Number(s ?? 0);
  switch (format) {
    case 'h-m-s': {
      if (text === '') return { seconds: 0, unit: 1 };
      const m = /^(?:(\d+)h)? ?(?:(\d+)m)? ?(?:(\d+)s)?$/.exec(text);
      return m ? { seconds: n(m[1]) * 3600 + n(m[2]) * 60 + n(m[3]), unit: 1 } : undefined;
    }
    case 'h-m':
    case 'statusbar': {
      const body = format === 'statusbar' ? text.replace(/ \/ .+ goal$/, '') : text;
      if (format === 'statusbar' && body === 'Start coding!') return { seconds: 0, unit: 1 };
      const m = /^(?:(\d+)h)? ?(?:(\d+)m)?$/.exec(body);
      return m && body !== '' ? { seconds: n(m[1]) * 3600 + n(m[2]) * 60, unit: 60 } : undefined;
    }
    case 'digital': {
      const m = /^(\d+):(\d{2}):(\d{2})$/.exec(text);
      return m ? { seconds: n(m[1]) * 3600 + n(m[2]) * 60 + n(m[3]), unit: 1 } : undefined;
    }
    case 'hrs-mins': {
      const m = /^(\d+) hrs (\d+) mins$/.exec(text);
      return m ? { seconds: n(m[1]) * 3600 + n(m[2]) * 60, unit: 60 } : undefined;
    }
  }
}

export const textMatchesSeconds: RuleImpl = {
  name: 'text-matches-seconds',
  summary: 'A duration written as text (format h-m-s, h-m, statusbar, digital, hrs-mins) agrees with its seconds.',
  judge: (inv, body) => {
    const format = stringArg(inv, 'format', 'h-m-s') as Format;
    const secondsAt = stringArg(inv, 'seconds', 'total_seconds');
    const textAt = stringArg(inv, 'text', 'text');
    return select(body, inv.at).flatMap(({ pointer, value }) => {
      const seconds = member(value, secondsAt);
      const text = member(value, textAt);
      if (typeof seconds !== 'number' || typeof text !== 'string') return [];
      const read = readText(format, text);
      // A text in another shape is the schema's business (or another user setting's), not this rule's.
      if (read === undefined) {
        if (format === 'statusbar') return [];
        return [draftOf(inv, `${pointer}/${textAt}`, `${pointer}/${textAt} "${text}" is not a ${format} duration.`, format, text)];
      }
      const expected = Math.trunc(seconds / read.unit) * read.unit;
      // At zero the status bar invites ("Start coding!") instead of showing "0m".
      const zeroAsMinutes = format === 'statusbar' && seconds === 0 && read.unit === 60;
      if (read.seconds === expected && !zeroAsMinutes) return [];
      return [
        draftOf(
          inv,
          `${pointer}/${textAt}`,
          `${pointer}/${textAt} "${text}" says ${read.seconds} s, but ${pointer}/${secondsAt} is ${seconds}.`,
          { [secondsAt]: seconds },
          text,
        ),
      ];
    });
  },
};
