/**
 * Leaderboard shadow-bans (`app/controllers/api/admin/v1/leaderboard_shadowbans_controller.rb`,
 * `User#set_leaderboard_shadowban`, `app/models/user.rb:173-189`): a ban takes the user off the public
 * boards (`app/controllers/api/v1/leaderboard_controller.rb:17-26`), lifting it puts them back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/mock/app.js';
import { MockState } from '../../src/mock/state.js';
import { createWorld } from '../../src/world/store.js';
import { adminCall, resetMock } from '../helpers/admin-api.js';
import { describeBoth, type MockTarget, NOW, SEED } from '../helpers/mock.js';
import { credentials, userWithRole } from '../helpers/mock-admin.js';

const BANS = '/api/admin/v1/leaderboard_shadowbans';

async function board(t: MockTarget): Promise<{ rank: number; user: { id: number } }[]> {
  return ((await (await t.fetch('/api/v1/leaderboard/weekly')).json()) as { entries: { rank: number; user: { id: number } }[] }).entries;
}

describeBoth('admin API: leaderboard shadow-bans', (t) => {
  beforeEach(() => resetMock(t));

  it('is for admins and above: a viewer gets 403 on all four routes (sb:5, sb:53-55)', async () => {
    const refusal = { error: 'You are not authorized to manage leaderboard shadowbans.' };
    expect(await adminCall(t, 'adminListShadowbans', BANS, 403, { as: 'viewer' })).toEqual(refusal);
    expect(await adminCall(t, 'adminSearchShadowbanUsers', `${BANS}/search_users?query=demo`, 403, { as: 'viewer' })).toEqual(refusal);
    expect(await adminCall(t, 'adminCreateShadowban', BANS, 403, { method: 'POST', body: { user_id: 999999 }, as: 'viewer' })).toEqual(
      refusal,
    );
    expect(await adminCall(t, 'adminDeleteShadowban', `${BANS}/1`, 403, { method: 'DELETE', as: 'viewer' })).toEqual(refusal);
  });

  it('lists the seeded ban with the banning admin, seconds-precision times and no admin email', async () => {
    const banned = await userWithRole(t, 'shadowBanned');
    const body = await adminCall<{
      leaderboard_shadowbans: { id: number; created_at: string; shadowbanned_by: Record<string, unknown> }[];
    }>(t, 'adminListShadowbans', BANS, 200);
    const row = body.leaderboard_shadowbans.find((u) => u.id === banned.id);
    expect(row?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(row?.shadowbanned_by).not.toHaveProperty('email');
    expect(await adminCall(t, 'adminSearchShadowbanUsers', `${BANS}/search_users?query=%20`, 200)).toEqual({ users: [] });
  });

  it('takes a user off the public boards at once, ranks renumbered, and puts them back', async () => {
    const before = await board(t);
    // The admin caller must outrank the user (`User:374-379`): the best-placed user without an admin level.
    const levels = new Map((await credentials(t)).users.map((u) => [u.id, u.admin_level]));
    const at = before.findIndex((e) => levels.get(e.user.id) === 'default');
    expect(at).toBeGreaterThanOrEqual(0);
    const target = before[at]!.user.id;
    const ban = await adminCall<{ message: string; user: { leaderboard_shadowbanned: boolean } }>(t, 'adminCreateShadowban', BANS, 201, {
      method: 'POST',
      body: { user_id: target, reason: '  Inflated time  ' },
    });
    expect(ban.message).toMatch(/ is now hidden from leaderboards\.$/);
    expect(ban.user).toMatchObject({ leaderboard_shadowbanned: true, leaderboard_shadowban_reason: 'Inflated time' });
    const during = await board(t);
    expect(during.map((e) => e.user.id)).toEqual(before.filter((_, i) => i !== at).map((e) => e.user.id));
    expect(during.map((e) => e.rank)).toEqual(during.map((_, i) => i + 1));
    const listed = await adminCall<{ leaderboard_shadowbans: { id: number }[] }>(t, 'adminListShadowbans', BANS, 200);
    expect(listed.leaderboard_shadowbans[0]?.id).toBe(target);
    await adminCall(t, 'adminDeleteShadowban', `${BANS}/${target}`, 200, { method: 'DELETE' });
    expect(await board(t)).toEqual(before);
  });

  it('needs the caller to outrank the user, then a parsable future expiry and a reason (User:173-189, :447-454)', async () => {
    const superadmin = await userWithRole(t, 'superadmin');
    const admin = await userWithRole(t, 'admin');
    const forThatUser = { error: 'You are not authorized to manage leaderboard shadowbans for that user.' };
    const post = (body: unknown, status: number, as: 'admin' | 'superadmin' = 'admin') =>
      adminCall(t, 'adminCreateShadowban', BANS, status, { method: 'POST', body, as });
    expect(await post({ user_id: 999999, reason: 'x' }, 404)).toEqual({ error: 'User not found' });
    expect(await post({ user_id: superadmin.id, reason: 'x' }, 403)).toEqual(forThatUser);
    expect(await post({ user_id: admin.id, reason: 'x' }, 403)).toEqual(forThatUser);
    const failure = (errors: string[]) => ({ error: 'Could not update leaderboard shadowban.', errors });
    expect(await post({ user_id: 1, reason: 'x', leaderboard_shadowban_expires_at: 'soon' }, 422)).toEqual(
      failure(['Leaderboard shadowban expires at is invalid']),
    );
    expect(await post({ user_id: 1, reason: ' ', leaderboard_shadowban_expires_at: '2020-01-01' }, 422)).toEqual(
      failure(["Leaderboard shadowban reason can't be blank", 'Leaderboard shadowban expires at must be in the future']),
    );
    const banned = await post({ user_id: 1, reason: 'x', leaderboard_shadowban_expires_at: '2030-01-01 12:00' }, 201);
    expect(banned).toMatchObject({ user: { leaderboard_shadowban_expires_at: '2030-01-01T12:00:00Z' } });
  });
});

/**
 * `LeaderboardShadowbanExpirationJob` (app/jobs/leaderboard_shadowban_expiration_job.rb): at its
 * expiry a ban still in place is lifted and its fields cleared. The mock lifts it when its clock
 * passes the instant; the clock here is moved by hand.
 */
