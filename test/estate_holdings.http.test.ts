// Entities as holdings over HTTP with real tokens: an LLC's holders, titling a house into it, its
// net worth and the owner's look-through net worth, deleting it (409 while it holds, then 204);
// another tenant's user and a user of the same tenant get a random id's answer everywhere.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const olive = await registerThroughApi(app, home, 'Olive', 'Holder');
const nina = await registerThroughApi(app, home, 'Nina', 'Neighbour');
const sid = await registerThroughApi(app, away, 'Sid', 'Foreign');

const send = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(token), payload });

t.test('an LLC holds a house: its net worth, the look-through, and its deletion', async (t) => {
  const llc = await send(olive.accessToken, 'POST', '/v1/entities', {
    entityKind: 'llc',
    name: 'Olive Holdings LLC',
    roles: [{ personaId: olive.personaId, role: 'manager' }],
  });
  t.equal(llc.statusCode, 201, llc.body);
  const { entityId } = llc.json();
  const holders = await send(olive.accessToken, 'PUT', `/v1/entities/${entityId}/interests`, {
    holders: [{ kind: 'persona', personaId: olive.personaId, percentage: '60' }],
  });
  t.equal(holders.statusCode, 200, holders.body);
  t.same(holders.json(), {
    items: [
      { kind: 'persona', personaId: olive.personaId, entityId: null, name: 'Olive Holder', percentage: '60.0000' },
    ],
  });
  t.same(
    (await send(olive.accessToken, 'GET', `/v1/entities/${entityId}/interests`)).json(),
    holders.json(),
    'GET gives what PUT stored',
  );
  const tooMuch = await send(olive.accessToken, 'PUT', `/v1/entities/${entityId}/interests`, {
    holders: [{ kind: 'persona', personaId: olive.personaId, percentage: '100.0001' }],
  });
  t.equal(tooMuch.statusCode, 400, 'above 100 is refused by the schema');
  const self = await send(olive.accessToken, 'PUT', `/v1/entities/${entityId}/interests`, {
    holders: [{ kind: 'entity', entityId, percentage: '1' }],
  });
  t.match([self.statusCode, self.json().code], [409, 'entity_cycle'], 'an entity holding itself: 409 entity_cycle');

  const house = await send(olive.accessToken, 'POST', '/v1/assets', {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'House',
    currency: 'USD',
    ownerPersonaId: olive.personaId,
    initialValue: '250000.00',
    valuedOn: '2026-01-31',
    details: {},
  });
  const { assetId } = house.json();
  const moved = await send(olive.accessToken, 'POST', `/v1/assets/${assetId}/entity-transfers`, {
    fromPersonaId: olive.personaId,
    entityId,
    percentage: '80',
    ownershipForm: 'sole',
  });
  t.equal(moved.statusCode, 200, moved.body);
  t.same(moved.json().items, [
    { personaId: null, entityId, percentage: '80.0000', form: 'sole' },
    { personaId: olive.personaId, entityId: null, percentage: '20.0000', form: 'sole' },
  ]);
  const worth = await send(olive.accessToken, 'GET', `/v1/entities/${entityId}/net-worth?asOf=2026-06-30`);
  t.equal(worth.statusCode, 200, worth.body);
  t.same(worth.json(), {
    entityId,
    asOf: '2026-06-30',
    currency: 'USD',
    totalAssets: '200000.00',
    totalLiabilities: '0.00',
    netWorth: '200000.00',
    assetCount: 1,
  });
  const nw = (lookThrough: boolean) =>
    send(
      olive.accessToken,
      'GET',
      `/v1/personas/${olive.personaId}/net-worth?asOf=2026-06-30&currency=USD&lookThrough=${lookThrough}`,
    );
  t.equal((await nw(false)).json().netWorth, '50000.00', 'her own 20%');
  t.match(
    (await nw(true)).json(),
    { personaId: olive.personaId, netWorth: '170000.00', assetCount: 1 },
    '20% + 60% of the LLC’s 80% = 68% of 250,000.00',
  );

  // Every attacker gets a random id's answer, and nothing changes.
  const probes: Array<[string, 'GET' | 'PUT' | 'POST' | 'DELETE', (id: string) => string, object?]> = [
    ['net worth', 'GET', (id) => `/v1/entities/${id}/net-worth`],
    ['holders', 'GET', (id) => `/v1/entities/${id}/interests`],
    [
      'set holders',
      'PUT',
      (id) => `/v1/entities/${id}/interests`,
      { holders: [{ kind: 'persona', personaId: olive.personaId, percentage: '1' }] },
    ],
    ['delete', 'DELETE', (id) => `/v1/entities/${id}`],
  ];
  for (const [what, method, url, body] of probes) {
    const random = await send(olive.accessToken, method, url(randomUUID()), body);
    t.match([random.statusCode, random.json().code], [404, 'entity_not_found'], `${what}: a random id is 404`);
    for (const [who, token] of [
      ['a user of the same tenant', nina.accessToken],
      ["another tenant's user", sid.accessToken],
    ] as const) {
      const res = await send(token, method, url(entityId), body);
      t.same([res.statusCode, res.json().code], [404, 'entity_not_found'], `${what}: ${who} gets the same`);
      t.notOk(res.body.includes('Olive'), 'and nothing of Olive');
    }
  }
  const lookingIn = await send(sid.accessToken, 'GET', `/v1/personas/${olive.personaId}/net-worth?lookThrough=true`);
  t.same([lookingIn.statusCode, lookingIn.json().code], [404, 'persona_not_found'], "Olive's look-through: 404");
  const intoTheirs = await send(nina.accessToken, 'POST', `/v1/assets/${assetId}/entity-transfers`, {
    fromPersonaId: olive.personaId,
    entityId,
    percentage: '1',
  });
  t.same([intoTheirs.statusCode, intoTheirs.json().code], [404, 'asset_not_found'], "a neighbour moving Olive's share");

  const inUse = await send(olive.accessToken, 'DELETE', `/v1/entities/${entityId}`);
  t.same([inUse.statusCode, inUse.json().code], [409, 'entity_in_use'], 'it holds 80% of the house: 409');
  t.equal(inUse.headers['content-type'], 'application/problem+json; charset=utf-8');
  // The fixture takes the share back (no route moves an entity's share to a persona yet).
  await db.admin.query(`delete from app.asset_ownerships where entity_id = $1`, [entityId]);
  const gone = await send(olive.accessToken, 'DELETE', `/v1/entities/${entityId}`);
  t.equal(gone.statusCode, 204, gone.body);
  t.equal((await send(olive.accessToken, 'GET', `/v1/entities/${entityId}`)).statusCode, 404, 'gone');
});

