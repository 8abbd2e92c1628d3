// Assets over HTTP with real tokens: identifiers encrypted by the API and shown masked,
// exact decimals on the wire, and nothing of another tenant's assets.
import t from 'tap';
import { createFieldCipher, generateFieldKeys, lastFour } from '../server/field_cipher.ts';
import { bearer, makePoolTenant, testApp, registerThroughApi, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Assets');
const owner = await registered(home, 'Olive');
const stranger = await registered(away, 'Sid');

t.test('field cipher: round trip, authenticated, rotation keeps old keys readable', async (t) => {
  const oldKeys = generateFieldKeys('old');
  const cipher = createFieldCipher(oldKeys);
  const sealed = cipher.encrypt('DE89 3704 0044 0532 0130 00');
  t.equal(cipher.decrypt(sealed), 'DE89 3704 0044 0532 0130 00', 'decrypts to the identifier');
  t.notOk(sealed.toString('latin1').includes('3704'), 'the ciphertext does not contain the identifier');
  const rotated = createFieldCipher(`${generateFieldKeys('new')},${oldKeys}`);
  t.equal(rotated.decrypt(sealed), 'DE89 3704 0044 0532 0130 00', 'after rotation the old key still decrypts');
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1] ^= 1;
  t.throws(() => cipher.decrypt(tampered), 'a tampered ciphertext is refused');
  t.throws(() => createFieldCipher('bad'), /FIELD_ENCRYPTION_KEYS/, 'a malformed key list is refused');
  t.equal(lastFour('12-34-5678 90'), '7890');
});