describe('a shadow-ban with an expiry', () => {
  it('holds until the instant, then lapses: fields cleared, the user touched then and back on the board', async () => {
    let now = NOW;
    const world = createWorld({ seed: SEED, now: NOW, users: 9, days: 3 });
    const app = buildApp({ state: new MockState(world, {}, 'immediate'), clock: { now: () => now } });
    const t: MockTarget = { transport: 'in-process', world, fetch: async (path, init) => app.request(path, init) };
    const before = await board(t);
    const levels = new Map(world.users.map((u) => [u.id, u.adminLevel]));
    const target = before.find((e) => levels.get(e.user.id) === 'default')?.user.id as number;
    const expiry = new Date(NOW + 3_600_000).toISOString();
    await adminCall(t, 'adminCreateShadowban', BANS, 201, {
      method: 'POST',
      body: { user_id: target, reason: 'Inflated time', leaderboard_shadowban_expires_at: expiry },
    });
    const listed = async () =>
      (await adminCall<{ leaderboard_shadowbans: { id: number; updated_at: string }[] }>(t, 'adminListShadowbans', BANS, 200))
        .leaderboard_shadowbans;
    // A second before the expiry: still banned.
    now = NOW + 3_599_000;
    expect((await board(t)).some((e) => e.user.id === target)).toBe(false);
    expect((await listed()).map((u) => u.id)).toContain(target);
    // Past it: lifted at the expiry, as the job would.
    now = NOW + 7_200_000;
    expect((await listed()).map((u) => u.id)).not.toContain(target);
    const found = await adminCall<{ users: Record<string, unknown>[] }>(
      t,
      'adminSearchShadowbanUsers',
      `${BANS}/search_users?query=${target}`,
      200,
    );
    expect(found.users.find((u) => u['id'] === target)).toMatchObject({
      leaderboard_shadowbanned: false,
      leaderboard_shadowban_reason: null,
      leaderboard_shadowban_expires_at: null,
      shadowbanned_by: null,
      updated_at: expiry.replace(/\.\d{3}Z$/, 'Z'),
    });
    expect((await board(t)).map((e) => e.user.id)).toContain(target);
  });
});
