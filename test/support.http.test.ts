// The support staff's door over HTTP, from both sides: staff tokens (a staff pool's) reach only
// /support/v1 and tenant tokens only /v1; an unregistered or suspended staff member, another pool,
// a forged token are refused; what staff see is masked and every call is audited with their identity.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { setStaffStatus } from '../generated/support.queries.ts';
import { accessTokenClaims, signJwt } from './helpers/tokens.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const staffPool = await makeStaffPool(db, 'staff');
const otherStaffPool = await makeStaffPool(db, 'staff2');
const app = await testApp(t, db);

const agent = await staffPool.addStaff();
const ann = await registerThroughApi(app, home, 'Ann', 'Lee');
const bob = await registerThroughApi(app, home, 'Bob', 'Ray');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');
const bobCircle = await app.inject({
  method: 'POST',
  url: '/v1/ffcs',
  headers: bearer(bob.accessToken),
  payload: { name: 'The Leeward Family' },
});

const asStaff = (token: string, method: string, url: string, payload?: object) =>
  app.inject({ method: method as 'GET', url, headers: bearer(token), payload });
const staffGet = (url: string) => asStaff(agent.accessToken, 'GET', url);
const userId = async (accessToken: string) =>
  (await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).json().userId as string;
const annId = await userId(ann.accessToken);
const ottoId = await userId(otto.accessToken);

t.test('a staff token opens the support door, and only it', async (t) => {
  const me = await staffGet('/support/v1/me');
  t.equal(me.statusCode, 200, 'GET /support/v1/me with a staff token: 200');
  t.equal(me.json().email, agent.email, 'the staff member is the one the token names');

  const tenantAtSupport = await asStaff(ann.accessToken, 'GET', '/support/v1/me');
  t.equal(tenantAtSupport.statusCode, 401, "a tenant user's token at the support door: 401");
  t.equal(tenantAtSupport.json().code, 'token_client_unknown', 'its client is unknown there');

  const staffAtTenant = await asStaff(agent.accessToken, 'GET', '/v1/me');
  t.equal(staffAtTenant.statusCode, 401, "a staff token at the tenants' door: 401");
  t.equal(staffAtTenant.json().code, 'token_client_unknown', 'its client is unknown there');
  const staffRegisters = await asStaff(agent.accessToken, 'POST', '/v1/registrations', {
    idToken: 'x.y.z',
    firstName: 'Sneaky',
    lastName: 'Staff',
  });
  t.equal(staffRegisters.statusCode, 401, 'a staff token cannot register itself as a tenant user');

  const none = await app.inject({ method: 'GET', url: '/support/v1/tenants' });
  t.equal(none.statusCode, 401, 'no token: 401');
  t.equal(none.json().code, 'token_missing', 'token_missing');
});

t.test('staff of another pool, unregistered staff, suspended staff and forged tokens are refused', async (t) => {
  const stranger = await staffPool.addStaff({ register: false });
  const res = await asStaff(stranger.accessToken, 'GET', '/support/v1/tenants');
  t.equal(res.statusCode, 403, 'a user of the staff pool who is not registered staff: 403');
  t.equal(res.json().code, 'staff_not_registered', 'staff_not_registered');

  // A member registered in one staff pool is not one of another pool's subjects.
  const other = await otherStaffPool.addStaff({ register: false });
  const otherRes = await asStaff(other.accessToken, 'GET', '/support/v1/me');
  t.equal(otherRes.json().code, 'staff_not_registered', "another staff pool's unregistered user: staff_not_registered");

  const forged = signJwt(accessTokenClaims({ issuer: staffPool.issuer, clientId: 'attackerclient1', sub: agent.sub }));
  const forgedRes = await asStaff(forged, 'GET', '/support/v1/me');
  t.equal(forgedRes.statusCode, 401, 'a token for an unregistered client of the staff pool: 401');
  const tenantIssuer = signJwt(
    accessTokenClaims({ issuer: home.issuer, clientId: staffPool.clientId, sub: agent.sub }),
  );
  t.equal(
    (await asStaff(tenantIssuer, 'GET', '/support/v1/me')).statusCode,
    401,
    "the staff client under a tenant's issuer: 401",
  );

  const suspended = await staffPool.addStaff();
  t.equal(
    (await asStaff(suspended.accessToken, 'GET', '/support/v1/me')).statusCode,
    200,
    'a new staff member gets in',
  );
  await db.asSupport((c) => setStaffStatus.run({ email: suspended.email, status: 'suspended' }, c));
  const after = await asStaff(suspended.accessToken, 'GET', '/support/v1/tenants');
  t.equal(after.statusCode, 403, 'suspended: the very next request is refused');
  t.equal(after.json().code, 'staff_inactive', 'staff_inactive');
  await db.asSupport((c) => setStaffStatus.run({ email: suspended.email, status: 'active' }, c));
  t.equal((await asStaff(suspended.accessToken, 'GET', '/support/v1/me')).statusCode, 200, 'reactivated: served again');
});

