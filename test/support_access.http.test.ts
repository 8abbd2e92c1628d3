// Support access beyond the masked view over HTTP, with real tokens at both doors: staff ask, the
// user approves in the API, staff read the user's assets in clear and an account number decrypted
// by the API, the user reads each look and revokes; a break-glass access needs a second staff
// member; no access, an expired one or another staff member's: one refusal; each token is refused
// at the other door.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const staffPool = await makeStaffPool(db, 'staff');
const app = await testApp(t, db);
const agent = await staffPool.addStaff();
const second = await staffPool.addStaff();

const ann = await registerThroughApi(app, home, 'Ann', 'Lee');
const bob = await registerThroughApi(app, home, 'Bob', 'Ray');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');

type Method = 'GET' | 'POST';
const as = (token: string, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(token), payload });
const userId = async (token: string) => (await as(token, 'GET', '/v1/me')).json().userId as string;
const annId = await userId(ann.accessToken);
const bobId = await userId(bob.accessToken);
const ottoId = await userId(otto.accessToken);

const created = await as(ann.accessToken, 'POST', '/v1/assets', {
  assetType: 'bank_account',
  categoryCode: 'checking',
  name: 'Lee family checking',
  description: 'Joint with my sister',
  currency: 'USD',
  ownerPersonaId: ann.personaId,
  initialValue: '1200.00',
  valuedOn: '2026-01-31',
  identifier: 'DE44 5001 0517 5407 3249 31',
  details: { institutionName: 'First Bank', accountKind: 'checking' },
});
const annAsset = created.json().assetId as string;

const base = `/support/v1/tenants/${home.tenantId}/users/${annId}`;
const ask = { reason: 'Ann reports her checking account shows twice', ticketRef: 'SUP-2001', minutes: 30 };

t.test('without an access: one refusal for an ungranted user, a random id and another tenant', async (t) => {
  t.equal(created.statusCode, 201, 'Ann has a checking account with an account number');
  for (const [what, user] of [
    ['an ungranted user', annId],
    ['a random id', randomUUID()],
    ["another tenant's user", ottoId],
  ]) {
    const users = `/support/v1/tenants/${home.tenantId}/users/${user}`;
    const assets = await as(agent.accessToken, 'GET', `${users}/assets`);
    t.same([assets.statusCode, assets.json().code], [403, 'support_access_required'], `${what}: assets refused`);
    const number = await as(agent.accessToken, 'GET', `${users}/assets/${annAsset}/account-number`);
    t.same(
      [number.statusCode, number.json().code],
      [403, 'support_access_required'],
      `${what}: account number refused`,
    );
    t.notOk(assets.body.includes('Lee family') || number.body.includes('3249'), 'nothing of the asset in the answer');
  }
});

t.test('the doors: tenant tokens never reach the new support routes, staff tokens never the user routes', async (t) => {
  for (const [method, url] of [
    ['GET', `${base}/assets`],
    ['GET', `${base}/access-requests`],
    ['POST', `${base}/access-requests`],
    ['POST', `${base}/break-glass`],
  ] as const) {
    const res = await as(ann.accessToken, method, url, method === 'POST' ? ask : undefined);
    t.same([res.statusCode, res.json().code], [401, 'token_client_unknown'], `Ann's token at ${method} ${url}: 401`);
  }
  for (const [method, url] of [
    ['GET', '/v1/me/support-access-requests'],
    ['GET', '/v1/me/support-access-events'],
    ['POST', `/v1/me/support-access-requests/${randomUUID()}/approve`],
  ] as const) {
    const res = await as(agent.accessToken, method, url);
    t.same([res.statusCode, res.json().code], [401, 'token_client_unknown'], `a staff token at ${method} ${url}: 401`);
  }
});

