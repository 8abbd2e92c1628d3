// Family circles over HTTP with real tokens: create, invite and accept, hierarchy, pagination,
// and the same not-found for another tenant's circle.
import t from 'tap';
import { bearer, makePoolTenant, testApp, registerThroughApi, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Http');
const owner = await registered(home, 'Olga');
await activatePlan(db.api, home.tenantId, owner.sub, 'family');
const guest = await registered(home, 'Gus');
const stranger = await registered(away, 'Stan');

t.test('create, invite, accept, list and read the hierarchy', async (t) => {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/ffcs',
    headers: bearer(owner.accessToken),
    payload: { name: 'Olga family' },
  });
  t.equal(created.statusCode, 201);
  const { ffcId } = created.json();
  const invite = await app.inject({
    method: 'POST',
    url: `/v1/ffcs/${ffcId}/invitations`,
    headers: bearer(owner.accessToken),
    payload: { email: guest.email, role: 'advisor' },
  });
  t.equal(invite.statusCode, 201, 'the owner invites');
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/ffc-invitations/accept',
    headers: bearer(guest.accessToken),
    payload: { token: invite.json().token },
  });
  t.equal(accepted.statusCode, 201, 'the guest accepts');
  t.equal(accepted.json().role, 'advisor');
  const again = await app.inject({
    method: 'POST',
    url: '/v1/ffc-invitations/accept',
    headers: bearer(guest.accessToken),
    payload: { token: invite.json().token },
  });
  // Issue 10: the same person accepting again (a lost answer retried) gets the first answer.
  t.equal(again.statusCode, 201, 'accepting again answers as the first time');
  t.same(again.json(), accepted.json(), 'with the same membership');
  for (const [who, token] of [
    ['the owner', owner.accessToken],
    ["another tenant's user", stranger.accessToken],
  ] as const) {
    const other = await app.inject({
      method: 'POST',
      url: '/v1/ffc-invitations/accept',
      headers: bearer(token),
      payload: { token: invite.json().token },
    });
    t.equal(other.json().code, 'invitation_not_found', `the used token answers ${who} 404`);
  }
  const tree = await app.inject({
    method: 'GET',
    url: `/v1/ffcs/${ffcId}/hierarchy`,
    headers: bearer(guest.accessToken),
  });
  t.same(
    tree
      .json()
      .members.map((m: { firstName: string; role: string }) => [m.firstName, m.role])
      .sort(),
    [
      ['Gus', 'advisor'],
      ['Olga', 'owner'],
    ],
  );
  const page = await app.inject({
    method: 'GET',
    url: '/v1/ffcs?limit=1&offset=0',
    headers: bearer(guest.accessToken),
  });
  t.equal(page.statusCode, 200, 'query strings are coerced');
  t.same([page.json().items.length, page.json().limit], [1, 1], 'lists are paginated');
  const demote = await app.inject({
    method: 'PATCH',
    url: `/v1/ffcs/${ffcId}/members/${owner.personaId}`,
    headers: bearer(guest.accessToken),
    payload: { role: 'viewer' },
  });
  t.same([demote.statusCode, demote.json().code], [403, 'ffc_permission_denied'], 'an advisor cannot change roles');
  const last = await app.inject({
    method: 'DELETE',
    url: `/v1/ffcs/${ffcId}/members/${owner.personaId}`,
    headers: bearer(owner.accessToken),
  });
  t.same([last.statusCode, last.json().code], [409, 'last_owner'], 'the last owner cannot leave');
  const bad = await app.inject({ method: 'GET', url: '/v1/ffcs?limit=1000', headers: bearer(owner.accessToken) });
  t.same([bad.statusCode, bad.json().code], [400, 'invalid_request'], 'an out-of-range page size is refused');

  const theirs = await app.inject({
    method: 'GET',
    url: `/v1/ffcs/${ffcId}/hierarchy`,
    headers: bearer(stranger.accessToken),
  });
  t.same([theirs.statusCode, theirs.json().code], [404, 'ffc_not_found'], "another tenant's user gets not found");
  t.notMatch(theirs.body, /Olga|Gus/, 'and no names');
});

t.test('a removed member cannot come back by accepting the used invitation again (issue 10)', async (t) => {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/ffcs',
    headers: bearer(owner.accessToken),
    payload: { name: 'Olga second' },
  });
  t.equal(created.statusCode, 201, created.body);
  const { ffcId } = created.json();
  const invite = await app.inject({
    method: 'POST',
    url: `/v1/ffcs/${ffcId}/invitations`,
    headers: bearer(owner.accessToken),
    payload: { email: guest.email, role: 'member' },
  });
  const accept = () =>
    app.inject({
      method: 'POST',
      url: '/v1/ffc-invitations/accept',
      headers: bearer(guest.accessToken),
      payload: { token: invite.json().token },
    });
  t.equal((await accept()).statusCode, 201, 'the guest joins');
  const removed = await app.inject({
    method: 'DELETE',
    url: `/v1/ffcs/${ffcId}/members/${guest.personaId}`,
    headers: bearer(owner.accessToken),
  });
  t.equal(removed.statusCode, 204, removed.body);
  const again = await accept();
  t.equal(again.statusCode, 404, 'the used token does not bring a removed member back');
  t.equal(again.json().code, 'invitation_not_found');
});