t.test('finding tenants and users shows contact data masked', async (t) => {
  const tenants = await staffGet(`/support/v1/tenants?q=${home.tenantId}`);
  t.equal(tenants.statusCode, 200, 'tenants by id');
  t.same(
    tenants.json().items.map((x: { tenantId: string }) => x.tenantId),
    [home.tenantId],
    'exactly the tenant asked for',
  );

  const byEmail = await staffGet(`/support/v1/tenants/${home.tenantId}/users?q=${encodeURIComponent(ann.email)}`);
  t.equal(byEmail.statusCode, 200, 'users by whole email');
  const [found] = byEmail.json().items;
  t.equal(found.userId, annId, 'finds Ann');
  t.equal(found.emailMasked, `${ann.email[0]}***@example.com`, 'her email masked: first letter and domain');
  t.equal(found.nameMasked, 'A*** L***', 'her name as initials');
  t.notOk(byEmail.body.includes(ann.email), 'the email itself is nowhere in the answer');

  const all = await staffGet(`/support/v1/tenants/${home.tenantId}/users?limit=10`);
  t.same(
    all
      .json()
      .items.map((x: { userId: string }) => x.userId)
      .sort(),
    [annId, await userId(bob.accessToken)].sort(),
    'the tenant has Ann and Bob',
  );
  t.notOk(all.body.includes(otto.email), "nothing of another tenant's users");

  const users = async (q: string) =>
    (await staffGet(`/support/v1/tenants/${home.tenantId}/users?q=${encodeURIComponent(q)}`))
      .json()
      .items.map((x: { userId: string }) => x.userId);
  t.same(await users('Lee'), [annId], 'a name start of 3 characters finds');
  t.same(
    await users('Le'),
    [],
    'a shorter one finds nobody by name (a masked name is not spelled out a letter at a time)',
  );
  t.same(await users('%%%'), [], 'wildcards are taken literally');

  const elsewhere = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${ottoId}/personas`);
  t.equal(elsewhere.statusCode, 404, "another tenant's user under this tenant: 404");
  t.equal(elsewhere.json().code, 'user_not_found', 'user_not_found');
  const random = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${randomUUID()}/personas`);
  t.equal(random.json().code, 'user_not_found', 'a random id: the same answer');
});

t.test("a user's personas and circles, masked", async (t) => {
  await app.inject({
    method: 'POST',
    url: `/v1/personas/${ann.personaId}/phones`,
    headers: bearer(ann.accessToken),
    payload: { phoneNumber: '+15555551234' },
  });
  await app.inject({
    method: 'POST',
    url: `/v1/personas/${ann.personaId}/addresses`,
    headers: bearer(ann.accessToken),
    payload: { line1: '1 Secret Street', city: 'Hiddenville', countryCode: 'US' },
  });
  const circle = await app.inject({
    method: 'POST',
    url: '/v1/ffcs',
    headers: bearer(ann.accessToken),
    payload: { name: 'Lee family' },
  });
  t.equal(circle.statusCode, 201, 'Ann has a circle');

  const personas = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${annId}/personas`);
  t.equal(personas.statusCode, 200, 'personas: 200');
  const [self] = personas.json().items;
  t.equal(self.personaId, ann.personaId, 'her own persona');
  t.same(self.phonesMasked, ['***-***-1234'], 'phone masked to its last four digits');
  t.same(self.addressesMasked, ['***, US'], 'address masked to its country');
  t.match(self.emailsMasked[0], /^.\*\*\*@example\.com$/, 'email masked');
  for (const secret of ['Secret Street', 'Hiddenville', '5555551234', ann.email, 'Ann', 'Lee'])
    t.notOk(personas.body.includes(secret), `"${secret}" is nowhere in the answer`);

  const circles = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${annId}/circles`);
  t.equal(circles.statusCode, 200, 'circles: 200');
  t.same(
    circles
      .json()
      .items.map((c: { ffcId: string; role: string; nameMasked: string }) => [c.ffcId, c.role, c.nameMasked]),
    [[circle.json().ffcId, 'owner', 'L***']],
    'her circle, her role, its name masked',
  );
});

