/**
 * The reference's ingest normalisation, rule by rule, through the API; and the parsers behind it
 * (user agent, time) on their own.
 */
import { describe, expect, it } from 'vitest';
import { normaliseTime } from '../../src/mock/ingest/heartbeat-time.js';
import { parseUserAgent } from '../../src/mock/ingest/user-agent.js';
import { basic, DEMO_KEY, describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { type HeartbeatJson, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';

const BULK = '/api/hackatime/v1/users/current/heartbeats.bulk';
const UA = 'wakatime/v1.115.2 (darwin-24.1.0-arm64) go1.23.1 cursor/0.44.11 vscode-wakatime/24.6.0';

let clock = NOW / 1000 - 5 * 3600;
const nextTime = () => (clock += 11.5);

async function ingest(
  t: MockTarget,
  items: unknown[],
  headers: Record<string, string> = {},
  contentType = 'application/json',
): Promise<HeartbeatJson[]> {
  const res = await t.fetch(BULK, {
    method: 'POST',
    headers: { ...basic(DEMO_KEY), 'Content-Type': contentType, 'User-Agent': UA, ...headers },
    body: JSON.stringify(items),
  });
  expect(res.status).toBe(201);
  const pairs = ((await res.json()) as { responses: [HeartbeatJson, number][] }).responses;
  expect(pairs.map(([, s]) => s)).toEqual(items.map(() => 201));
  return pairs.map(([row]) => row);
}

describeBoth('heartbeat ingest normalisation', (t) => {
  it('removes NUL bytes from strings, also inside dependencies', async () => {
    const [row] = await ingest(t, [
      { entity: 'src/mai\u0000n.rb', branch: 'mai\u0000n', type: 'fi\u0000le', dependencies: ['active\u0000support'], time: nextTime() },
    ]);
    expect(row).toMatchObject({ entity: 'src/main.rb', branch: 'main', type: 'file', dependencies: ['activesupport'] });
  });

  it('marks test.txt as a test entry, everything else as a direct entry', async () => {
    const rows = await ingest(t, [
      { entity: 'test.txt', time: nextTime() },
      { entity: 'src/test.txt', time: nextTime() },
    ]);
    expect(rows.map((r) => r.source_type)).toEqual(['test_entry', 'direct_entry']);
  });

  it('removes control and format characters from the project and strips it', async () => {
    const [row] = await ingest(t, [{ entity: 'a.rb', project: ' \thack\u0007ati\u200bme\n ', time: nextTime() }]);
    expect(row!.project).toBe('hackatime');
  });

  it('resolves <<LAST_LANGUAGE>> / <<LAST_BRANCH>> from the stored history of the project', async () => {
    const demo = await userWithRole(t, 'demo');
    const history = (await rawHeartbeats(t, demo.username))
      .filter((r) => r.project === 'hackatime-kit')
      .sort((a, b) => b.time - a.time || b.id - a.id);
    const latest = (field: 'language' | 'branch') =>
      history.find((r) => r[field] !== null && r[field] !== '' && !String(r[field]).startsWith('<<'))![field];
    const [row] = await ingest(t, [
      { entity: 'x.unknownext', project: 'hackatime-kit', language: '<<LAST_LANGUAGE>>', branch: '<<LAST_BRANCH>>', time: nextTime() },
    ]);
    expect(row).toMatchObject({ language: latest('language'), branch: latest('branch') });
  });

  it('resolves placeholders from earlier items of the request first, per project, and keeps <<LAST_PROJECT>>', async () => {
    const rows = await ingest(t, [
      { entity: 'a.rb', project: 'alpha-x', branch: 'main', language: 'Ruby', time: nextTime() },
      { entity: 'b.py', project: 'beta-x', branch: 'trunk', language: 'Python', time: nextTime() },
      { entity: 'b2', project: 'beta-x', branch: '<<LAST_BRANCH>>', language: '<<LAST_LANGUAGE>>', time: nextTime() },
      { entity: 'c', project: '<<LAST_PROJECT>>', branch: '<<LAST_BRANCH>>', language: '<<LAST_LANGUAGE>>', time: nextTime() },
      { entity: 'd.ts', project: 'never-seen-x', branch: '<<LAST_BRANCH>>', language: '<<LAST_LANGUAGE>>', time: nextTime() },
    ]);
    expect(rows.slice(2).map((r) => [r.project, r.branch, r.language])).toEqual([
      ['beta-x', 'trunk', 'Python'],
      ['<<LAST_PROJECT>>', 'trunk', 'Python'],
      // No history: null, and a null language is then inferred from the entity.
      ['never-seen-x', null, 'TypeScript'],
    ]);
  });

  it('infers a blank or unknown language from the entity; .luau always wins', async () => {
    const rows = await ingest(t, [
      { entity: 'src/app.ts', language: 'unknown', time: nextTime() },
      { entity: 'Dockerfile', language: '', time: nextTime() },
      { entity: 'game/init.luau', language: 'Lua', time: nextTime() },
      { entity: 'src/app.ts', language: 'Typescript', time: nextTime() },
      { entity: 'notes.zzz', language: 'unknown', time: nextTime() },
    ]);
    expect(rows.map((r) => r.language)).toEqual(['TypeScript', 'Dockerfile', 'Luau', 'Typescript', 'unknown']);
  });

  it('defaults the category to coding, browsing for domain and url entities', async () => {
    const rows = await ingest(t, [
      { entity: 'a.rb', time: nextTime() },
      { entity: 'example.com', type: 'domain', time: nextTime() },
      { entity: 'https://example.com/x', type: 'url', category: '', time: nextTime() },
      { entity: 'Claude session', type: 'app', category: 'ai coding', time: nextTime() },
    ]);
    expect(rows.map((r) => r.category)).toEqual(['coding', 'browsing', 'browsing', 'ai coding']);
  });

  it('takes user_agent from the body, else plugin, else the User-Agent header; editor and OS from it', async () => {
    const rows = await ingest(t, [
      {
        entity: 'a.rb',
        time: nextTime(),
        user_agent: 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 neovim/0.10.2 vim-wakatime/11.2.0',
        plugin: 'zed/1.0.0',
      },
      { entity: 'a.rb', time: nextTime(), user_agent: '', plugin: 'zed/1.0.0' },
      { entity: 'a.rb', time: nextTime() },
      {
        entity: 'a.rb',
        time: nextTime(),
        user_agent: 'wakatime/v1.115.2 (windows-10.0.22631-x86_64) go1.23.1 idea/2024.3.1 idea-wakatime/15.0.3',
      },
    ]);
    expect(rows.map((r) => [r.user_agent, r.editor, r.operating_system])).toEqual([
      ['wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 neovim/0.10.2 vim-wakatime/11.2.0', 'neovim', 'linux'],
      ['zed/1.0.0', 'zed', null],
      [UA, 'cursor', 'macos'],
      ['wakatime/v1.115.2 (windows-10.0.22631-x86_64) go1.23.1 idea/2024.3.1 idea-wakatime/15.0.3', 'intellijidea', 'windows'],
    ]);
  });

  it('uses the posted editor and OS only when the user agent does not give them', async () => {
    const rows = await ingest(t, [
      { entity: 'a.rb', time: nextTime(), editor: 'emacs', operating_system: 'haiku' },
      { entity: 'a.rb', time: nextTime(), user_agent: 'Mozilla', editor: 'emacs', operating_system: 'haiku' },
    ]);
    expect(rows.map((r) => [r.editor, r.operating_system])).toEqual([
      ['cursor', 'macos'],
      ['emacs', 'haiku'],
    ]);
  });

  it('prefers the posted ai_model, else the model the user agent names for ai coding', async () => {
    const agent = 'wakatime/v2.21.4 (darwin-25.5.0-arm64) go1.26.4 opus/4-8 claude-code/2.1.202';
    const rows = await ingest(t, [
      { entity: 'Claude session', type: 'app', category: 'ai coding', time: nextTime(), user_agent: agent },
      { entity: 'Claude session', type: 'app', category: 'ai coding', time: nextTime(), user_agent: agent, ai_model: 'gpt/5.3-codex' },
      { entity: 'Claude session', type: 'app', category: 'coding', time: nextTime(), user_agent: agent },
    ]);
    expect(rows.map((r) => [r.editor, r.ai_model, r.operating_system])).toEqual([
      ['claude-code', 'opus/4-8', 'macos'],
      ['claude-code', 'gpt/5.3-codex', 'macos'],
      ['opus', null, 'macos'],
    ]);
  });

  it('keeps the AI fields newer plugins send, and counts ai coding as coding time of its own category', async () => {
    const [row] = await ingest(t, [
      {
        entity: 'src/app.ts',
        category: 'ai coding',
        ai_line_changes: 12,
        human_line_changes: 4,
        ai_session: 's-1',
        ai_subscription_plan: 'pro',
        ai_input_tokens: 1200,
        ai_output_tokens: 350,
        ai_prompt_length: 80,
        time: nextTime(),
      },
    ]);
    expect(row).toMatchObject({
      category: 'ai coding',
      ai_line_changes: 12,
      human_line_changes: 4,
      ai_session: 's-1',
      ai_subscription_plan: 'pro',
      ai_input_tokens: 1200,
      ai_output_tokens: 350,
      ai_prompt_length: 80,
    });
  });

  it('takes the machine from X-Machine-Name (a blank header falls back to the body) and the IP from CF-Connecting-IP', async () => {
    const [withHeader] = await ingest(t, [{ entity: 'a.rb', machine: 'body', time: nextTime() }], {
      'X-Machine-Name': 'header-box',
      'CF-Connecting-IP': '2001:DB8::1',
    });
    const [blank] = await ingest(t, [{ entity: 'a.rb', machine: 'body', time: nextTime() }], {
      'X-Machine-Name': ' ',
      'CF-Connecting-IP': 'not-an-ip',
    });
    const [plain] = await ingest(t, [{ entity: 'a.rb', time: nextTime() }]);
    expect([withHeader!.machine, withHeader!['ip_address']]).toEqual(['header-box', '2001:db8::1']);
    expect([blank!.machine, blank!['ip_address']]).toEqual(['body', null]);
    expect(plain!['ip_address']).toBe('127.0.0.1');
  });

  it('stores one JA4 id per fingerprint', async () => {
    const ja4 = { 'CF-JA4': 't13d1516h2_8daaf6152771_02713d6af862' };
    const [a] = await ingest(t, [{ entity: 'a.rb', time: nextTime() }], ja4);
    const [b] = await ingest(t, [{ entity: 'b.rb', time: nextTime() }], ja4);
    expect(Number.isInteger(a!['ja4_id'])).toBe(true);
    expect(b!['ja4_id']).toBe(a!['ja4_id']);
  });

  it('ignores created_at, unknown keys and fields the server sets; casts what it keeps', async () => {
    const time = nextTime();
    const [row] = await ingest(t, [
      {
        entity: 'a.rb',
        time,
        created_at: '2020-01-01T00:00:00Z',
        id: 1,
        user_id: 999,
        fields_hash: 'x',
        source_type: 'test_entry',
        raw_data: 'x',
        dependencies: 'rails',
        lineno: '42',
        lines: 12.9,
        cursorpos: true,
        is_write: 'false',
        project: 'p',
        language: 5,
      },
    ]);
    const demo = await userWithRole(t, 'demo');
    expect(row).toMatchObject({
      created_at: new Date(NOW).toISOString(),
      user_id: demo.id,
      source_type: 'direct_entry',
      dependencies: [],
      lineno: 42,
      lines: 12,
      cursorpos: 1,
      is_write: false,
      language: '5',
    });
    expect(row!.id).not.toBe(1);
    expect(row!['fields_hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(row).not.toHaveProperty('raw_data');
  });

  it('de-duplicates by the hashed fields only (the IP and created_at are not among them)', async () => {
    const time = nextTime();
    const [a] = await ingest(t, [{ entity: 'h.rb', time }], { 'CF-Connecting-IP': '198.51.100.1' });
    const [same] = await ingest(t, [{ entity: 'h.rb', time, created_at: 'whenever' }], { 'CF-Connecting-IP': '198.51.100.2' });
    const [otherMachine] = await ingest(t, [{ entity: 'h.rb', time }], { 'X-Machine-Name': 'elsewhere' });
    const [otherTokens] = await ingest(t, [{ entity: 'h.rb', time, ai_output_tokens: 5 }]);
    expect(same!.id).toBe(a!.id);
    expect(new Set([a!.id, otherMachine!.id, otherTokens!.id]).size).toBe(3);
  });
});

describe('the user agent parser', () => {
  it.each([
    ['wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0', 'coding', 'vscode', 'linux', null],
    ['wakatime/v1.115.2 (darwin-24.1.0-arm64) go1.23.1 cursor/0.44.11 vscode-wakatime/24.6.0', 'coding', 'cursor', 'macos', null],
    ['wakatime/v1.115.2 (windows-10.0.26100-x86_64) go1.23.1 neovim/0.10.2 vim-wakatime/11.2.0', 'coding', 'neovim', 'windows', null],
    [
      'wakatime/v1.115.2 (linux-6.11.5-arch1-1-x86_64) go1.23.1 PyCharm/2024.3.1 PyCharm-wakatime/15.0.3',
      'coding',
      'pycharm',
      'linux',
      null,
    ],
    ['wakatime/v1.115.2 (linux-5.15.0-wsl2-x86_64) go1.23.1 zed/0.170.4 zed-wakatime/0.1.9', 'coding', 'zed', 'wsl', null],
    ['wakatime/v1.115.2 (linux-x86_64) go1.23.1 Visual Studio Code/1.96.0 vscode-wakatime/24.6.0', 'coding', 'vscode', 'linux', null],
    ['wakatime/v2.21.4 (darwin-25.5.0-arm64) go1.26.4 opus/4-8 claude-code/2.1.202', 'ai coding', 'claude-code', 'macos', 'opus/4-8'],
    // The model is the version of the copilot token; the copilot token is then the editor.
    [
      'wakatime/v1.115.2 (linux-x86_64) go1.23.1 copilot/gpt-5 vscode/1.96.0 vscode-wakatime/24.6.0',
      'ai coding',
      'copilot',
      'linux',
      'gpt-5',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 chrome-wakatime/4.0.3',
      'browsing',
      'chrome',
      'linux',
      null,
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Gecko/20100101 Firefox/133.0 firefox-wakatime/4.0.3',
      'browsing',
      'firefox',
      'macos',
      null,
    ],
    ['vscode/1.96.0 vscode-wakatime/24.6.0', 'coding', 'vscode', '', null],
    ['linux/emacs-wakatime', 'coding', 'emacs-wakatime', 'linux', null],
    ['1.2.3/sublime', 'coding', 'sublime', '', null],
    ['Mozilla', 'coding', '', '', null],
    ['', 'coding', '', '', null],
  ])('%s (%s) → editor %s, OS %s, model %s', (ua, category, editor, os, model) => {
    expect(parseUserAgent(ua, category)).toEqual({ editor, os, aiModel: model });
  });
});

/**
 * Expectations from Ruby 3.1 running the server's `normalize_heartbeat_time` (with
 * `Time.parse(value, Time.utc(2026, 8, 22, 18, 30))`), not from this code.
 */
describe('time normalisation', () => {
  const ERR_DATE = 'time must be a Unix epoch timestamp or parseable date';
  const ERR_RANGE = 'time must be Unix epoch seconds between 1000000000 and 1999999999';

  it.each([
    [1787407234.5, 1787407234.5],
    [1787407234500, 1787407234.5],
    [1787407234500000, 1787407234.5],
    ['1787407234500000000', 1787407234.5],
    ['  1787407234  ', 1787407234],
    ['2026-08-22T14:00:34Z', 1787407234],
    ['2026-08-22 10:00:34 -04:00', 1787407234],
    // Time#to_f divides integer nanoseconds by 1e9: not the nearest float to .25.
    ['2026-08-22T14:00:34.25', 1787407234.2499998],
    ['Sat, 22 Aug 2026 14:00:34 GMT', 1787407234],
    // Time's own zone table cannot read "GMT-0400": the clock time is taken as UTC.
    ['Sat Aug 22 2026 10:00:34 GMT-0400 (Eastern Daylight Time)', 1787392834],
    ['Sat Aug 22 14:00:34 UTC 2026', 1787407234],
    ['14:00', 1787407200],
    ['T14:00', 1787407200],
    ['10pm', 1787436000],
    ['3pm tomorrow', 1787410800],
    ['22 Aug', 1787356800],
    ['Aug 21', 1787270400],
    ['Aug', 1785542400],
    ['20260822T140034Z', 1787407234],
    ['2026-234', 1787356800],
    ['2026-02-30', 1772409600],
    ['22.08.2026', 1787356800],
    ['22/08/2026', 1787356800],
    ['26-08-22', 1787356800],
    ['H38.08.22', 1787356800],
    ['2026-08-22 14:00 EST', 1787425200],
    ['2026-08-22 14:00 CET', 1787407200],
    ['2026-08-22T14:00:00Z garbage', 1787407200],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTime(input, NOW)).toBe(expected);
  });

  it.each([
    ['.5e3', ERR_DATE],
    ['1_787_407_234', ERR_DATE],
    ['08/22/2026', ERR_DATE],
    ['2026-W34-6', ERR_DATE],
    ['whenever', ERR_DATE],
    ['2026-08-22T10:00:00+24:00', ERR_DATE],
    // Ruby's strip leaves U+00A0, so this is no number and Time.parse cannot read it.
    ['\u00a01787407234', ERR_DATE],
    ['x'.repeat(129), ERR_DATE],
    ['2026', ERR_RANGE],
    ['1969-01-01', ERR_RANGE],
    ['10000-01-01', ERR_RANGE],
  ])('%j fails with %j', (input, message) => {
    expect(() => normaliseTime(input, NOW)).toThrow(expect.objectContaining({ message, type: 'HeartbeatIngest::InvalidHeartbeatTime' }));
  });

  it("lets the RangeError of an hour too big for a C int through as the item's own error", () => {
    expect(() => normaliseTime('99999999999 pm', NOW)).toThrow(
      expect.objectContaining({ message: "integer 99999999999 too big to convert to `int'", type: 'RangeError' }),
    );
  });
});
