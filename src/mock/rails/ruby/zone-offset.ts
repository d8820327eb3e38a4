/**
 * @module
 * How Ruby turns a zone written in a date string into an offset. There are two different rules:
 * `Date` (and so `DateTime.parse`) knows many abbreviations and forms like `GMT+5:30`, while
 * `Time.parse` knows only the RFC 822 names, military letters and numeric offsets — any other
 * zone is silently read as the server's local zone.
 */

const H = 3600;

/**
 * The abbreviations `Date` recognises (lower case → seconds east of UTC): the classic RFC 822,
 * military and regional table (with its historical values, e.g. NDT −1:30) and common modern ones.
 */
const DATE_ZONES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    ut: 0,
    gmt: 0,
    utc: 0,
    z: 0,
    wet: 0,
    est: -5 * H,
    edt: -4 * H,
    cst: -6 * H,
    cdt: -5 * H,
    mst: -7 * H,
    mdt: -6 * H,
    pst: -8 * H,
    pdt: -7 * H,
    a: 1 * H,
    b: 2 * H,
    c: 3 * H,
    d: 4 * H,
    e: 5 * H,
    f: 6 * H,
    g: 7 * H,
    h: 8 * H,
    i: 9 * H,
    k: 10 * H,
    l: 11 * H,
    m: 12 * H,
    n: -1 * H,
    o: -2 * H,
    p: -3 * H,
    q: -4 * H,
    r: -5 * H,
    s: -6 * H,
    t: -7 * H,
    u: -8 * H,
    v: -9 * H,
    w: -10 * H,
    x: -11 * H,
    y: -12 * H,
    at: -2 * H,
    brst: -2 * H,
    ndt: -(1 * H + 1800),
    art: -3 * H,
    adt: -3 * H,
    brt: -3 * H,
    clst: -3 * H,
    nst: -(2 * H + 1800),
    ast: -4 * H,
    clt: -4 * H,
    akdt: -8 * H,
    ydt: -8 * H,
    akst: -9 * H,
    hadt: -9 * H,
    hdt: -9 * H,
    yst: -9 * H,
    ahst: -10 * H,
    cat: 2 * H,
    hast: -10 * H,
    hst: -10 * H,
    nt: -11 * H,
    idlw: -12 * H,
    bst: 1 * H,
    cet: 1 * H,
    fwt: 1 * H,
    met: 1 * H,
    mewt: 1 * H,
    mez: 1 * H,
    swt: 1 * H,
    wat: 1 * H,
    west: 1 * H,
    cest: 2 * H,
    eet: 2 * H,
    fst: 2 * H,
    mest: 2 * H,
    mesz: 2 * H,
    sast: 2 * H,
    sst: -11 * H,
    bt: 3 * H,
    eat: 3 * H,
    eest: 3 * H,
    msk: 3 * H,
    msd: 4 * H,
    zp4: 4 * H,
    zp5: 5 * H,
    ist: 5 * H + 1800,
    zp6: 6 * H,
    wast: 2 * H,
    cct: 6 * H + 1800,
    sgt: 8 * H,
    wadt: 8 * H,
    jst: 9 * H,
    kst: 9 * H,
    east: -6 * H,
    gst: 10 * H,
    eadt: 11 * H,
    idle: 12 * H,
    nzst: 12 * H,
    nzt: 12 * H,
    nzdt: 13 * H,
    acdt: 37_800,
    acst: 34_200,
    aedt: 39_600,
    aest: 36_000,
    awst: 28_800,
    hkt: 28_800,
    ict: 25_200,
    pht: 28_800,
    pkt: 18_000,
    wib: 25_200,
    wit: 32_400,
    wita: 28_800,
  }),
);

/** `"name:seconds|name:seconds"` → map. */
function zoneTable(text: string): ReadonlyMap<string, number> {
  return new Map(
    text.split('|').map((entry) => {
      const [name, seconds] = entry.split(':');
      return [name as string, Number(seconds)] as const;
    }),
  );
}

