// Acting for a person, end to end over HTTP with real tokens (issue 13, docs/legacy.md): Ben, the
// trusted user of Ada's act_for grant, does the listed things for her once the grant is approved,
// under his own sign-in, each request recorded (one ACT audit row, the changes audited as his);
// nothing before the approval, after a revocation or past the access window; never a listed
// exception (deleting, sharing, the plan, the vault); never without saying so (Acting-For); never
// Vic (a view grant), Eve (a stranger of the tenant), Otto (another tenant) or an API key. Pat,
// Ada's agent under a durable power of attorney, acts for her while her verified incapacity lasts
// and not once she signs in again. Ada sees what they did for her, and so does her executor.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { ACTING_FOR_PROCEDURES } from '../server/plugins/auth.ts';
import { inContext } from '../server/plugins/db.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { setTenantAllowedOrigins } from '../generated/tenancy.queries.ts';

const ORIGIN = 'https://app.lovelace.example';
const db = await testDatabase(t);
const home = await makePoolTenant(db, 'acting-home');
const away = await makePoolTenant(db, 'acting-away');
await db.asSupport((c) => setTenantAllowedOrigins.run({ tenantId: home.tenantId, origins: [ORIGIN] }, c));
const app = await testApp(t, db);
const withUserId = async (user: Awaited<ReturnType<typeof registerThroughApi>>) => {
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(user.accessToken) });
  return { ...user, userId: me.json().userId as string };
};
const ada = await withUserId(await registerThroughApi(app, home, 'Ada', 'Lovelace'));
const ben = await withUserId(await registerThroughApi(app, home, 'Ben', 'Lovelace'));
const vic = await withUserId(await registerThroughApi(app, home, 'Vic', 'Lovelace'));
const pat = await withUserId(await registerThroughApi(app, home, 'Pat', 'Lovelace'));
const eve = await withUserId(await registerThroughApi(app, home, 'Eve', 'Stranger'));
const otto = await withUserId(await registerThroughApi(app, away, 'Otto', 'Abroad'));

type Who = { accessToken: string };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const send = (who: Who, method: Method, url: string, payload?: object, actingFor?: string) =>
  app.inject({
    method,
    url,
    headers: { ...bearer(who.accessToken), ...(actingFor !== undefined ? { 'acting-for': actingFor } : {}) },
    ...(payload ? { payload } : {}),
  });
