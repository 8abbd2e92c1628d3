// Issue 10's circle endpoints over HTTP, from the attacker's side: get, rename and delete a
// circle, the invitations it sent and those I received. Another tenant's user, a non-member of
// the same tenant, a weaker role and a removed member each get the answer a random id gets.
import { randomUUID } from 'node:crypto';
import t, { type Test } from 'tap';
import { bearer, makePoolTenant, testApp, registerThroughApi, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'circ-home');
const away = await makePoolTenant(db, 'circ-away');

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Circle');
type User = Awaited<ReturnType<typeof registered>>;
const call = (user: User, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(user.accessToken), ...(payload ? { payload } : {}) });

const owner = await registered(home, 'Olga');
await activatePlan(db.api, home.tenantId, owner.sub, 'family');
const admin = await registered(home, 'Ada');
const viewer = await registered(home, 'Vic');
const leaver = await registered(home, 'Lea');
const invitee = await registered(home, 'Ivy');
const outsider = await registered(home, 'Otto');
const stranger = await registered(away, 'Stan');

async function join(user: User, ffcId: string, role: string) {
  const invite = await call(owner, 'POST', `/v1/ffcs/${ffcId}/invitations`, { email: user.email, role });
  const accepted = await call(user, 'POST', '/v1/ffc-invitations/accept', { token: invite.json().token });
  if (accepted.statusCode !== 201) throw new Error(`${user.email} could not join: ${accepted.body}`);
}
const created = await call(owner, 'POST', '/v1/ffcs', { name: 'Olga family', description: 'the family' });
const ffcId = created.json().ffcId as string;
await join(admin, ffcId, 'admin');
await join(viewer, ffcId, 'viewer');
await join(leaver, ffcId, 'member');
t.equal((await call(leaver, 'DELETE', `/v1/ffcs/${ffcId}/members/${leaver.personaId}`)).statusCode, 204);

const notFound = (t: Test, res: { statusCode: number; json(): { code: string } }, who: string) => {
  t.equal(res.statusCode, 404, `${who}: 404`);
  t.equal(res.json().code, 'ffc_not_found', `${who}: ffc_not_found, as for a random id`);
};
const outsiders: [string, User][] = [
  ['another tenant', stranger],
  ['a non-member of the tenant', outsider],
  ['a removed member', leaver],
];

t.test('GET /v1/ffcs/{id}: members see it, nobody else learns it exists', async (t) => {
  const mine = await call(owner, 'GET', `/v1/ffcs/${ffcId}`);
  t.equal(mine.statusCode, 200);
  t.match(mine.json(), { ffcId, name: 'Olga family', description: 'the family', myRole: 'owner', memberCount: 3 });
  t.equal((await call(viewer, 'GET', `/v1/ffcs/${ffcId}`)).json().myRole, 'viewer', 'a viewer sees it with its role');
  for (const [who, user] of outsiders) notFound(t, await call(user, 'GET', `/v1/ffcs/${ffcId}`), who);
  notFound(t, await call(owner, 'GET', `/v1/ffcs/${randomUUID()}`), 'a random id');
});

t.test('PATCH /v1/ffcs/{id}: owners and admins rename; weaker roles and outsiders change nothing', async (t) => {
  const renamed = await call(admin, 'PATCH', `/v1/ffcs/${ffcId}`, { name: '  The Olgas ' });
  t.equal(renamed.statusCode, 200, 'an admin renames');
  t.match(renamed.json(), { name: 'The Olgas', description: 'the family', myRole: 'admin' });
  const cleared = await call(owner, 'PATCH', `/v1/ffcs/${ffcId}`, { description: null });
  t.equal(cleared.json().description, null, 'description null clears it');
  t.equal(cleared.json().name, 'The Olgas', 'and leaves the name');

  const weak = await call(viewer, 'PATCH', `/v1/ffcs/${ffcId}`, { name: 'Hijacked' });
  t.equal(weak.statusCode, 403, 'a viewer may not');
  t.equal(weak.json().code, 'ffc_permission_denied');
  for (const [who, user] of outsiders)
    notFound(t, await call(user, 'PATCH', `/v1/ffcs/${ffcId}`, { name: 'Hijacked' }), who);
  t.equal((await call(owner, 'PATCH', `/v1/ffcs/${ffcId}`, {})).statusCode, 400, 'an empty body is refused');
  t.equal(
    (await call(owner, 'PATCH', `/v1/ffcs/${ffcId}`, { name: '   ' })).json().code,
    'invalid_name',
    'a blank name is refused',
  );
  t.equal((await call(owner, 'GET', `/v1/ffcs/${ffcId}`)).json().name, 'The Olgas', 'nothing else changed the name');
});

