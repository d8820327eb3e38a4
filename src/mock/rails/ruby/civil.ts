/**
 * @module
 * Calendar arithmetic for the Ruby date ports: day numbers for any integer year (Ruby years are
 * unbounded, JavaScript's `Date` is not), and Ruby's `Date` validity rules, which switch from the
 * Julian to the Gregorian calendar at the Italian reform (1582-10-15).
 */

export interface Civil {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month and day may overflow). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The proleptic Gregorian date of a day number (inverse of {@link daysFromCivil}). */
export function civilFromDays(days: number): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const mod = (a: number, b: number) => ((a % b) + b) % b;

export const isGregorianLeap = (year: number) => (mod(year, 4) === 0 && mod(year, 100) !== 0) || mod(year, 400) === 0;

const COMMON = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export const daysInMonth = (year: number, month: number): number => (isGregorianLeap(year) ? LEAP : COMMON)[month - 1] ?? 0;

/**
 * `Time.month_days(y, m)`: an array lookup, so a month of 0 reads December (Ruby's index -1) and
 * a month past 12 gives nothing — `Time.parse`'s offset arithmetic depends on both.
 */
export function rubyMonthDays(year: number, month: number): number | undefined {
  const table = isGregorianLeap(year) ? LEAP : COMMON;
  const index = month - 1;
  return index < 0 ? table[table.length + index] : table[index];
}

/** Whether `Date` (Italian reform) accepts this civil date: Julian before 1582-10-15, no 5–14 Oct 1582. */
export function isValidRubyCivil(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const beforeReform = year < 1582 || (year === 1582 && (month < 10 || (month === 10 && day < 15)));
  if (!beforeReform) return day <= (rubyMonthDays(year, month) ?? 0);
  if (year === 1582 && month === 10 && day >= 5) return false;
  const julianLeap = mod(year, 4) === 0;
  return day <= ((julianLeap ? LEAP : COMMON)[month - 1] ?? 0);
}

/** ISO weekday, Monday 1 … Sunday 7. */
const isoWeekday = (days: number) => mod(days + 3, 7) + 1;

/** Ruby's `wday`: Sunday 0 … Saturday 6. */
export const weekday = (days: number) => mod(days + 4, 7);

/** The day number of an ISO week date, or undefined when the week or day does not exist. */
export function daysFromCommercial(cwyear: number, cweek: number, cwday: number): number | undefined {
  if (cwday < 1 || cwday > 7 || cweek < 1) return undefined;
  const jan4 = daysFromCivil(cwyear, 1, 4);
  const week1Monday = jan4 - (isoWeekday(jan4) - 1);
  const days = week1Monday + (cweek - 1) * 7 + (cwday - 1);
  return commercialOf(days).cwyear === cwyear ? days : undefined;
}

/** The ISO week date of a day number. */
export function commercialOf(days: number): { cwyear: number; cweek: number; cwday: number } {
  const cwday = isoWeekday(days);
  const thursday = days - cwday + 4;
  const cwyear = civilFromDays(thursday).year;
  const cweek = Math.floor((thursday - daysFromCivil(cwyear, 1, 1)) / 7) + 1;
  return { cwyear, cweek, cwday };
}

/**
 * Ruby's week numbers (`%U` with `firstDay` 0 = weeks from Sunday, `%W` with 1 = from Monday;
 * week 0 holds the days before the first such weekday) of a day number.
 */
export function weeknumOf(days: number, firstDay: 0 | 1): { year: number; week: number; day: number } {
  const year = civilFromDays(days).year;
  const anchor = daysFromCivil(year, 1, 1) + 6;
  const j = days - (anchor - mod(anchor + 4 - firstDay, 7)) + 7;
  return { year, week: Math.floor(j / 7), day: mod(j, 7) };
}

/** The day number of a week-number date, or undefined when it does not exist in that year. */
export function daysFromWeeknum(year: number, week: number, day: number, firstDay: 0 | 1): number | undefined {
  const anchor = daysFromCivil(year, 1, 1) + 6;
  const days = anchor - mod(anchor + 4 - firstDay, 7) - 7 + 7 * week + day;
  const back = weeknumOf(days, firstDay);
  return back.year === year && back.week === week && back.day === day ? days : undefined;
}