t.test('create, read, value, share and search an asset over HTTP', async (t) => {
  const created = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(owner.accessToken),
    payload: {
      assetType: 'bank_account',
      categoryCode: 'checking',
      name: 'Everyday checking',
      currency: 'USD',
      ownerPersonaId: owner.personaId,
      initialValue: '12345.67',
      valuedOn: '2026-01-31',
      identifier: '0012-3456-7890',
      details: { institutionName: 'First Bank', accountKind: 'checking' },
    },
  });
  t.equal(created.statusCode, 201, created.body);
  const asset = created.json();
  t.equal(asset.identifierMasked, '****7890', 'the identifier is shown masked');
  t.equal(asset.currentValue, '12345.67', 'money is an exact decimal string');
  t.notMatch(created.body, /0012-3456|34567890/, 'the full identifier is nowhere in the reply');
  const { rows } = await db.admin.query(`select identifier_ciphertext from app.assets where id = $1`, [asset.assetId]);
  t.notOk(rows[0].identifier_ciphertext.toString('latin1').includes('3456'), 'the database holds only ciphertext');

  const value = await app.inject({
    method: 'POST',
    url: `/v1/assets/${asset.assetId}/valuations`,
    headers: bearer(owner.accessToken),
    payload: { amount: '13000.00', valuedOn: '2026-02-28', source: 'statement' },
  });
  t.equal(value.statusCode, 201);
  const history = await app.inject({
    method: 'GET',
    url: `/v1/assets/${asset.assetId}/valuations?asOf=2026-02-01`,
    headers: bearer(owner.accessToken),
  });
  t.same(
    history.json().items.map((v: { amount: string }) => v.amount),
    ['12345.67'],
    'as of a date between valuations',
  );
  const list = await app.inject({
    method: 'GET',
    url: `/v1/personas/${owner.personaId}/assets?limit=10`,
    headers: bearer(owner.accessToken),
  });
  t.same(
    list.json().items.map((a: { name: string; currentValue: string }) => [a.name, a.currentValue]),
    [['Everyday checking', '13000.00']],
  );
  const found = await app.inject({
    method: 'GET',
    url: '/v1/assets/search?q=checking',
    headers: bearer(owner.accessToken),
  });
  t.equal(found.json().items.length, 1, 'search finds it');
  const categories = await app.inject({
    method: 'GET',
    url: '/v1/asset-categories',
    headers: bearer(owner.accessToken),
  });
  t.ok(categories.json().items.length >= 13);
  const tooMuch = await app.inject({
    method: 'POST',
    url: `/v1/assets/${asset.assetId}/ownerships`,
    headers: bearer(owner.accessToken),
    payload: { personaId: owner.personaId, percentage: '100.5', ownershipForm: 'sole' },
  });
  t.same(
    [tooMuch.statusCode, tooMuch.json().code],
    [400, 'invalid_request'],
    'a share above 100 is refused at the door',
  );
  const floaty = await app.inject({
    method: 'POST',
    url: `/v1/assets/${asset.assetId}/valuations`,
    headers: bearer(owner.accessToken),
    payload: { amount: 13000.1, valuedOn: '2026-02-28' },
  });
  t.same(
    [floaty.statusCode, floaty.json().code],
    [400, 'invalid_request'],
    'money as a JSON number is refused: exact decimals only',
  );

  for (const url of [
    `/v1/assets/${asset.assetId}`,
    `/v1/assets/${asset.assetId}/valuations`,
    `/v1/personas/${owner.personaId}/assets`,
  ]) {
    const res = await app.inject({ method: 'GET', url, headers: bearer(stranger.accessToken) });
    t.equal(res.statusCode, 404, `another tenant gets 404 on ${url.replace(/[0-9a-f-]{36}/g, ':id')}`);
    const { instance, ...said } = res.json();
    void instance; // a random request id: it may contain any digits
    t.notMatch(JSON.stringify(said), /Everyday|7890|Olive/, 'and learns nothing');
  }
  const worth = await app.inject({
    method: 'GET',
    url: `/v1/personas/${owner.personaId}/net-worth?asOf=2026-03-01&currency=USD`,
    headers: bearer(owner.accessToken),
  });
  t.same(
    [worth.statusCode, worth.json().netWorth, worth.json().totalAssets],
    [200, '13000.00', '13000.00'],
    'net worth over HTTP, as an exact decimal',
  );
  const snake = await app.inject({
    method: 'GET',
    url: `/v1/personas/${owner.personaId}/net-worth?as_of=2026-03-01&currency=USD`,
    headers: bearer(owner.accessToken),
  });
  t.same(
    [snake.statusCode, snake.json().code],
    [400, 'invalid_request'],
    'the query parameter is asOf, as everywhere else: as_of is an unknown field',
  );
  const noRate = await app.inject({
    method: 'GET',
    url: `/v1/personas/${owner.personaId}/net-worth?asOf=2026-03-01&currency=JPY`,
    headers: bearer(owner.accessToken),
  });
  t.same(
    [noRate.statusCode, noRate.json().code],
    [422, 'exchange_rate_missing'],
    'a missing rate is 422 with its code',
  );
  const theirWorth = await app.inject({
    method: 'GET',
    url: `/v1/personas/${owner.personaId}/net-worth`,
    headers: bearer(stranger.accessToken),
  });
  t.equal(theirWorth.statusCode, 404, 'another tenant cannot ask for the net worth');
  const theirSearch = await app.inject({
    method: 'GET',
    url: '/v1/assets/search?q=checking',
    headers: bearer(stranger.accessToken),
  });
  t.same(theirSearch.json().items, [], "another tenant's search finds nothing");
});