t.test("a mortgage secured by a house: the house's equity; others get a random id's answer", async (t) => {
  const create = async (body: object) => {
    const res = await send(olive.accessToken, 'POST', '/v1/assets', {
      currency: 'USD',
      ownerPersonaId: olive.personaId,
      valuedOn: '2026-01-31',
      ...body,
    });
    t.equal(res.statusCode, 201, res.body);
    return res.json().assetId as string;
  };
  const house = await create({
    assetType: 'misc',
    categoryCode: 'other',
    name: 'Cottage',
    initialValue: '300000.00',
    details: {},
  });
  const mortgage = await create({
    assetType: 'debt',
    categoryCode: 'mortgage',
    name: 'Cottage mortgage',
    initialValue: '123456.78',
    details: {
      lenderName: 'Shore Bank',
      debtKind: 'mortgage',
      interestRatePercent: '5.5',
      termMonths: 240,
      paymentAmount: '849.25',
      paymentFrequency: 'monthly',
    },
  });
  const linked = await send(olive.accessToken, 'PUT', `/v1/assets/${mortgage}/collateral`, { securedAssetId: house });
  t.equal(linked.statusCode, 200, linked.body);
  t.same(linked.json(), { debtId: mortgage, securedAssetId: house, securedAssetName: 'Cottage' });
  const equity = await send(olive.accessToken, 'GET', `/v1/assets/${house}/equity?asOf=2026-06-30&currency=USD`);
  t.equal(equity.statusCode, 200, equity.body);
  t.same(equity.json(), {
    assetId: house,
    asOf: '2026-06-30',
    currency: 'USD',
    assetValue: '300000.00',
    securedDebt: '123456.78',
    equity: '176543.22',
    debts: [
      {
        debtId: mortgage,
        name: 'Cottage mortgage',
        balance: '123456.78',
        interestRatePercent: '5.5000',
        termMonths: 240,
        paymentAmount: '849.25',
        paymentFrequency: 'monthly',
      },
    ],
  });
  const notDebt = await send(olive.accessToken, 'PUT', `/v1/assets/${house}/collateral`, { securedAssetId: mortgage });
  t.same([notDebt.statusCode, notDebt.json().code], [400, 'not_a_debt']);

  for (const [what, method, url, body] of [
    ['equity', 'GET', (id: string) => `/v1/assets/${id}/equity`, undefined],
    ['collateral', 'PUT', (id: string) => `/v1/assets/${id}/collateral`, { securedAssetId: null }],
  ] as const) {
    const random = await send(olive.accessToken, method, url(randomUUID()), body);
    t.same([random.statusCode, random.json().code], [404, 'asset_not_found'], `${what}: a random id is 404`);
    for (const [who, token] of [
      ['a user of the same tenant', nina.accessToken],
      ["another tenant's user", sid.accessToken],
    ] as const) {
      const res = await send(token, method, url(what === 'equity' ? house : mortgage), body);
      t.same([res.statusCode, res.json().code], [404, 'asset_not_found'], `${what}: ${who} gets the same`);
      t.notOk(res.body.includes('Cottage'), 'and nothing of the cottage');
    }
  }
  t.equal(
    (await send(olive.accessToken, 'GET', `/v1/assets/${house}/equity`)).json().securedDebt,
    '123456.78',
    'the attempts changed nothing',
  );
});
