/**
 * @module
 * The hash `Date._parse` fills: what each reader of a date string may set.
 */
export interface DateFragments {
  year?: number;
  mon?: number;
  mday?: number;
  yday?: number;
  wday?: number;
  cwyear?: number;
  cweek?: number;
  cwday?: number;
  hour?: number;
  min?: number;
  sec?: number;
  /** The digits written after the seconds' decimal point (`""` when the point has none). */
  secFraction?: string;
  zone?: string;
  /** Seconds east of UTC of `zone`, when Date can read it. */
  offset?: number;
}