t.test(
  'consent: asked, approved by Ann, her assets and account number in clear, each look hers to read, revoked',
  async (t) => {
    const asked = await as(agent.accessToken, 'POST', `${base}/access-requests`, ask);
    t.equal(asked.statusCode, 201, 'asked: 201');
    const request = asked.json();
    t.same([request.state, request.requestedBy], ['pending', `cognito:${agent.sub}`], 'pending, naming the agent');
    const tooLong = await as(agent.accessToken, 'POST', `${base}/access-requests`, { ...ask, minutes: 1441 });
    t.equal(tooLong.statusCode, 400, 'more than a day: 400');

    const pending = await as(ann.accessToken, 'GET', '/v1/me/support-access-requests?state=pending');
    t.equal(pending.statusCode, 200, 'Ann lists her requests');
    t.same(
      pending.json().items.map((r: { requestId: string; reason: string }) => [r.requestId, r.reason]),
      [[request.requestId, ask.reason]],
      'she sees what support asked and why',
    );
    t.notOk(pending.body.includes(agent.sub), 'not which staff member');
    const bobTries = await as(bob.accessToken, 'POST', `/v1/me/support-access-requests/${request.requestId}/approve`);
    t.same([bobTries.statusCode, bobTries.json().code], [404, 'access_request_not_found'], 'Bob cannot approve it');
    const ottoTries = await as(otto.accessToken, 'POST', `/v1/me/support-access-requests/${request.requestId}/approve`);
    t.same([ottoTries.statusCode, ottoTries.json().code], [404, 'access_request_not_found'], 'nor can Otto');

    const approved = await as(ann.accessToken, 'POST', `/v1/me/support-access-requests/${request.requestId}/approve`);
    t.equal(approved.statusCode, 200, 'Ann approves');
    t.equal(approved.json().state, 'active', 'active');

    const assets = await as(agent.accessToken, 'GET', `${base}/assets`);
    t.equal(assets.statusCode, 200, 'the agent reads her assets');
    t.same(
      assets
        .json()
        .items.map((a: { name: string; description: string; identifierLast4: string }) => [
          a.name,
          a.description,
          a.identifierLast4,
        ]),
      [['Lee family checking', 'Joint with my sister', '4931']],
      'names and descriptions in clear, the account number still its last four',
    );
    const number = await as(agent.accessToken, 'GET', `${base}/assets/${annAsset}/account-number`);
    t.equal(number.statusCode, 200, 'the account number: 200');
    t.equal(number.json().accountNumber, 'DE44 5001 0517 5407 3249 31', 'decrypted by the API');
    const notHers = await as(agent.accessToken, 'GET', `${base}/assets/${randomUUID()}/account-number`);
    t.same([notHers.statusCode, notHers.json().code], [404, 'asset_not_found'], 'another asset id: 404');
    const colleague = await as(second.accessToken, 'GET', `${base}/assets`);
    t.equal(colleague.json().code, 'support_access_required', "another staff member cannot use the agent's access");
    const bobs = await as(agent.accessToken, 'GET', `/support/v1/tenants/${home.tenantId}/users/${bobId}/assets`);
    t.equal(bobs.json().code, 'support_access_required', 'nor does it open Bob');

    const events = await as(ann.accessToken, 'GET', '/v1/me/support-access-events');
    t.equal(events.statusCode, 200, 'Ann reads her access records');
    t.same(
      events
        .json()
        .items.map((e: { what: string; assetName: string; reason: string; ticketRef: string }) => [
          e.what,
          e.assetName,
          e.reason,
          e.ticketRef,
        ]),
      [
        ['account_number', 'Lee family checking', ask.reason, 'SUP-2001'],
        ['assets', null, ask.reason, 'SUP-2001'],
      ],
      'support viewed her account number, and her assets, on this day, because of this ticket',
    );
    t.notOk(events.body.includes(agent.sub), 'not which staff member');
    const bobEvents = await as(bob.accessToken, 'GET', '/v1/me/support-access-events');
    t.same(bobEvents.json().items, [], "Bob sees none of Ann's");

    const revoked = await as(ann.accessToken, 'POST', `/v1/me/support-access-requests/${request.requestId}/revoke`);
    t.same([revoked.statusCode, revoked.json().state], [200, 'revoked'], 'Ann revokes it early');
    const after = await as(agent.accessToken, 'GET', `${base}/assets`);
    t.equal(after.json().code, 'support_access_required', "support's next look is refused");

    const audit = await db.admin.query(
      `select distinct actor_id from audit.audit_log
      where actor_kind = 'support' and (table_name like 'app.support_access%' or table_name in
            ('support.sp_get_user_assets_unmasked', 'support.sp_get_account_number'))`,
    );
    t.same(audit.rows, [{ actor_id: `cognito:${agent.sub}` }], "every support step audited with the agent's identity");
  },
);

