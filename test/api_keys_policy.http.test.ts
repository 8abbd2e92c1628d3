// API keys under the tenant's security rules (review of issue 11): a tenant that requires MFA
// refuses a key its creator made without MFA (made before the policy was switched on) and accepts
// one made by an MFA sign-in; support ending all of a user's sign-ins ends their keys too; an
// erased user's keys are exported (without secrets) and then gone.
import t from 'tap';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { accessTokenClaims, signJwt } from './helpers/tokens.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'keypol-home');
const away = await makePoolTenant(db, 'keypol-away');
const staff = await (await makeStaffPool(db, 'keypol-staff')).addStaff();
const app = await testApp(t, db);

const ann = await registerThroughApi(app, home, 'Ann', 'Lee');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');

const call = (headers: object, method: string, url: string, payload?: object) =>
  app.inject({ method: method as 'GET', url, headers: { ...headers }, payload });
const keyHeader = (key: string) => ({ authorization: `ApiKey ${key}` });
const mfaToken = (tenant: typeof home, sub: string) =>
  signJwt({
    ...accessTokenClaims({ issuer: tenant.issuer, clientId: tenant.clientId, sub }),
    estate_amr: ['pwd', 'mfa', 'totp'],
  });
async function createKey(accessToken: string, name: string) {
  const res = await call(bearer(accessToken), 'POST', '/v1/api-keys', {
    name,
    scopes: ['personas:read'],
    expiresInDays: 30,
  });
  if (res.statusCode !== 201) throw new Error(`create key: ${res.statusCode} ${res.body}`);
  return res.json() as { apiKeyId: string; key: string };
}

t.test('a tenant requiring MFA refuses keys made without it and accepts keys made with it', async (t) => {
  const oneFactor = await createKey(ann.accessToken, 'made before the policy');
  const ottoKey = await createKey(otto.accessToken, 'another tenant');
  t.equal(
    (await call(keyHeader(oneFactor.key), 'GET', '/v1/personas')).statusCode,
    200,
    'no policy yet: the key works',
  );

  const set = await call(bearer(staff.accessToken), 'PUT', `/support/v1/tenants/${home.tenantId}/security-policy`, {
    mfaRequired: true,
    mfaFactors: ['totp'],
    passwordMaxAgeDays: null,
  });
  t.equal(set.statusCode, 200, set.body);

  const refused = await call(keyHeader(oneFactor.key), 'GET', '/v1/personas');
  t.equal(refused.statusCode, 403, 'the one-factor key is refused once MFA is required');
  t.equal(refused.json().code, 'mfa_required', 'mfa_required');
  t.equal(
    (await call(keyHeader(ottoKey.key), 'GET', '/v1/personas')).statusCode,
    200,
    "another tenant's keys are untouched by this tenant's policy",
  );

  const viaOneFactor = await call(bearer(ann.accessToken), 'POST', '/v1/api-keys', {
    name: 'no MFA',
    scopes: ['personas:read'],
    expiresInDays: 30,
  });
  t.equal(viaOneFactor.statusCode, 403, 'a one-factor sign-in cannot make a new key either');

  const withMfa = await createKey(await mfaToken(home, ann.sub), 'made with MFA');
  const served = await call(keyHeader(withMfa.key), 'GET', '/v1/personas');
  t.equal(served.statusCode, 200, 'a key made by an MFA sign-in works under the policy');
  const { rows } = await db.admin.query('select created_with_amr from app.api_keys where id = $1', [withMfa.apiKeyId]);
  t.same(rows[0].created_with_amr, ['pwd', 'mfa', 'totp'], "the key remembers its creator's sign-in methods");
});

