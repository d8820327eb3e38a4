/**
 * @module
 * What looks like a secret or personal data in a body: a property name with a telling word in it
 * (`api_key`, `accessToken`, `email`, `last_ip`) or a value shaped like one of the server's own
 * credentials — a user API key is a UUID (`ApiKey` is `SecureRandom.uuid` on hackclub/hackatime),
 * an admin API key is `hka_` + 64 hex digits (`AdminApiKey#generate_token`) — or like an email or
 * IP address. Names are split into words, so `zip` or `keystrokes` are not a key or an IP.
 */

/** The words of a property name that make its value a secret or personal data, and what they mean. */
const SENSITIVE_WORDS: ReadonlyMap<string, string> = new Map([
  ['key', 'a key'],
  ['apikey', 'an API key'],
  ['token', 'a token'],
  ['secret', 'a secret'],
  ['password', 'a password'],
  ['passwd', 'a password'],
  ['digest', 'a password digest'],
  ['otp', 'a one-time password'],
  ['session', 'a session'],
  ['cookie', 'a cookie'],
  ['credential', 'a credential'],
  ['credentials', 'a credential'],
  ['email', 'an email address'],
  ['mail', 'an email address'],
  ['ip', 'an IP address'],
  ['phone', 'a phone number'],
  ['address', 'an address'],
  ['birthday', 'a birthday'],
]);

const SENSITIVE_VALUES: readonly [RegExp, string][] = [
  [/^hka_[0-9a-f]{64}$/i, 'an admin API key (hka_ + 64 hex digits)'],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a user API key (a UUID)'],
  [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'],
  [/^(?:\d{1,3}\.){3}\d{1,3}$/, 'an IP address'],
];

/** `lastIpAddress`, `last_ip_address`, `LAST-IP` → `last`, `ip`, `address`. */
const wordsOf = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');

/**
 * What a property looks like, when it looks like a secret or personal data: "an API key".
 * @example
 * sensitiveKind('api_key', 'abc') // 'a key'
 * sensitiveKind('owner', 'hka_' + 'a'.repeat(64)) // 'an admin API key (hka_ + 64 hex digits)'
 * sensitiveKind('zip', '12345') // undefined
 */
export function sensitiveKind(name: string, value: unknown): string | undefined {
  if (typeof value === 'string') for (const [shape, kind] of SENSITIVE_VALUES) if (shape.test(value.trim())) return kind;
  const words = wordsOf(name);
  const joined = words.join('');
  if (SENSITIVE_WORDS.has(joined)) return SENSITIVE_WORDS.get(joined);
  for (const word of words) if (SENSITIVE_WORDS.has(word)) return SENSITIVE_WORDS.get(word);
  return undefined;
}

/** The value as a report may show it: its type and length, never its text. */
export const masked = (value: unknown): string =>
  typeof value === 'string' ? `[hidden: a string of ${value.length} characters]` : `[hidden: ${value === null ? 'null' : typeof value}]`;