t.test('an access expires', async (t) => {
  const asked = (await as(agent.accessToken, 'POST', `${base}/access-requests`, ask)).json();
  await as(ann.accessToken, 'POST', `/v1/me/support-access-requests/${asked.requestId}/approve`);
  t.equal((await as(agent.accessToken, 'GET', `${base}/assets`)).statusCode, 200, 'approved: 200');
  await db.admin.query(
    `update app.support_access_requests set decided_at = decided_at - interval '1 hour',
            expires_at = expires_at - interval '1 hour' where id = $1`,
    [asked.requestId],
  );
  const expired = await as(agent.accessToken, 'GET', `${base}/assets/${annAsset}/account-number`);
  t.same([expired.statusCode, expired.json().code], [403, 'support_access_required'], 'expired: refused');
  const listed = await as(ann.accessToken, 'GET', '/v1/me/support-access-requests?state=expired');
  t.same(
    listed.json().items.map((r: { requestId: string }) => r.requestId),
    [asked.requestId],
    'Ann sees it expired',
  );
});

t.test('break-glass: a second staff member approves; the user sees it afterwards', async (t) => {
  const bobBase = `/support/v1/tenants/${home.tenantId}/users/${bobId}`;
  const opened = await as(agent.accessToken, 'POST', `${bobBase}/break-glass`, {
    reason: 'Fraud team: suspected account takeover, user unreachable',
    ticketRef: 'SEC-77',
    minutes: 15,
  });
  t.equal(opened.statusCode, 201, 'opened: 201');
  const { requestId } = opened.json();
  t.equal((await as(agent.accessToken, 'GET', `${bobBase}/assets`)).statusCode, 403, 'not effective yet');
  const mine = await as(bob.accessToken, 'GET', '/v1/me/support-access-requests');
  t.same(mine.json().items, [], 'Bob sees nothing until it takes effect');

  const approve = `/support/v1/tenants/${home.tenantId}/break-glass/${requestId}/approve`;
  const self = await as(agent.accessToken, 'POST', approve);
  t.same(
    [self.statusCode, self.json().code],
    [403, 'break_glass_second_staff_required'],
    'the opener cannot approve it',
  );
  const tenantToken = await as(bob.accessToken, 'POST', approve);
  t.equal(tenantToken.statusCode, 401, "a tenant user's token cannot approve it");
  const ok = await as(second.accessToken, 'POST', approve);
  t.equal(ok.statusCode, 200, 'a second staff member approves');
  t.same(
    [ok.json().state, ok.json().decidedBy, ok.json().requestedBy],
    ['active', `cognito:${second.sub}`, `cognito:${agent.sub}`],
    "effective, the opener's, approved by the second",
  );
  const twice = await as(second.accessToken, 'POST', approve);
  t.same([twice.statusCode, twice.json().code], [409, 'access_request_not_pending'], 'approving again: 409');
  t.equal((await as(agent.accessToken, 'GET', `${bobBase}/assets`)).statusCode, 200, 'the opener reads');

  const seen = await as(bob.accessToken, 'GET', '/v1/me/support-access-requests');
  t.same(
    seen.json().items.map((r: { kind: string; state: string; ticketRef: string }) => [r.kind, r.state, r.ticketRef]),
    [['break_glass', 'active', 'SEC-77']],
    'Bob sees the break-glass access as a record',
  );
  const revoke = await as(bob.accessToken, 'POST', `/v1/me/support-access-requests/${requestId}/revoke`);
  t.same([revoke.statusCode, revoke.json().code], [409, 'break_glass_not_revocable'], 'staff end it, not the user');
  const closed = await as(
    second.accessToken,
    'POST',
    `/support/v1/tenants/${home.tenantId}/access-requests/${requestId}/close`,
  );
  t.same([closed.statusCode, closed.json().state], [200, 'closed'], 'a staff member closes it early');
  t.equal((await as(agent.accessToken, 'GET', `${bobBase}/assets`)).statusCode, 403, 'closed: refused');
  const list = await as(second.accessToken, 'GET', `${bobBase}/access-requests`);
  t.same(
    list.json().items.map((r: { requestId: string; endedBy: string }) => [r.requestId, r.endedBy]),
    [[requestId, `cognito:${second.sub}`]],
    "support's list names who asked, approved and closed",
  );
});
