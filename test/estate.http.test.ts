// Estate planning over HTTP with real tokens: a trust that holds part of a house, the house's
// beneficiaries (PUT and GET carry the same document), a level short of 100% (422), the checks.
import t from 'tap';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const olive = await registerThroughApi(app, home, 'Olive', 'Estate');
const sid = await registerThroughApi(app, away, 'Sid', 'Estate');

const send = (token: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(token), payload });

t.test('a trust holds part of the house; the house has beneficiaries; the planner sees what is left', async (t) => {
  const trust = await send(olive.accessToken, 'POST', '/v1/entities', {
    entityKind: 'revocable_trust',
    name: 'Olive Living Trust',
    effectiveDate: '2021-03-04',
    roles: [
      { personaId: olive.personaId, role: 'grantor' },
      { personaId: olive.personaId, role: 'trustee' },
    ],
  });
  t.equal(trust.statusCode, 201, trust.body);
  const { entityId } = trust.json();
  t.equal(trust.headers.location, `/v1/entities/${entityId}`);
  t.equal(trust.json().effectiveDate, '2021-03-04');

  const house = await send(olive.accessToken, 'POST', '/v1/assets', {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'House',
    currency: 'USD',
    ownerPersonaId: olive.personaId,
    initialValue: '500000.00',
    valuedOn: '2026-01-31',
    ownershipPercentage: '25',
    details: {},
  });
  t.equal(house.statusCode, 201, house.body);
  const { assetId } = house.json();
  const share = await send(olive.accessToken, 'POST', `/v1/assets/${assetId}/entity-ownerships`, {
    entityId,
    percentage: '75',
  });
  t.equal(share.statusCode, 200, share.body);
  t.match(share.json(), { ownershipForm: 'trust_owned', totalPercentage: '100.0000' }, 'trust-owned by default');
  const read = await send(olive.accessToken, 'GET', `/v1/assets/${assetId}`);
  t.match(read.json().ownerships, [
    { entityId, entityName: 'Olive Living Trust', personaId: null, percentage: '75.0000' },
  ]);

  const designation = {
    effectiveOn: '2026-02-01',
    primary: [
      { kind: 'entity', entityId, percentage: '66.6667' },
      { kind: 'estate', percentage: '33.3333' },
    ],
    contingent: [{ kind: 'persona', personaId: olive.personaId, percentage: '100', distribution: 'per_capita' }],
  };
  const put = await send(olive.accessToken, 'PUT', `/v1/assets/${assetId}/beneficiaries`, designation);
  t.equal(put.statusCode, 200, put.body);
  t.same(
    put.json(),
    {
      effectiveOn: '2026-02-01',
      primary: [
        {
          kind: 'entity',
          personaId: null,
          entityId,
          name: 'Olive Living Trust',
          percentage: '66.6667',
          distribution: null,
        },
        {
          kind: 'estate',
          personaId: null,
          entityId: null,
          name: "The owner's estate",
          percentage: '33.3333',
          distribution: null,
        },
      ],
      contingent: [
        {
          kind: 'persona',
          personaId: olive.personaId,
          entityId: null,
          name: 'Olive Estate',
          percentage: '100.0000',
          distribution: 'per_capita',
        },
      ],
    },
    'PUT answers with the stored designation',
  );
  const got = await send(olive.accessToken, 'GET', `/v1/assets/${assetId}/beneficiaries`);
  t.same(got.json(), put.json(), 'GET gives the same document');

  const short = await send(olive.accessToken, 'PUT', `/v1/assets/${assetId}/beneficiaries`, {
    primary: [{ kind: 'estate', percentage: '99.9999' }],
  });
  t.equal(short.statusCode, 422);
  t.equal(short.json().code, 'beneficiary_total_not_100');
  t.equal(short.headers['content-type'], 'application/problem+json; charset=utf-8');
  const number = await send(olive.accessToken, 'PUT', `/v1/assets/${assetId}/beneficiaries`, {
    primary: [{ kind: 'estate', percentage: 100 }],
  });
  t.equal(number.statusCode, 400, 'a percentage as a JSON number is refused by the schema');
  t.same(
    (await send(olive.accessToken, 'GET', `/v1/assets/${assetId}/beneficiaries`)).json(),
    put.json(),
    'refusals left it as it was',
  );

  for (const url of [`/v1/assets/${assetId}/beneficiaries`, `/v1/entities/${entityId}`]) {
    const foreign = await send(sid.accessToken, 'GET', url);
    t.equal(foreign.statusCode, 404, `another tenant's user: 404 on ${url}`);
    t.notOk(foreign.body.includes('Olive'), 'and nothing of Olive');
  }

  const checks = await send(olive.accessToken, 'GET', `/v1/personas/${olive.personaId}/estate-plan/checks`);
  t.equal(checks.statusCode, 200, checks.body);
  t.same(checks.json().items, [], 'a funded trust and a designated house: nothing to flag');
  const empty = await send(olive.accessToken, 'POST', '/v1/entities', {
    entityKind: 'irrevocable_trust',
    name: 'Empty Trust',
    roles: [
      { personaId: olive.personaId, role: 'grantor' },
      { personaId: olive.personaId, role: 'trustee' },
    ],
  });
  const flagged = await send(
    olive.accessToken,
    'GET',
    `/v1/personas/${olive.personaId}/estate-plan/checks?asOf=2026-06-01`,
  );
  t.match(flagged.json(), {
    asOf: '2026-06-01',
    items: [{ checkCode: 'trust_owns_nothing', entityId: empty.json().entityId, assetId: null }],
  });
});