t.test('finding 1: an edit grant never becomes ownership, and leaving the circle ends it', async (t) => {
  const olga = await registered(home, 'Olga');
  const mal = await registered(home, 'Mal');
  await activatePlan(db.api, home.tenantId, olga.sub, 'family'); // room for a second member
  const call = (user: { accessToken: string }, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: bearer(user.accessToken), ...(payload ? { payload } : {}) });
  const circle = (await call(olga, 'POST', '/v1/ffcs', { name: 'Olga and Mal' })).json();
  const invite = await call(olga, 'POST', `/v1/ffcs/${circle.ffcId}/invitations`, { email: mal.email, role: 'member' });
  t.equal(invite.statusCode, 201, invite.body);
  const joined = await call(mal, 'POST', '/v1/ffc-invitations/accept', { token: invite.json().token });
  t.equal(joined.statusCode, 201, joined.body);
  const created = await call(olga, 'POST', '/v1/assets', {
    assetType: 'real_estate',
    categoryCode: 'primary_residence',
    name: 'Family home',
    currency: 'USD',
    ownerPersonaId: olga.personaId,
    initialValue: '800000.00',
    valuedOn: '2026-01-31',
    details: { propertyKind: 'primary_residence', addressLine1: '2 Oak St', city: 'Town', countryCode: 'US' },
  });
  t.equal(created.statusCode, 201, created.body);
  const house = created.json().assetId as string;
  const asOwner = () => call(olga, 'GET', `/v1/assets/${house}`).then((res) => res.json());
  const ownersBefore = (await asOwner()).ownerships;
  for (const grant of [
    { permission: 'edit', granteePersonaId: mal.personaId },
    { permission: 'edit', granteeFfcId: circle.ffcId, granteeFfcRole: 'member' },
  ]) {
    const granted = await call(olga, 'POST', `/v1/assets/${house}/permissions`, grant);
    t.equal(granted.statusCode, 201, granted.body);
  }
  t.equal((await call(mal, 'GET', `/v1/assets/${house}`)).json().myAccess, 'edit', 'Mal may edit');

  // The attack: a tiny share for the owner, the rest for himself, then grants for himself.
  for (const [personaId, percentage] of [
    [olga.personaId, '0.0001'],
    [mal.personaId, '99.9999'],
  ]) {
    const res = await call(mal, 'POST', `/v1/assets/${house}/ownerships`, {
      personaId,
      percentage,
      ownershipForm: 'tenants_in_common',
    });
    t.same(
      [res.statusCode, res.json().code],
      [403, 'asset_owner_only'],
      `an editor cannot set a share (${percentage}%)`,
    );
  }
  const transfer = await call(mal, 'POST', `/v1/assets/${house}/transfers`, {
    fromPersonaId: olga.personaId,
    toPersonaId: mal.personaId,
    percentage: '50',
  });
  t.same([transfer.statusCode, transfer.json().code], [403, 'asset_owner_only'], 'nor take part of one');
  const selfGrant = await call(mal, 'POST', `/v1/assets/${house}/permissions`, {
    permission: 'view',
    granteePersonaId: mal.personaId,
  });
  t.same([selfGrant.statusCode, selfGrant.json().code], [403, 'asset_owner_only'], 'nor grant');
  t.same((await asOwner()).ownerships, ownersBefore, "Olga's 100% is untouched");

  const removed = await call(olga, 'DELETE', `/v1/ffcs/${circle.ffcId}/members/${mal.personaId}`);
  t.equal(removed.statusCode, 204, removed.body);
  const after = await call(mal, 'GET', `/v1/assets/${house}`);
  t.same([after.statusCode, after.json().code], [404, 'asset_not_found'], 'removed, Mal no longer sees the house');
  const { rows } = await db.admin.query(
    `select count(*)::int as n from app.asset_permissions where asset_id = $1 and grantee_persona_id = $2`,
    [house, mal.personaId],
  );
  t.equal(rows[0].n, 0, 'his direct grant went with the circle');
  const worth = await call(olga, 'GET', `/v1/personas/${olga.personaId}/net-worth?asOf=2026-02-01&currency=USD`);
  t.equal(worth.json().netWorth, '800000.00', "Olga's net worth is the whole house");
  const deleted = await call(olga, 'DELETE', `/v1/assets/${house}`);
  t.equal(deleted.statusCode, 204, 'and she can still delete it: nobody else holds a share');
});