t.test('a suspended user is refused on the next request, and served again once reactivated', async (t) => {
  const url = `/support/v1/tenants/${home.tenantId}/users/${annId}`;
  const res = await asStaff(agent.accessToken, 'PATCH', url, { status: 'suspended' });
  t.equal(res.statusCode, 200, 'suspended');
  t.equal(res.json().status, 'suspended', 'the reply says so');
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(ann.accessToken) });
  t.equal(me.statusCode, 403, "Ann's next request: 403");
  t.equal(me.json().code, 'user_suspended', 'user_suspended');
  await asStaff(agent.accessToken, 'PATCH', url, { status: 'active' });
  t.equal(
    (await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(ann.accessToken) })).statusCode,
    200,
    'reactivated: 200',
  );
  const bad = await asStaff(agent.accessToken, 'PATCH', url, { status: 'deactivated' });
  t.equal(bad.statusCode, 400, 'support cannot deactivate (the user closes the account)');
});

t.test("a suspended tenant's users are refused on the next request", async (t) => {
  const url = `/support/v1/tenants/${away.tenantId}`;
  t.equal((await asStaff(agent.accessToken, 'PATCH', url, { status: 'suspended' })).statusCode, 200, 'suspended');
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(otto.accessToken) });
  t.equal(me.json().code, 'tenant_inactive', "Otto's next request: tenant_inactive");
  t.equal((await asStaff(agent.accessToken, 'PATCH', url, { status: 'active' })).statusCode, 200, 'reactivated');
  t.equal(
    (await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(otto.accessToken) })).statusCode,
    200,
    'served again',
  );
});