t.test('invitations: the circle sent them (owners, admins); I received mine (verified email)', async (t) => {
  const sent = await call(admin, 'POST', `/v1/ffcs/${ffcId}/invitations`, { email: invitee.email, role: 'member' });
  t.equal(sent.statusCode, 201);
  const { invitationId } = sent.json();

  const list = await call(admin, 'GET', `/v1/ffcs/${ffcId}/invitations?limit=2`);
  t.equal(list.statusCode, 200, 'an admin lists them');
  t.equal(list.json().items.length, 2, 'a page at a time');
  t.match(list.json().items[0], { invitationId, email: invitee.email, role: 'member', status: 'pending' });
  const all = (await call(owner, 'GET', `/v1/ffcs/${ffcId}/invitations`)).json().items as { status: string }[];
  t.same(
    all.map((i) => i.status).sort(),
    ['accepted', 'accepted', 'accepted', 'pending'],
    'accepted and pending, with their status',
  );
  t.equal(JSON.stringify(all).includes('token'), false, 'no token in the list');
  const weak = await call(viewer, 'GET', `/v1/ffcs/${ffcId}/invitations`);
  t.equal(weak.statusCode, 403, 'a viewer may not list them');
  for (const [who, user] of outsiders) notFound(t, await call(user, 'GET', `/v1/ffcs/${ffcId}/invitations`), who);

  const received = await call(invitee, 'GET', '/v1/ffc-invitations');
  t.equal(received.statusCode, 200);
  t.match(received.json().items, [
    { invitationId, ffcId, ffcName: 'The Olgas', role: 'member', invitedByName: 'Ada Circle' },
  ]);
  for (const [who, user] of [...outsiders, ['the inviter', admin] as [string, User]]) {
    t.same((await call(user, 'GET', '/v1/ffc-invitations')).json().items, [], `${who} sees none of it`);
  }
  t.equal((await call(invitee, 'GET', '/v1/ffc-invitations?limit=501')).statusCode, 400, 'the page maximum holds');
});

t.test('DELETE /v1/ffcs/{id}: owners only; members, grants to it and pending invitations go with it', async (t) => {
  const asset = await call(owner, 'POST', '/v1/assets', {
    assetType: 'vehicle',
    categoryCode: 'car',
    name: 'Car',
    currency: 'USD',
    ownerPersonaId: owner.personaId,
    initialValue: '18000.00',
    valuedOn: '2026-01-31',
    details: { make: 'Volvo', model: 'V60' },
  });
  t.equal(asset.statusCode, 201, asset.body);
  const assetId = asset.json().assetId as string;
  const grant = await call(owner, 'POST', `/v1/assets/${assetId}/permissions`, {
    permission: 'view',
    granteeFfcId: ffcId,
    granteeFfcRole: 'viewer',
  });
  t.equal(grant.statusCode, 201, grant.body);
  t.equal(
    (await call(viewer, 'GET', `/v1/assets/${assetId}`)).statusCode,
    200,
    'the viewer sees the asset through the circle',
  );
  const usage = async () =>
    (
      await db.admin.query<{ quantity: string }>(
        `select quantity from app.usage_records where tenant_id = $1 and user_id = (select id from app.users where tenant_id = $1 and email = $2) and metric = 'ffcs'`,
        [home.tenantId, owner.email],
      )
    ).rows[0].quantity;
  const circlesBefore = Number(await usage());

  const byAdmin = await call(admin, 'DELETE', `/v1/ffcs/${ffcId}`);
  t.equal(byAdmin.statusCode, 403, 'an admin may not delete it');
  t.equal(byAdmin.json().code, 'ffc_permission_denied');
  for (const [who, user] of outsiders) notFound(t, await call(user, 'DELETE', `/v1/ffcs/${ffcId}`), who);
  t.equal((await call(owner, 'GET', `/v1/ffcs/${ffcId}`)).json().memberCount, 3, 'refusals changed nothing');

  t.equal((await call(owner, 'DELETE', `/v1/ffcs/${ffcId}`)).statusCode, 204, 'the owner deletes it');
  for (const [who, user] of [
    ['the owner', owner],
    ['an admin', admin],
    ['a viewer', viewer],
  ] as [string, User][]) {
    notFound(t, await call(user, 'GET', `/v1/ffcs/${ffcId}`), `${who}, afterwards`);
    const listed = (await call(user, 'GET', '/v1/ffcs')).json().items as { ffcId: string }[];
    t.notOk(
      listed.some((c) => c.ffcId === ffcId),
      `${who} no longer lists it`,
    );
  }
  t.equal((await call(viewer, 'GET', `/v1/assets/${assetId}`)).statusCode, 404, 'the grant to the circle is gone');
  t.same((await call(invitee, 'GET', '/v1/ffc-invitations')).json().items, [], 'its pending invitation is gone');
  t.equal(Number(await usage()), circlesBefore - 1, "it no longer counts against the owner's plan");
  notFound(t, await call(owner, 'DELETE', `/v1/ffcs/${ffcId}`), 'deleting it again');
  const { rows } = await db.admin.query(
    `select status from app.ffc_invitations where tenant_id = $1 and ffc_id = $2 and status = 'pending'`,
    [home.tenantId, ffcId],
  );
  t.equal(rows.length, 0, 'no pending invitation remains');
});
