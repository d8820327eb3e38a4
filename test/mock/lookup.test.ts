import { expect, it } from 'vitest';
import { ADMIN_KEY, bearer, DEMO_KEY, describeBoth, type MockTarget, READ_TOKEN } from '../helpers/mock.js';
import { credentials } from '../helpers/mock-admin.js';
import { responseSchema, validator } from '../helpers/spec.js';

async function call(
  t: MockTarget,
  operationId: string,
  path: string,
  status: number,
  headers: Record<string, string> = bearer(ADMIN_KEY),
): Promise<unknown> {
  const res = await t.fetch(path, { headers });
  const body: unknown = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(status);
  const result = validator.validate(responseSchema(operationId, status), body);
  expect(result.ok ? [] : result.issues, path).toEqual([]);
  return body;
}

describeBoth('GET /api/v1/users/lookup_email/{email}', (t) => {
  it('finds every user by each stored address and echoes the address', async () => {
    let checked = 0;
    for (const user of t.world.users) {
      for (const email of user.emails) {
        expect(await call(t, 'lookupUserByEmail', `/api/v1/users/lookup_email/${encodeURIComponent(email)}`, 200)).toEqual({
          user_id: user.id,
          email,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('answers 404 with the address as sent (exact, case-sensitive match)', async () => {
    const email = (await credentials(t)).users.find((u) => u.email !== null)!.email!;
    for (const sent of ['nobody@example.com', email.toUpperCase(), ` ${email}`]) {
      expect(await call(t, 'lookupUserByEmail', `/api/v1/users/lookup_email/${encodeURIComponent(sent)}`, 404)).toEqual({
        error: 'User not found',
        email: sent,
      });
    }
  });

  it('needs an admin key as Bearer: user keys, OAuth tokens and ?api_key get 401', async () => {
    const path = '/api/v1/users/lookup_email/nobody@example.com';
    const unauthorized = { error: 'Unauthorized' };
    for (const headers of [
      {},
      bearer(DEMO_KEY),
      bearer(READ_TOKEN),
      bearer(t.world.specialTokens.inactiveAdminKey),
      { Authorization: `Bearer\t${ADMIN_KEY}` },
    ]) {
      expect(await call(t, 'lookupUserByEmail', path, 401, headers)).toEqual(unauthorized);
    }
    expect(await call(t, 'lookupUserByEmail', `${path}?api_key=${ADMIN_KEY}`, 401, {})).toEqual(unauthorized);
  });
});

describeBoth('GET /api/v1/users/lookup_slack_uid/{slack_uid}', (t) => {
  it('finds every user with a Slack id and echoes it', async () => {
    const withSlack = t.world.users.filter((u) => u.slackUid !== null);
    expect(withSlack.length).toBeGreaterThan(5);
    for (const user of withSlack) {
      expect(await call(t, 'lookupUserBySlackUid', `/api/v1/users/lookup_slack_uid/${user.slackUid}`, 200)).toEqual({
        user_id: user.id,
        slack_uid: user.slackUid,
      });
    }
  });

  it('answers 404 with the id as received', async () => {
    const known = t.world.users.find((u) => u.slackUid !== null)!.slackUid!;
    for (const sent of ['U000000', known.toLowerCase(), String(t.world.users[0]!.id)]) {
      expect(await call(t, 'lookupUserBySlackUid', `/api/v1/users/lookup_slack_uid/${sent}`, 404)).toEqual({
        error: 'User not found',
        slack_uid: sent,
      });
    }
  });

  it('needs an admin key as Bearer: user keys and ?api_key get 401', async () => {
    const path = `/api/v1/users/lookup_slack_uid/${t.world.users.find((u) => u.slackUid !== null)!.slackUid}`;
    const unauthorized = { error: 'Unauthorized' };
    for (const headers of [{}, bearer(DEMO_KEY), bearer(READ_TOKEN)])
      expect(await call(t, 'lookupUserBySlackUid', path, 401, headers)).toEqual(unauthorized);
    expect(await call(t, 'lookupUserBySlackUid', `${path}?api_key=${ADMIN_KEY}`, 401, {})).toEqual(unauthorized);
  });
});
