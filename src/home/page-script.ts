/**
 * @module
 * The browser half of the home page: a client of the mock's own API, so it shows what a frontend
 * would get. The accounts come from `GET /__mock/credentials`, each user's year from
 * `GET /api/hackatime/v1/users/current/summaries` with that user's API key, today's board from
 * `GET /api/v1/leaderboard/daily`, and the live list from polling `GET /__mock/requests?after=N`.
 * On a mock that guards `/__mock/*` (off loopback) those two answer 401 until the reader gives the
 * admin token, which stays in this tab (`sessionStorage`) and goes to `/__mock/*` only; the
 * leaderboard, public on Hackatime, shows either way. Plain ES2020 in a string: it runs in the
 * browser, inline (no file to serve, no foreign host); the browser test runs it for real.
 */

export const HOME_SCRIPT = `'use strict';
(() => {
  const TOKEN_KEY = 'hackatime-kit-admin-token';
  const FIRST_HEATMAPS = 4;
  const MAX_ACCOUNT_ROWS = 50;
  const MAX_REQUEST_ROWS = 100;
  const POLL_MS = 1000;
  const $ = (selector) => document.querySelector(selector);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  };

  // The page is ready for a reader (and the browser test) once each part has drawn once.
  const pending = new Set(['accounts', 'heatmaps', 'leaderboard', 'requests']);
  const drawn = (part) => {
    pending.delete(part);
    if (pending.size === 0) document.documentElement.dataset.homeReady = 'true';
  };

  const adminHeaders = () => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { Authorization: 'Bearer ' + token } : {};
  };
  const getJson = async (path, headers) => {
    const response = await fetch(path, { headers: headers || {} });
    if (!response.ok) throw Object.assign(new Error(path + ' answered ' + response.status), { status: response.status });
    return response.json();
  };
  const duration = (seconds) => {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return h > 0 ? h + 'h ' + m + 'm' : m + 'm';
  };
  const addDays = (date, days) => {
    const d = new Date(date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  // navigator.clipboard needs a secure context (loopback is one); a shared mock over plain http
  // falls back to the selection.
  const copy = async (value, button) => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const area = el('textarea');
      area.value = value;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    button.textContent = 'copied';
    setTimeout(() => (button.textContent = 'copy'), 1200);
  };
  const secret = (label, value) => {
    const chip = el('span', 'secret');
    chip.append(el('span', 'label', label), el('code', '', value));
    const button = el('button', 'copy', 'copy');
    button.type = 'button';
    button.title = 'Copy ' + label;
    button.addEventListener('click', () => copy(value, button));
    chip.append(button);
    return chip;
  };

  const locked = (err) => err && err.status === 401;
  const showLock = (show) => {
    $('#lock').hidden = !show;
  };

  // Accounts.
  let world;
  const drawAccounts = () => {
    const body = $('#accounts tbody');
    body.replaceChildren();
    const filter = $('#account-filter').value.trim().toLowerCase();
    const matching = world.users.filter((u) =>
      [u.username || '', u.display_name, u.roles.join(' ')].join(' ').toLowerCase().includes(filter),
    );
    for (const user of matching.slice(0, MAX_ACCOUNT_ROWS)) {
      const row = el('tr');
      row.dataset.username = user.username || '';
      const name = el('td');
      name.append(el('strong', '', user.username || '(no username)'), el('div', 'muted', user.display_name + ' · id ' + user.id));
      const roles = el('td');
      for (const role of user.roles) roles.append(el('span', 'role', role));
      if (user.roles.length === 0) roles.append(el('span', 'muted', '—'));
      const keys = el('td', 'keys');
      for (const key of user.api_keys) keys.append(secret('API key', key));
      for (const key of user.admin_keys) keys.append(secret('admin key', key));
      for (const t of user.oauth_tokens) {
        const state = t.revoked ? ' (revoked)' : t.expired ? ' (expired)' : '';
        keys.append(secret('OAuth ' + t.scopes.join(' ') + state, t.token));
      }
      row.append(name, roles, keys);
      body.append(row);
    }
    $('#accounts-count').textContent =
      matching.length > MAX_ACCOUNT_ROWS ? 'the first ' + MAX_ACCOUNT_ROWS + ' of ' + matching.length : matching.length + ' accounts';
  };

  // Heatmaps: a GitHub-style grid of the last 53 weeks, a column a week, Sunday on top.
  const level = (seconds) => (seconds <= 0 ? 0 : seconds < 1800 ? 1 : seconds < 3600 ? 2 : seconds < 7200 ? 3 : 4);
  const shown = new Set();
  const addHeatmap = async (user) => {
    if (shown.has(user.username)) return;
    shown.add(user.username);
    const today = world.now.slice(0, 10);
    // The summaries take at most 366 days; the grid starts on the Sunday before the first of them.
    const from = addDays(today, -364);
    const first = addDays(from, -new Date(from + 'T00:00:00Z').getUTCDay());
    const box = el('figure', 'heatmap');
    box.dataset.username = user.username;
    const caption = el('figcaption', '', user.username + ' …');
    const grid = el('div', 'grid');
    box.append(caption, grid);
    $('#heatmap-list').append(box);
    const headers = { Authorization: 'Bearer ' + user.api_keys[0] };
    const summaries = await getJson('/api/hackatime/v1/users/current/summaries?start=' + from + '&end=' + today, headers);
    const byDate = new Map(summaries.data.map((day) => [day.range.date, day.grand_total]));
    let total = 0;
    let active = 0;
    for (let date = first; date <= today; date = addDays(date, 1)) {
      const day = byDate.get(date);
      const seconds = day ? day.total_seconds : 0;
      total += seconds;
      if (seconds > 0) active++;
      const cell = el('div', 'cell');
      cell.dataset.level = String(level(seconds));
      cell.dataset.date = date;
      cell.title = date + ': ' + (day ? day.text : 'nothing');
      grid.append(cell);
    }
    caption.textContent = user.username + ' — ' + duration(total) + ' over ' + active + ' days';
  };
  const drawHeatmaps = async () => {
    const candidates = world.users.filter((u) => u.username && u.api_keys.length > 0);
    const demoFirst = candidates.filter((u) => u.roles.includes('demo')).concat(candidates.filter((u) => !u.roles.includes('demo')));
    const picker = $('#heatmap-pick');
    picker.replaceChildren(el('option', '', 'another user…'));
    for (const user of demoFirst) picker.append(Object.assign(el('option', '', user.username), { value: user.username }));
    picker.onchange = () => {
      const user = candidates.find((u) => u.username === picker.value);
      picker.selectedIndex = 0;
      if (user) addHeatmap(user).catch(report);
    };
    // The first few shown at once (the demo first; a user the world gives no heartbeats only on request).
    const first = demoFirst.filter((u) => !u.roles.includes('noHeartbeats')).slice(0, FIRST_HEATMAPS);
    await Promise.all(first.map(addHeatmap));
  };

  const report = (err) => {
    const line = el('p', 'problem', String(err && err.message ? err.message : err));
    $('#problems').append(line);
  };

  const loadWorld = async () => {
    try {
      world = await getJson('/__mock/credentials', adminHeaders());
    } catch (err) {
      if (!locked(err)) throw err;
      showLock(true);
      return false;
    }
    showLock(false);
    $('#world').textContent = 'seed ' + world.seed + ' · ' + world.users.length + ' users · now ' + world.now;
    $('#legacy').replaceChildren(world.legacy_stats_key ? secret('STATS_API_KEY', world.legacy_stats_key) : '');
    $('#account-filter').oninput = drawAccounts;
    drawAccounts();
    await drawHeatmaps();
    return true;
  };

  const drawLeaderboard = async () => {
    const board = await getJson('/api/v1/leaderboard/daily');
    const body = $('#leaderboard tbody');
    body.replaceChildren();
    $('#leaderboard-range').textContent = board.start_date + ' (' + board.date_range + ')';
    for (const entry of board.entries) {
      const row = el('tr', 'entry');
      row.append(el('td', 'rank', entry.rank), el('td', '', entry.user.username), el('td', 'num', duration(entry.total_seconds)));
      body.append(row);
    }
    if (board.entries.length === 0) {
      const row = el('tr');
      row.append(el('td', 'muted', 'Nobody has coded today yet.'));
      body.append(row);
    }
  };

  // The live list, newest on top.
  let lastId = 0;
  const poll = async () => {
    try {
      const { requests } = await getJson('/__mock/requests?after=' + lastId, adminHeaders());
      const body = $('#requests tbody');
      for (const r of requests) {
        lastId = Math.max(lastId, r.id);
        const row = el('tr', r.status >= 400 ? 'failed' : '');
        row.append(
          el('td', 'muted', r.time.slice(11, 19)),
          el('td', 'method', r.method),
          el('td', 'path', r.path),
          el('td', 'num', r.status),
          el('td', 'num', r.ms.toFixed(1) + ' ms'),
          el('td', '', r.user || '—'),
        );
        body.prepend(row);
      }
      while (body.rows.length > MAX_REQUEST_ROWS) body.deleteRow(body.rows.length - 1);
    } catch (err) {
      if (!locked(err)) report(err);
    }
    drawn('requests');
    setTimeout(poll, POLL_MS);
  };

  $('#lock').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('#admin-token').value.trim());
    loadWorld().catch(report);
  });

  loadWorld()
    .catch(report)
    .finally(() => {
      drawn('accounts');
      drawn('heatmaps');
    });
  drawLeaderboard()
    .catch(report)
    .finally(() => drawn('leaderboard'));
  poll();
})();
`;