/** The Windows zone names Date also knows ("Eastern" in "Eastern Standard Time"). */
const WINDOWS_ZONES = zoneTable(
  'afghanistan:16200|alaskan:-32400|arab:10800|arabian:14400|arabic:10800|atlantic:-14400|' +
    'aus central:34200|aus eastern:36000|azores:-3600|canada central:-21600|cape verde:-3600|' +
    'caucasus:14400|cen. australia:34200|central america:-21600|central asia:21600|central europe:3600|' +
    'central european:3600|central pacific:39600|central:-21600|china:28800|dateline:-43200|' +
    'e. africa:10800|e. australia:36000|e. europe:7200|e. south america:-10800|eastern:-18000|egypt:7200|' +
    'ekaterinburg:18000|fiji:43200|fle:7200|greenland:-10800|greenwich:0|gtb:7200|hawaiian:-36000|' +
    'india:19800|iran:12600|jerusalem:7200|korea:32400|mexico:-21600|mid-atlantic:-7200|mountain:-25200|' +
    'myanmar:23400|n. central asia:21600|nepal:20700|new zealand:43200|newfoundland:-12600|' +
    'north asia east:28800|north asia:25200|pacific sa:-14400|pacific:-28800|romance:3600|russian:10800|' +
    'sa eastern:-10800|sa pacific:-18000|sa western:-14400|samoa:-39600|se asia:25200|' +
    'malay peninsula:28800|south africa:7200|sri lanka:21600|taipei:28800|tasmania:36000|tokyo:32400|' +
    'tonga:46800|us eastern:-18000|us mountain:-25200|vladivostok:36000|w. australia:28800|' +
    'w. central africa:3600|w. europe:3600|west asia:18000|west pacific:36000|yakutsk:32400',
);

/** The rarer modern abbreviations of Ruby's list. */
const MORE_ZONES = zoneTable(
  'act:-18000|acwst:31500|aft:16200|almt:21600|anast:43200|anat:43200|aoe:-43200|aqtt:18000|awdt:32400|' +
    'azost:0|azot:-3600|azst:18000|azt:14400|bnt:28800|bot:-14400|btt:21600|cast:28800|chadt:49500|' +
    'chast:45900|chost:32400|chot:28800|chst:36000|chut:36000|cidst:-14400|cist:-18000|ckt:-36000|' +
    'cot:-18000|cvt:-3600|cxt:25200|davt:25200|ddut:36000|easst:-18000|ect:-18000|egst:0|egt:-3600|' +
    'fet:10800|fjst:46800|fjt:43200|fkst:-10800|fkt:-14400|fnt:-7200|galt:-21600|gamt:-32400|get:14400|' +
    'gft:-10800|gilt:43200|gyt:-14400|hovst:28800|hovt:25200|idt:10800|iot:21600|irdt:16200|irkst:32400|' +
    'irkt:28800|irst:12600|kgt:21600|kost:39600|krast:28800|krat:25200|kuyt:14400|lhdt:39600|lhst:37800|' +
    'lint:50400|magst:43200|magt:39600|mart:-30600|mawt:18000|mht:43200|mmt:23400|mut:14400|mvt:18000|' +
    'myt:28800|nct:39600|nfdt:43200|nft:39600|novst:25200|novt:25200|npt:20700|nrt:43200|nut:-39600|' +
    'omsst:25200|omst:21600|orat:18000|pet:-18000|petst:43200|pett:43200|pgt:36000|phot:46800|pmdt:-7200|' +
    'pmst:-10800|pont:39600|pwt:32400|pyst:-10800|qyzt:21600|ret:14400|rott:-10800|sakt:39600|samt:14400|' +
    'sbt:39600|sct:14400|sret:39600|srt:-10800|syot:10800|taht:-36000|tft:18000|tjt:18000|tkt:46800|' +
    'tlt:32400|tmt:18000|tost:50400|tot:46800|trt:10800|tvt:43200|ulast:32400|ulat:28800|uyst:-7200|' +
    'uyt:-10800|uzt:18000|vet:-14400|vlast:39600|vlat:36000|vost:21600|vut:39600|wakt:43200|warst:-10800|' +
    'wft:43200|wgst:-3600|wgt:-7200|wt:0|yakst:36000|yakt:32400|yapt:36000|yekst:21600|yekt:18000',
);

/** Longest zone name Date looks up. */
const MAX_WORD_LENGTH = 17;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** Length of `word` plus the spaces before it when `text[0, length)` ends with " word" (any case). */
function endsWithWord(text: string, length: number, word: string): number {
  let n = word.length;
  if (length <= n || !isSpace(text[length - n - 1])) return 0;
  if (text.slice(length - n, length).toLowerCase() !== word) return 0;
  do n++;
  while (length > n && isSpace(text[length - n - 1]));
  return n;
}

/** Leading digits of `text` from `start`, at most `max` of them, as a number (0 for none). */
function scanDigits(text: string, start: number, max: number): { value: number; end: number } {
  let end = start;
  while (end < text.length && end - start < max && /[0-9]/.test(text[end] as string)) end++;
  return { value: end === start ? 0 : Number(text.slice(start, end)), end };
}

/**
 * `date_zone_to_diff`: seconds east of UTC for a zone string, or undefined when Date cannot
 * read it. A fractional hour offset can be a fraction of a second, as in Ruby.
 */