const ok = async (who: Who, method: Method, url: string, payload?: object, actingFor?: string) => {
  const res = await send(who, method, url, payload, actingFor);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const problem = async (who: Who, method: Method, url: string, payload?: object, actingFor?: string) => {
  const res = await send(who, method, url, payload, actingFor);
  return [res.statusCode, res.json().code];
};
const actRows = async () =>
  Number(
    (
      await db.admin.query(
        `select count(*)::int as n from audit.audit_log where operation = 'ACT' and tenant_id = $1`,
        [home.tenantId],
      )
    ).rows[0].n,
  );

await activatePlan(db.api, home.tenantId, ada.sub, 'family');
// Ada's circle holds Vic and Pat, whom she names as fiduciaries below.
const circle = await ok(ada, 'POST', '/v1/ffcs', { name: 'Lovelace family' });
for (const who of [vic, pat]) {
  const invitation = await ok(ada, 'POST', `/v1/ffcs/${circle.ffcId}/invitations`, {
    email: who.email,
    role: 'member',
  });
  await ok(who, 'POST', '/v1/ffc-invitations/accept', { token: invitation.token });
}

const cabin = await ok(ada, 'POST', '/v1/assets', {
  assetType: 'misc',
  categoryCode: 'other',
  name: 'Lake cabin',
  currency: 'USD',
  ownerPersonaId: ada.personaId,
  initialValue: '250000.00',
  valuedOn: '2026-01-15',
  details: {},
});
const netWorth = `/v1/personas/${ada.personaId}/net-worth?currency=USD`;

/** A confirmed grant of Ada's to the trusted user, with its request made `daysAgo` days ago (wait: 1 day). */
const grantTo = async (grantee: typeof ben, scope: 'view' | 'act_for') => {
  const grant = await ok(ada, 'POST', '/v1/emergency-access', { granteeUserId: grantee.userId, scope, waitDays: 1 });
  await ok(grantee, 'POST', `/v1/emergency-access/${grant.grantId}/accept`);
  await ok(ada, 'POST', `/v1/emergency-access/${grant.grantId}/confirm`);
  await ok(grantee, 'POST', `/v1/emergency-access/${grant.grantId}/request`);
  return grant.grantId as string;
};
const waitOut = (grantId: string) =>
  db.admin.query(
    `update app.emergency_access_grants set recovery_requested_at = recovery_requested_at - interval '2 days' where id = $1`,
    [grantId],
  );
const benGrant = await grantTo(ben, 'act_for');
const vicGrant = await grantTo(vic, 'view');

t.test('the catalog: exactly the listed procedures accept Acting-For, each naming itself', async (t) => {
  const { rows } = await db.admin.query<{ name: string; named: string[] }>(
    `select p.proname as name,
            array(select m[1] from regexp_matches(p.prosrc, 'acting_user_id\\(''([^'']*)''', 'g') m) as named
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'api' and p.prosrc like '%acting_user_id(%'`,
  );
  t.same(rows.map((r) => r.name).sort(), [...ACTING_FOR_PROCEDURES].sort(), 'ACTING_FOR_PROCEDURES is the catalog');
  for (const row of rows) t.same(row.named, [`api.${row.name}`], `${row.name} records itself as the procedure`);
});

t.test('nothing before the grant is approved, and nothing is recorded', async (t) => {
  const before = await actRows();
  t.same(await problem(ben, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found']);
  t.same(await problem(ben, 'GET', netWorth), [404, 'persona_not_found'], 'nor without the header');
  t.equal(await actRows(), before, 'a refused request leaves no trace');
});

t.test('an approved act_for grant: Ben reads and writes for Ada under his own name', async (t) => {
  await waitOut(benGrant);
  await waitOut(vicGrant);
  const read = await send(ben, 'GET', netWorth, undefined, ada.personaId);
  t.equal(read.statusCode, 200, read.body);
  t.match(read.json(), { personaId: ada.personaId });
  t.same(await problem(ben, 'GET', netWorth), [404, 'persona_not_found'], 'only when he says he acts for her');

  const valued = await send(
    ben,
    'POST',
    `/v1/assets/${cabin.assetId}/valuations`,
    { amount: '265000.00', valuedOn: '2026-11-01', source: 'appraisal' },
    ada.personaId,
  );
  t.equal(valued.statusCode, 201, valued.body);
  const requestId = valued.headers['x-request-id'];
  const { rows } = await db.admin.query<{ operation: string; table_name: string; actor_id: string; changes: object }>(
    `select operation, table_name, actor_id, changes from audit.audit_log where request_id = $1 order by id`,
    [requestId],
  );
  t.match(
    rows.find((r) => r.operation === 'ACT'),
    {
      table_name: 'api.sp_update_asset_value',
      actor_id: ben.sub,
      changes: { personaId: ada.personaId, agentUserId: ben.userId, via: 'emergency_access', grantId: benGrant },
    },
    'one ACT row: who, for whom, on what basis, through what',
  );
  t.ok(
    rows.some((r) => r.operation === 'INSERT' && r.table_name === 'app.asset_valuations' && r.actor_id === ben.sub),
    'the valuation itself is audited under Ben',
  );

  const created = await send(
    ben,
    'POST',
    '/v1/assets',
    {
      assetType: 'misc',
      categoryCode: 'other',
      name: 'Savings bond',
      currency: 'USD',
      ownerPersonaId: ada.personaId,
      initialValue: '1000.00',
      valuedOn: '2026-11-01',
      details: {},
    },
    ada.personaId,
  );
  t.equal(created.statusCode, 201, created.body);
  const renamed = await send(
    ben,
    'PATCH',
    `/v1/assets/${created.json().assetId}`,
    { name: 'Savings bond (series I)' },
    ada.personaId,
  );
  t.equal(renamed.statusCode, 200, renamed.body);
  const listed = await ok(ben, 'GET', `/v1/personas/${ada.personaId}/assets`, undefined, ada.personaId);
  t.same(listed.items.map((a: { name: string }) => a.name).sort(), ['Lake cabin', 'Savings bond (series I)']);
  const mine = await ok(ada, 'GET', `/v1/personas/${ada.personaId}/assets`);
  t.equal(mine.total, 2, 'Ada sees what Ben added for her');
  const moved = await send(
    ben,
    'POST',
    `/v1/personas/${ada.personaId}/addresses`,
    { line1: '1 Care Home Road', city: 'Bath', countryCode: 'GB', label: 'mailing' },
    ada.personaId,
  );
  t.equal(moved.statusCode, 201, moved.body);
  const persona = await ok(ben, 'GET', `/v1/personas/${ada.personaId}`, undefined, ada.personaId);
  t.equal(persona.firstName, 'Ada');
  t.match(JSON.stringify(persona), /1 Care Home Road/, 'her profile holds the address Ben kept for her');
});

t.test('what cannot be done for someone: refused, nothing changed', async (t) => {
  const before = await actRows();
  const cases: [Method, string, object?][] = [
    ['DELETE', `/v1/assets/${cabin.assetId}`],
    ['PATCH', `/v1/personas/${ada.personaId}`, { livingStatus: 'deceased', dateOfDeath: '2026-11-01' }],
    ['POST', `/v1/assets/${cabin.assetId}/permissions`, { granteePersonaId: ben.personaId, permission: 'edit' }],
    ['POST', '/v1/emergency-access', { granteeUserId: eve.userId, scope: 'act_for', waitDays: 1 }],
    ['POST', `/v1/emergency-access/${benGrant}/revoke`],
    ['POST', `/v1/personas/${ada.personaId}/fiduciaries`, { role: 'executor', appointeePersonaId: ben.personaId }],
    ['POST', '/v1/vault/documents', { ownerPersonaId: ada.personaId, kind: 'will', title: 'A will Ben wrote' }],
    ['GET', '/v1/me'],
    ['GET', `/v1/personas/${ada.personaId}/estate-flow?currency=USD`],
  ];
  for (const [method, url, payload] of cases)
    t.same(
      await problem(ben, method, url, payload, ada.personaId),
      [400, 'acting_for_not_supported'],
      `${method} ${url}`,
    );
  const still = await ok(ada, 'GET', `/v1/assets/${cabin.assetId}`);
  t.equal(still.assetId, cabin.assetId, 'the asset is still there');
  t.equal(await actRows(), before, 'nothing recorded');
});

t.test('whoever else names Ada: the answer a random id gets', async (t) => {
  const before = await actRows();
  t.same(await problem(vic, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'a view grant');
  t.same(await problem(eve, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'a stranger');
  t.same(await problem(otto, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'another tenant');
  t.same(
    await problem(ben, 'GET', `/v1/personas/${eve.personaId}/net-worth?currency=USD`, undefined, eve.personaId),
    [404, 'persona_not_found'],
    'someone who gave Ben nothing',
  );
  const random = randomUUID();
  t.same(await problem(ben, 'GET', `/v1/personas/${random}/net-worth?currency=USD`, undefined, random), [
    404,
    'persona_not_found',
  ]);
  t.same(
    await problem(ben, 'GET', `/v1/personas/${ben.personaId}/net-worth?currency=USD`, undefined, ben.personaId),
    [404, 'persona_not_found'],
    'nobody acts for themselves',
  );
  // Acting for Ada does not reach Eve's asset either: the acting person's reach, no more.
  const evesAsset = await ok(eve, 'POST', '/v1/assets', {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'Eve boat',
    currency: 'USD',
    ownerPersonaId: eve.personaId,
    initialValue: '10.00',
    valuedOn: '2026-01-15',
    details: {},
  });
  t.same(await problem(ben, 'GET', `/v1/assets/${evesAsset.assetId}`, undefined, ada.personaId), [
    404,
    'asset_not_found',
  ]);
  for (const bad of ['not-a-uuid', `${ada.personaId},${eve.personaId}`, 'x'.repeat(5000)])
    t.same(
      await problem(ben, 'GET', netWorth, undefined, bad),
      [400, 'invalid_acting_for'],
      `Acting-For: ${bad.slice(0, 40)}`,
    );
  t.equal(await actRows(), before + 0, 'none of it recorded (the asset read above was refused)');
});

t.test('an API key never acts for anyone', async (t) => {
  const key = await ok(ben, 'POST', '/v1/api-keys', { name: 'server', scopes: ['net_worth:read'], expiresInDays: 30 });
  const res = await app.inject({
    method: 'GET',
    url: netWorth,
    headers: { authorization: `ApiKey ${key.key}`, 'acting-for': ada.personaId },
  });
  t.same([res.statusCode, res.json().code], [403, 'api_key_not_allowed']);
});

t.test('the contract: browsers may send Acting-For; the routes that accept it say so', async (t) => {
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: netWorth,
    headers: {
      origin: ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization,acting-for',
    },
  });
  t.match(String(preflight.headers['access-control-allow-headers']).toLowerCase(), /acting-for/);
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const headerNames = (operation: { parameters?: { in: string; name: string }[] }) =>
    (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
  t.ok(headerNames(document.paths['/v1/personas/{personaId}/net-worth'].get).includes('acting-for'));
  t.ok(headerNames(document.paths['/v1/assets/{assetId}/valuations'].post).includes('acting-for'));
  t.notOk(headerNames(document.paths['/v1/assets/{assetId}'].delete).includes('acting-for'));
});

t.test('revoked or past its window: the grant opens nothing', async (t) => {
  await db.admin.query(
    `update app.emergency_access_grants set recovery_requested_at = recovery_requested_at - interval '400 days' where id = $1`,
    [benGrant],
  );
  t.same(await problem(ben, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'expired');
  await db.admin.query(
    `update app.emergency_access_grants set recovery_requested_at = recovery_requested_at + interval '400 days' where id = $1`,
    [benGrant],
  );
  t.equal((await send(ben, 'GET', netWorth, undefined, ada.personaId)).statusCode, 200, 'open again (clock restored)');
  await ok(ada, 'POST', `/v1/emergency-access/${benGrant}/revoke`);
  t.same(await problem(ben, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'revoked');
});

/** A verified life event of Ada's, as support would leave it (the path is tested in life_events.db.test.ts). */
const verified = (kind: 'incapacity' | 'death') =>
  inContext(db.admin, { tenantId: home.tenantId, actorKind: 'system', actorId: 'test', requestId: 'fixture' }, (c) =>
    c.query(
      `insert into app.life_events (tenant_id, persona_id, kind, occurred_on, reported_by_user_id, state, wait_days,
                                    evidence_kind, evidence_submitted_at, verified_by, verified_at)
       values ($1, $2, $3, date '2026-11-20', $4, 'verified', 7, 'court_letters', now(), 'cognito:fixture', now())
       returning id`,
      [home.tenantId, ada.personaId, kind, ben.userId],
    ),
  );

t.test('the agent under a power of attorney, while the incapacity lasts', async (t) => {
  const appointment = await ok(ada, 'POST', `/v1/personas/${ada.personaId}/fiduciaries`, {
    role: 'durable_poa_agent',
    appointeePersonaId: pat.personaId,
  });
  await ok(pat, 'POST', `/v1/fiduciary-appointments/${appointment.appointmentId}/accept`);
  t.same(await problem(pat, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'not before');
  await verified('incapacity');
  const valued = await send(
    pat,
    'POST',
    `/v1/assets/${cabin.assetId}/valuations`,
    { amount: '270000.00', valuedOn: '2026-11-25', source: 'statement' },
    ada.personaId,
  );
  t.equal(valued.statusCode, 201, valued.body);
  const [act] = (
    await db.admin.query(`select changes from audit.audit_log where operation = 'ACT' and request_id = $1`, [
      valued.headers['x-request-id'],
    ])
  ).rows;
  t.match(act.changes, { via: 'fiduciary', role: 'agent', agentUserId: pat.userId });
  t.same(await problem(ben, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'Ben still not');
  // Ada signs in: her incapacity ends, and with it the agent's authority.
  await ok(ada, 'POST', '/v1/sessions');
  t.same(await problem(pat, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'ended by sign-in');

  // Back at the keys, Ada reviews what was done for her; nobody else may.
  const log = `/v1/personas/${ada.personaId}/acting-for-requests?limit=100`;
  const review = await ok(ada, 'GET', log);
  t.equal(review.total, await actRows(), 'every request made acting for her');
  t.match(review.items[0], {
    agentUserId: pat.userId,
    agentName: 'Pat Lovelace',
    via: 'fiduciary:agent',
    grantId: null,
    procedureName: 'api.sp_update_asset_value',
  });
  t.ok(
    review.items.some(
      (r: { agentUserId: string; via: string; grantId: string; procedureName: string }) =>
        r.agentUserId === ben.userId &&
        r.via === 'emergency_access' &&
        r.grantId === benGrant &&
        r.procedureName === 'api.sp_create_asset',
    ),
    "Ben's asset added for her, under his grant",
  );
  for (const who of [ben, pat, eve, otto]) t.same(await problem(who, 'GET', log), [404, 'persona_not_found']);
  t.same(await problem(ben, 'GET', log, undefined, ada.personaId), [400, 'acting_for_not_supported']);
});

t.test('the executor sees every request made acting for the deceased; acting ends at death', async (t) => {
  const executor = await ok(ada, 'POST', `/v1/personas/${ada.personaId}/fiduciaries`, {
    role: 'executor',
    appointeePersonaId: vic.personaId,
  });
  await ok(vic, 'POST', `/v1/fiduciary-appointments/${executor.appointmentId}/accept`);
  const again = await grantTo(ben, 'act_for');
  await waitOut(again);
  t.equal((await send(ben, 'GET', netWorth, undefined, ada.personaId)).statusCode, 200, 'open before the death');
  await verified('death');
  t.same(await problem(ben, 'GET', netWorth, undefined, ada.personaId), [404, 'persona_not_found'], 'a death ends it');
  const reads = await ok(vic, 'GET', `/v1/personas/${ada.personaId}/estate-reads?limit=100`);
  const acting = reads.items.filter((r: { via: string }) => r.via.startsWith('act_for:'));
  t.ok(
    acting.some(
      (r: { what: string; via: string; readerUserId: string; rowId: string }) =>
        r.what === 'api.sp_update_asset_value' &&
        r.via === 'act_for:emergency_access' &&
        r.readerUserId === ben.userId &&
        r.rowId === benGrant,
    ),
    "Ben's valuation under his grant",
  );
  t.ok(
    acting.some(
      (r: { via: string; readerUserId: string }) =>
        r.via === 'act_for:fiduciary:agent' && r.readerUserId === pat.userId,
    ),
    "Pat's valuation as agent",
  );
  t.equal(acting.length, await actRows(), 'every ACT row of the tenant is Ada’s, and all are listed');
});