t.test("support ending all of a user's sign-ins ends their API keys", async (t) => {
  const before = await db.admin.query(
    `select count(*)::int as n from app.api_keys where user_id = (select id from app.users where cognito_sub = $1) and revoked_at is null`,
    [ann.sub],
  );
  t.ok(before.rows[0].n >= 1, 'Ann holds live keys');
  const userId = (await db.admin.query('select id from app.users where cognito_sub = $1', [ann.sub])).rows[0].id;
  const one = await call(
    bearer(staff.accessToken),
    'POST',
    `/support/v1/tenants/${home.tenantId}/users/${userId}/session-revocations`,
    {},
  );
  t.equal(one.statusCode, 200, one.body);
  const after = await db.admin.query(
    `select count(*)::int as n from app.api_keys where user_id = $1 and revoked_at is null`,
    [userId],
  );
  t.equal(after.rows[0].n, 0, 'every key of the user is revoked');
  const ottoLive = await db.admin.query(
    `select count(*)::int as n from app.api_keys k join app.users u on u.id = k.user_id
      where u.cognito_sub = $1 and k.revoked_at is null`,
    [otto.sub],
  );
  t.equal(ottoLive.rows[0].n, 1, "another tenant's user keeps theirs");
});

t.test("an erasure exports a user's keys without their secrets, then removes them", async (t) => {
  const eve = await registerThroughApi(app, away, 'Eve', 'Moss');
  const key = await createKey(eve.accessToken, 'Eve laptop sync');
  // evk_<prefix>_<secret>: the secret is base64url, so it may hold '_' itself (and even start with one).
  const secret = key.key.slice('evk_'.length + 16 + 1);
  t.equal(secret.length, 43, 'the whole secret');
  const exported = await call(bearer(eve.accessToken), 'POST', '/v1/me/data-requests', { kind: 'export' });
  t.equal(exported.statusCode, 201, exported.body);
  const archive = await call(
    bearer(eve.accessToken),
    'GET',
    `/v1/me/data-requests/${exported.json().requestId}/archive`,
  );
  t.equal(archive.statusCode, 200, archive.body);
  t.match(archive.json().files['api_keys.json'], [{ apiKeyId: key.apiKeyId, name: 'Eve laptop sync' }]);
  t.notOk(archive.body.includes(secret), 'the secret is nowhere in the archive');

  const erased = await call(bearer(eve.accessToken), 'POST', '/v1/me/data-requests', { kind: 'erasure' });
  t.equal(erased.statusCode, 201, erased.body);
  t.equal(erased.json().status, 'completed', erased.body);
  const { rows } = await db.admin.query('select count(*)::int as n from app.api_keys where id = $1', [key.apiKeyId]);
  t.equal(rows[0].n, 0, 'the key row is gone');
  const refused = await call(keyHeader(key.key), 'GET', '/v1/personas');
  t.equal(refused.statusCode, 401, 'the key is refused');
  t.equal(refused.json().code, 'api_key_invalid', 'as any unknown key');
});

t.test('a client address sending refused keys is stopped before the database after 30 a minute', async (t) => {
  const prober = '203.0.113.7';
  const good = await createKey(otto.accessToken, 'kept working');
  const probe = (key: string, remoteAddress = prober) =>
    app.inject({ method: 'GET', url: '/v1/personas', headers: keyHeader(key), remoteAddress });
  const codes = new Set<string>();
  for (let i = 0; i < 30; i++) codes.add((await probe(`evk_${'0'.repeat(16)}_${'A'.repeat(42)}${i % 10}`)).json().code);
  t.same([...codes], ['api_key_invalid'], 'the first 30 refused keys: 401 api_key_invalid');
  const stopped = await probe(`evk_${'1'.repeat(16)}_${'B'.repeat(43)}`);
  t.equal(stopped.statusCode, 429, 'the 31st: 429');
  t.equal(stopped.json().code, 'api_key_attempts_exceeded', 'api_key_attempts_exceeded');
  t.ok(Number(stopped.headers['retry-after']) >= 1, 'with Retry-After');
  t.equal((await probe(good.key, '198.51.100.9')).statusCode, 200, 'a key from another address still works');
});