export function dateZoneToDiff(zone: string): number | undefined {
  let length = zone.length;
  let dst = false;
  let w = endsWithWord(zone, length, 'time');
  if (w > 0) {
    const withTime = w;
    length -= w;
    if ((w = endsWithWord(zone, length, 'standard')) > 0) length -= w;
    else if ((w = endsWithWord(zone, length, 'daylight')) > 0) {
      length -= w;
      dst = true;
    } else length += withTime;
  } else if ((w = endsWithWord(zone, length, 'dst')) > 0) {
    length -= w;
    dst = true;
  }
  const name = zone.slice(0, length).replace(/\s+/g, ' ').replace(/ $/, '');
  if (name.length > 0 && name.length <= MAX_WORD_LENGTH) {
    const lower = name.toLowerCase();
    const known = DATE_ZONES.get(lower) ?? WINDOWS_ZONES.get(lower) ?? MORE_ZONES.get(lower);
    if (known !== undefined) return known + (dst ? H : 0);
  }
  return numericZoneDiff(zone.slice(0, length));
}

function numericZoneDiff(text: string): number | undefined {
  let s = text;
  if (s.length > 3 && /^(gmt|utc)/i.test(s)) s = s.slice(3);
  const sign = s[0];
  if (sign !== '+' && sign !== '-') return undefined;
  const negative = sign === '-';
  s = s.slice(1);
  const first = /^\d*/.exec(s)?.[0] ?? '';
  let hour = first === '' ? 0 : Number(first);
  let min = 0;
  let sec = 0;
  const after = s[first.length];
  if (after === ':') {
    if (hour > 23) return undefined;
    const rest = s.slice(first.length + 1);
    const m = /^\d*/.exec(rest)?.[0] ?? '';
    min = m === '' ? 0 : Number(m);
    if (min > 59) return undefined;
    if (rest[m.length] === ':') {
      const x = /^\d*/.exec(rest.slice(m.length + 1))?.[0] ?? '';
      sec = x === '' ? 0 : Number(x);
      if (sec > 59) return undefined;
    }
  } else if (after === ',' || after === '.') {
    if (hour > 23) return undefined;
    return fractionalHour(s.slice(first.length + 1), hour, negative);
  } else if (s.length > 2) {
    // "+0530", "+530", "+053045": two-digit fields read from a fixed grid.
    const odd = s.length % 2;
    hour = scanDigits(s, 0, 2 - odd).value;
    if (s.length >= 3) min = scanDigits(s, 2 - odd, 2).value;
    if (s.length >= 5) sec = scanDigits(s, 4 - odd, 2).value;
  }
  const total = hour * H + min * 60 + sec;
  return negative ? -total : total;
}

/** "+5.5" = 5 h 30 min: the fraction is read to 7 digits, the 8th rounding half to even. */
function fractionalHour(digitsText: string, hour: number, negative: boolean): number {
  const { value, end } = scanDigits(digitsText, 0, 7);
  let sec = value;
  const next = digitsText[end];
  if (next !== undefined && next >= (sec % 2 === 1 ? '5' : '6') && next <= '9') sec++;
  sec *= 36;
  const n = end;
  const signed = negative ? -1 : 1;
  if (n <= 2) return signed * (hour * H + (n === 1 ? sec * 10 : sec));
  return signed * (hour * H + sec / 10 ** (n - 2));
}

const TIME_ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  Z: 0,
  UT: 0,
  GMT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  I: 9,
  K: 10,
  L: 11,
  M: 12,
  N: -1,
  O: -2,
  P: -3,
  Q: -4,
  R: -5,
  S: -6,
  T: -7,
  U: -8,
  V: -9,
  W: -10,
  X: -11,
  Y: -12,
};

/**
 * `Time.zone_offset`: seconds east of UTC, or undefined for a zone `Time` does not know (then
 * `Time.parse` reads the clock time in the server's zone, taken here as UTC).
 */
export function timeZoneOffset(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  const full = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(upper);
  if (full) {
    const seconds = (Number(full[2]) * 60 + Number(full[4])) * 60 + Number(full[5] ?? 0);
    return full[1] === '-' ? -seconds : seconds;
  }
  if (/^[+-]\d\d$/.test(upper)) return Number(upper) * H;
  const hours = TIME_ZONES[upper];
  return hours === undefined ? undefined : hours * H;
}

/** `Time.zone_utc?`: zones that make a parsed Time a UTC time (rendered with `Z`). */
export const isUtcZone = (zone: string) => /^(?:-00:00|-0000|-00|UTC|Z|UT)$/i.test(zone);