t.test("a revoked session's token is refused; a new sign-in works", async (t) => {
  const signedIn = await app.inject({ method: 'POST', url: '/v1/sessions', headers: bearer(bob.accessToken) });
  t.equal(signedIn.statusCode, 200, 'Bob records his sign-in');
  const bobId = signedIn.json().userId as string;
  const sessions = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${bobId}/sessions`);
  t.equal(sessions.statusCode, 200, 'sessions: 200');
  t.equal(sessions.json().items.length, 1, 'one session');
  t.equal(sessions.json().items[0].revokedAt, null, 'not revoked');
  t.match(sessions.json().items[0].ipMasked, /\/(16|32)$/, 'the IP address as its network only');

  const revoked = await asStaff(
    agent.accessToken,
    'POST',
    `/support/v1/tenants/${home.tenantId}/users/${bobId}/session-revocations`,
    {},
  );
  t.equal(revoked.statusCode, 200, 'revoked');
  t.equal(revoked.json().revoked, 1, 'one session ended');
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(bob.accessToken) });
  t.equal(me.statusCode, 401, "the revoked sign-in's token: 401");
  t.equal(me.json().code, 'session_revoked', 'session_revoked');
  const fresh = await home.signIn(bob.email, bob.password);
  t.equal(
    (await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(fresh.accessToken) })).statusCode,
    200,
    'a new sign-in is served',
  );
  const list = await staffGet(`/support/v1/tenants/${home.tenantId}/users/${bobId}/sessions`);
  t.equal(list.json().items[0].revokedBy, `cognito:${agent.sub}`, 'the revocation names the staff member');
  const unknown = await asStaff(
    agent.accessToken,
    'POST',
    `/support/v1/tenants/${home.tenantId}/users/${bobId}/session-revocations`,
    { sessionId: randomUUID() },
  );
  t.equal(unknown.json().code, 'session_not_found', 'an unknown session: 404 session_not_found');
});

t.test('the audit trail: by user, by request id, and every support action in it with the staff identity', async (t) => {
  const trail = await staffGet(`/support/v1/tenants/${home.tenantId}/audit-log?userId=${annId}&limit=100`);
  t.equal(trail.statusCode, 200, 'audit by user: 200');
  const rows = trail.json().items as Array<{
    actorKind: string;
    actorId: string;
    tableName: string;
    operation: string;
    requestId: string;
  }>;
  t.ok(
    rows.some((r) => r.actorId === ann.sub && r.tableName === 'app.persona_phones'),
    'what Ann did is there',
  );
  t.ok(
    rows.some(
      (r) =>
        r.actorKind === 'support' &&
        r.actorId === `cognito:${agent.sub}` &&
        r.tableName === 'app.users' &&
        r.operation === 'UPDATE',
    ),
    "support's suspension of Ann is there, naming the staff member",
  );
  t.ok(
    rows.some(
      (r) =>
        r.operation === 'READ' &&
        r.tableName === 'support.sp_get_user_personas' &&
        r.actorId === `cognito:${agent.sub}`,
    ),
    'and so is support reading her personas',
  );
  // A circle's name often carries the family's: support reads it masked in the trail too.
  t.equal(bobCircle.statusCode, 201, 'Bob created a circle');
  const withCircle = await staffGet(
    `/support/v1/tenants/${home.tenantId}/audit-log?requestId=${String(bobCircle.headers['x-request-id'])}`,
  );
  const circleRow = (withCircle.json().items as Array<{ tableName: string; changes: Record<string, unknown> }>).find(
    (r) => r.tableName === 'app.fwd_family_circles',
  );
  t.equal(circleRow?.changes.name, '[masked]', "the circle's name is masked in the trail");
  t.notOk(withCircle.body.includes('Leeward'), 'and nowhere in the answer');
  const one = rows.find((r) => r.actorId === ann.sub)!;
  const byRequest = await staffGet(`/support/v1/tenants/${home.tenantId}/audit-log?requestId=${one.requestId}`);
  t.ok(byRequest.json().items.length >= 1, 'by request id: that request');
  t.ok(
    byRequest.json().items.every((r: { requestId: string }) => r.requestId === one.requestId),
    'and only that request',
  );
  const paged = await staffGet(`/support/v1/tenants/${home.tenantId}/audit-log?limit=1&offset=1`);
  t.equal(paged.json().items.length, 1, 'paged');
  const foreign = await staffGet(`/support/v1/tenants/${home.tenantId}/audit-log?userId=${ottoId}`);
  t.equal(foreign.json().code, 'user_not_found', "another tenant's user: user_not_found");
  const bad = await staffGet(`/support/v1/tenants/${home.tenantId}/audit-log?requestId=${'x'.repeat(65)}`);
  t.equal(bad.statusCode, 400, 'an oversized request id: 400');
});

t.test('exchange rates: set and listed, audited as the staff member', async (t) => {
  const set = await asStaff(agent.accessToken, 'POST', '/support/v1/exchange-rates', {
    baseCurrency: 'CHF',
    quoteCurrency: 'USD',
    rateDate: '2026-02-01',
    rate: '1.1234567890',
  });
  t.equal(set.statusCode, 204, 'set: 204');
  const list = await staffGet('/support/v1/exchange-rates?baseCurrency=CHF');
  t.same(
    list.json().items.map((r: { rate: string; rateDate: string }) => [r.rateDate, r.rate]),
    [['2026-02-01', '1.1234567890']],
    'listed exactly',
  );
  const audit = await db.admin.query(
    `select actor_kind, actor_id from audit.audit_log where table_name = 'app.exchange_rates' and changes ->> 'base_currency' = 'CHF'`,
  );
  t.same(audit.rows, [{ actor_kind: 'support', actor_id: `cognito:${agent.sub}` }], 'the write names the staff member');
  const number = await asStaff(agent.accessToken, 'POST', '/support/v1/exchange-rates', {
    baseCurrency: 'CHF',
    quoteCurrency: 'USD',
    rateDate: '2026-02-01',
    rate: 1.1,
  });
  t.equal(number.statusCode, 400, 'a rate sent as a JSON number: 400');
  const tenantTries = await asStaff(ann.accessToken, 'POST', '/support/v1/exchange-rates', {
    baseCurrency: 'CHF',
    quoteCurrency: 'USD',
    rateDate: '2026-02-02',
    rate: '9',
  });
  t.equal(tenantTries.statusCode, 401, 'a tenant user cannot set rates');
});

t.test(
  'contact data in clear: a grant with reason and ticket, for its holder only, until it expires, seen by the user',
  async (t) => {
    const base = `/support/v1/tenants/${home.tenantId}/users/${annId}`;
    const before = await staffGet(`${base}/personas/unmasked`);
    t.equal(before.statusCode, 403, 'no grant: 403');
    t.equal(before.json().code, 'unmask_grant_required', 'unmask_grant_required');

    const noReason = await asStaff(agent.accessToken, 'POST', `${base}/unmask-grants`, {
      reason: 'x',
      ticketRef: 'SUP-1',
    });
    t.equal(noReason.statusCode, 400, 'a reason of one character: 400');
    const granted = await asStaff(agent.accessToken, 'POST', `${base}/unmask-grants`, {
      reason: 'Ann asked us to confirm her phone number',
      ticketRef: 'SUP-4711',
      minutes: 15,
    });
    t.equal(granted.statusCode, 201, 'granted: 201');
    const grant = granted.json();
    t.ok(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime() === 15 * 60_000, 'for 15 minutes');

    // A persona Ann acts for is someone else's data: not unmasked under her grant.
    const kid = await app.inject({
      method: 'POST',
      url: '/v1/personas',
      headers: bearer(ann.accessToken),
      payload: { firstName: 'Kiddo', lastName: 'Lee' },
    });
    t.equal(kid.statusCode, 201, 'Ann manages a persona');
    const clear = await staffGet(`${base}/personas/unmasked`);
    t.equal(clear.statusCode, 200, 'with the grant: 200');
    t.same(
      clear.json().items.map((x: { linkKind: string }) => x.linkKind),
      ['self'],
      "only the user's own persona is unmasked, not the people they act for",
    );
    t.notOk(clear.body.includes('Kiddo'), 'the managed persona is nowhere in the answer');
    t.same(clear.json().items[0].phones, ['+15555551234'], 'the phone in clear');
    t.ok(clear.json().items[0].emails.includes(ann.email), 'the email in clear');

    // Bob's first sign-in was revoked above: he signs in again.
    const bobNow = await home.signIn(bob.email, bob.password);
    const colleague = await staffPool.addStaff();
    const theirs = await asStaff(colleague.accessToken, 'GET', `${base}/personas/unmasked`);
    t.equal(theirs.json().code, 'unmask_grant_required', "another staff member cannot use the agent's grant");
    const otherUser = await staffGet(
      `/support/v1/tenants/${home.tenantId}/users/${await userId(bobNow.accessToken)}/personas/unmasked`,
    );
    t.equal(otherUser.statusCode, 403, 'nor does the grant open another user');

    const access = await app.inject({ method: 'GET', url: '/v1/me/support-access', headers: bearer(ann.accessToken) });
    t.equal(access.statusCode, 200, 'Ann reads her access records');
    const [record] = access.json().items;
    t.same(
      [record.grantId, record.reason, record.ticketRef, record.viewCount],
      [grant.grantId, 'Ann asked us to confirm her phone number', 'SUP-4711', 1],
      'she sees why, which ticket, and that support looked once',
    );
    t.notOk(access.body.includes(agent.sub) || access.body.includes(agent.email), 'not which staff member');
    const bobs = await app.inject({ method: 'GET', url: '/v1/me/support-access', headers: bearer(bobNow.accessToken) });
    t.same(bobs.json().items, [], "Bob sees none of Ann's");

    // The grant's time runs out (moved back by the test: the database compares it with now()).
    await db.admin.query(
      `update app.support_unmask_grants set granted_at = granted_at - interval '1 hour', expires_at = expires_at - interval '1 hour' where id = $1`,
      [grant.grantId],
    );
    const expired = await staffGet(`${base}/personas/unmasked`);
    t.equal(expired.json().code, 'unmask_grant_required', 'expired: refused again');

    const audit = await db.admin.query(
      `select operation, actor_id from audit.audit_log
      where table_name in ('app.support_unmask_grants', 'support.sp_get_user_personas_unmasked') and actor_kind = 'support'
      order by id`,
    );
    t.same(
      audit.rows.map((r) => r.operation),
      ['INSERT', 'UPDATE', 'READ'],
      'the grant, the view count and the read are in the audit log',
    );
    t.ok(
      audit.rows.every((r) => r.actor_id === `cognito:${agent.sub}`),
      'each naming the staff member',
    );
  },
);
