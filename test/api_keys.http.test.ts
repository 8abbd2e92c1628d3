// API keys through HTTP: a user creates a key (shown once, stored as a hash), lists and revokes
// it; a partner's server calls with `Authorization: ApiKey <key>` within the key's scopes only;
// expired, revoked, unknown and malformed keys get the same 401; another user's and another
// tenant's key ids get the same 404 as a random one; the audit log names the key.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const app = await testApp(t, db);

const ann = await registerThroughApi(app, home, 'Ann', 'Lee');
const bob = await registerThroughApi(app, home, 'Bob', 'Ray');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const withToken = (accessToken: string, method: Method, url: string, payload?: object, headers = {}) =>
  app.inject({ method, url, headers: { ...bearer(accessToken), ...headers }, payload });
const withKey = (key: string, method: Method, url: string, payload?: object, headers = {}) =>
  app.inject({ method, url, headers: { authorization: `ApiKey ${key}`, ...headers }, payload });

const KEY = /^evk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
async function createKey(accessToken: string, scopes: string[], name = 'Partner server', expiresInDays = 30) {
  const res = await withToken(accessToken, 'POST', '/v1/api-keys', { name, scopes, expiresInDays });
  if (res.statusCode !== 201) throw new Error(`create key: ${res.statusCode} ${res.body}`);
  return res.json() as { apiKeyId: string; key: string; prefix: string; scopes: string[]; status: string };
}

const assetBody = (personaId: string, name = 'Checking') => ({
  assetType: 'bank_account',
  categoryCode: 'checking',
  name,
  currency: 'USD',
  ownerPersonaId: personaId,
  initialValue: '1000.00',
  valuedOn: '2026-01-31',
  details: { institutionName: 'First Bank', accountKind: 'checking' },
});
const annAsset = (await withToken(ann.accessToken, 'POST', '/v1/assets', assetBody(ann.personaId))).json();
const assetCount = async () => Number((await db.admin.query('select count(*) from app.assets')).rows[0].count);

t.test('created once with the full key; listed without it; only the hash is stored', async (t) => {
  const res = await withToken(ann.accessToken, 'POST', '/v1/api-keys', {
    name: 'Ledger sync',
    scopes: ['personas:read', 'assets:read'],
    expiresInDays: 90,
  });
  t.equal(res.statusCode, 201, '201');
  const created = res.json();
  const match = KEY.exec(created.key);
  t.ok(match, 'the key: evk_<16 hex>_<43 base64url>');
  t.equal(created.prefix, match![1], 'the public prefix is the one in the key');
  t.same(created.scopes, ['assets:read', 'personas:read'], 'scopes sorted');
  t.equal(created.status, 'active', 'active');
  const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
  t.ok(days > 89.9 && days <= 90, 'expires in 90 days');
  t.equal(created.lastUsedAt, null, 'never used yet');

  const list = await withToken(ann.accessToken, 'GET', '/v1/api-keys');
  t.equal(list.statusCode, 200, 'the list: 200');
  const listed = list.json().items.find((k: { apiKeyId: string }) => k.apiKeyId === created.apiKeyId);
  t.ok(listed, 'the new key is listed');
  t.notOk('key' in listed, 'without the key');
  t.notOk(list.body.includes(match![2]), 'the secret appears nowhere in the list');

  const { rows } = await db.admin.query(
    'select row_to_json(k)::text as row, secret_sha256 from app.api_keys k where id = $1',
    [created.apiKeyId],
  );
  t.notOk(rows[0].row.includes(match![2]), 'no column holds the secret');
  t.notOk(rows[0].row.includes(Buffer.from(match![2]).toString('hex')), 'not even as the bytes of the text in hex');
  t.same(rows[0].secret_sha256, createHash('sha256').update(match![2]).digest(), 'its SHA-256 is stored');
  const audit = await db.admin.query(
    `select changes::text as changes from audit.audit_log where table_name = 'app.api_keys' and row_id = $1`,
    [created.apiKeyId],
  );
  t.equal(audit.rows.length, 1, 'the creation is audited');
  t.match(audit.rows[0].changes, /"secret_sha256": "\[redacted\]"/, 'with the hash redacted');

  const invalid = await Promise.all(
    [
      { name: 'x', scopes: ['assets:admin'], expiresInDays: 30 },
      { name: 'x', scopes: [], expiresInDays: 30 },
      { name: 'x', scopes: ['assets:read'], expiresInDays: 366 },
      { name: 'x', scopes: ['assets:read'] },
      { name: '', scopes: ['assets:read'], expiresInDays: 30 },
    ].map((body) => withToken(ann.accessToken, 'POST', '/v1/api-keys', body)),
  );
  t.same(
    invalid.map((r) => r.statusCode),
    [400, 400, 400, 400, 400],
    'an unknown scope, no scope, more than a year, no expiry, no name: 400',
  );
  const retried = await withToken(
    ann.accessToken,
    'POST',
    '/v1/api-keys',
    { name: 'x', scopes: ['assets:read'], expiresInDays: 30 },
    { 'idempotency-key': randomUUID() },
  );
  t.equal(retried.json().code, 'idempotency_key_not_supported', 'no Idempotency-Key: its answer would store the key');
});

t.test('a key works on the routes of its scopes, as its user, and nowhere else', async (t) => {
  const reader = await createKey(ann.accessToken, ['assets:read']);
  const mine = await withKey(reader.key, 'GET', '/v1/assets');
  t.equal(mine.statusCode, 200, 'assets:read lists assets: 200');
  t.same(
    mine.json().items.map((a: { assetId: string }) => a.assetId),
    [annAsset.assetId],
    "Ann's assets, as Ann sees them",
  );
  t.equal((await withKey(reader.key, 'GET', `/v1/assets/${annAsset.assetId}`)).statusCode, 200, 'reads one');
  t.equal(
    (await withToken(bob.accessToken, 'GET', `/v1/assets/${annAsset.assetId}`)).statusCode,
    404,
    'while Bob cannot see it',
  );

  const before = await assetCount();
  for (const [method, url, body] of [
    ['POST', '/v1/assets', assetBody(ann.personaId, 'Sneaky')],
    ['PATCH', `/v1/assets/${annAsset.assetId}`, { name: 'Renamed' }],
    ['DELETE', `/v1/assets/${annAsset.assetId}`, undefined],
    ['GET', '/v1/personas', undefined],
    ['GET', `/v1/personas/${ann.personaId}/net-worth`, undefined],
  ] as const) {
    const res = await withKey(reader.key, method, url, body);
    t.same(
      { status: res.statusCode, code: res.json().code },
      { status: 403, code: 'api_key_scope_missing' },
      `${method} ${url} outside the key's scopes: 403 api_key_scope_missing`,
    );
  }
  t.equal(await assetCount(), before, 'nothing was created or deleted');
  t.equal(
    (await withToken(ann.accessToken, 'GET', `/v1/assets/${annAsset.assetId}`)).json().name,
    'Checking',
    'nothing renamed',
  );

  for (const [method, url, body] of [
    ['GET', '/v1/api-keys', undefined],
    ['POST', '/v1/api-keys', { name: 'more', scopes: ['assets:write'], expiresInDays: 30 }],
    ['DELETE', `/v1/api-keys/${reader.apiKeyId}`, undefined],
    ['GET', '/v1/me', undefined],
    ['GET', '/v1/me/sessions', undefined],
    ['POST', '/v1/sessions', undefined],
    ['GET', '/v1/me/support-access', undefined],
    ['GET', '/v1/subscription', undefined],
    ['POST', '/v1/me/email-sync', { idToken: ann.idToken }],
  ] as const) {
    const res = await withKey(reader.key, method, url, body);
    t.same(
      { status: res.statusCode, code: res.json().code },
      { status: 403, code: 'api_key_not_allowed' },
      `${method} ${url}, in no scope: 403 api_key_not_allowed`,
    );
  }
  const staffDoor = await withKey(reader.key, 'GET', '/support/v1/me');
  t.equal(staffDoor.statusCode, 401, 'the support door does not know API keys: 401');
});

t.test('a write key creates as its user, the audit log names the key; write includes read', async (t) => {
  const writer = await createKey(ann.accessToken, ['assets:write']);
  const res = await withKey(writer.key, 'POST', '/v1/assets', assetBody(ann.personaId, 'Via key'));
  t.equal(res.statusCode, 201, 'assets:write creates: 201');
  const assetId = res.json().assetId;
  const { rows } = await db.admin.query(
    `select actor_kind, actor_id, request_id from audit.audit_log where table_name = 'app.assets' and row_id = $1 and operation = 'INSERT'`,
    [assetId],
  );
  t.same(
    rows.map((r) => [r.actor_kind, r.actor_id]),
    [['api_key', writer.apiKeyId]],
    'the audit row: actor kind api_key, actor id the key',
  );
  const [asset] = (await db.admin.query('select created_by_user_id from app.assets where id = $1', [assetId])).rows;
  const owner = await db.admin.query('select user_id from app.user_personas where persona_id = $1', [ann.personaId]);
  t.equal(asset.created_by_user_id, owner.rows[0].user_id, "the key's creator made it");

  const read = await withKey(writer.key, 'GET', `/v1/assets/${assetId}`);
  t.equal(read.statusCode, 200, 'assets:write reads too');
  const etag = read.headers.etag as string;
  const patched = await withKey(
    writer.key,
    'PATCH',
    `/v1/assets/${assetId}`,
    { name: 'Renamed by key' },
    { 'if-match': etag },
  );
  t.equal(patched.statusCode, 200, 'a PATCH with If-Match: 200');
  const idem = randomUUID();
  const first = await withKey(writer.key, 'POST', '/v1/assets', assetBody(ann.personaId, 'Once'), {
    'idempotency-key': idem,
  });
  const again = await withKey(writer.key, 'POST', '/v1/assets', assetBody(ann.personaId, 'Once'), {
    'idempotency-key': idem,
  });
  t.same([first.statusCode, again.statusCode], [201, 201], 'an Idempotency-Key: both 201');
  t.equal(again.headers['idempotency-replayed'], 'true', 'the retry is the stored answer');
  t.equal(again.json().assetId, first.json().assetId, 'one asset');
  const bobsPersona = await withKey(writer.key, 'POST', '/v1/assets', assetBody(bob.personaId, 'Not mine'));
  t.equal(bobsPersona.statusCode, 404, 'never more than its user: a persona Ann does not act for is not found');
});

t.test('expired, revoked, unknown and malformed keys: the same 401', async (t) => {
  const used = await createKey(ann.accessToken, ['assets:read']);
  const unused = await createKey(ann.accessToken, ['assets:read']);
  const revoked = await createKey(ann.accessToken, ['assets:read']);
  t.equal((await withKey(used.key, 'GET', '/v1/assets')).statusCode, 200, 'a key in use (remembered by the API)');
  t.equal((await withKey(revoked.key, 'GET', '/v1/assets')).statusCode, 200, 'another in use');
  await db.admin.query(
    `update app.api_keys set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = any($1)`,
    [[used.apiKeyId, unused.apiKeyId]],
  );
  const revoke = await withToken(ann.accessToken, 'DELETE', `/v1/api-keys/${revoked.apiKeyId}`);
  t.equal(revoke.statusCode, 204, 'revoked: 204');
  const again = await withToken(ann.accessToken, 'DELETE', `/v1/api-keys/${revoked.apiKeyId}`);
  t.equal(again.statusCode, 204, 'revoking again: 204, a no-op');

  const [prefix] = KEY.exec(used.key)!.slice(1);
  const answers = [];
  for (const key of [
    used.key,
    unused.key,
    revoked.key,
    `evk_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`,
    `evk_${prefix}_${randomBytes(32).toString('base64url')}`,
    'evk_not-a-key',
  ]) {
    const res = await withKey(key, 'GET', '/v1/assets');
    answers.push({ status: res.statusCode, code: res.json().code });
  }
  t.same(
    answers,
    Array(6).fill({ status: 401, code: 'api_key_invalid' }),
    'expired (used and not), revoked, unknown, a known prefix with a wrong secret, malformed: 401 api_key_invalid',
  );
  const list = (await withToken(ann.accessToken, 'GET', '/v1/api-keys?limit=100')).json().items;
  const status = (id: string) => list.find((k: { apiKeyId: string }) => k.apiKeyId === id)?.status;
  t.same([status(used.apiKeyId), status(revoked.apiKeyId)], ['expired', 'revoked'], 'listed as expired and revoked');
});

t.test("another user's, another tenant's and a random key id: the same 404, nothing changed", async (t) => {
  const bobs = await createKey(bob.accessToken, ['assets:read']);
  const ottos = await createKey(otto.accessToken, ['assets:read']);
  const keys = async () => (await db.admin.query('select id, revoked_at from app.api_keys order by id')).rows;
  const before = await keys();
  const answers = [];
  for (const id of [bobs.apiKeyId, ottos.apiKeyId, randomUUID()]) {
    const res = await withToken(ann.accessToken, 'DELETE', `/v1/api-keys/${id}`);
    answers.push({ status: res.statusCode, code: res.json().code });
    t.notOk(res.body.includes(id), 'the answer does not repeat the id');
  }
  t.same(answers, Array(3).fill({ status: 404, code: 'api_key_not_found' }), '404 api_key_not_found');
  t.same(await keys(), before, 'no key changed');
  const annList = (await withToken(ann.accessToken, 'GET', '/v1/api-keys?limit=100')).json().items;
  t.notOk(
    annList.some((k: { apiKeyId: string }) => [bobs.apiKeyId, ottos.apiKeyId].includes(k.apiKeyId)),
    "Ann's list holds neither Bob's nor Otto's keys",
  );
  const ottoAssets = await withKey(ottos.key, 'GET', '/v1/assets');
  t.same(ottoAssets.json().items, [], "Otto's key sees Otto's tenant only");
  t.equal((await withKey(bobs.key, 'GET', '/v1/assets')).statusCode, 200, "Bob's key still works");
});

t.test(
  'a key of a suspended or a deactivated user fails; its last use is recorded at most once a minute',
  async (t) => {
    const carol = await registerThroughApi(app, home, 'Carol', 'Ames');
    const dave = await registerThroughApi(app, home, 'Dave', 'Marsh');
    const carols = await createKey(carol.accessToken, ['assets:read']);
    const daves = await createKey(dave.accessToken, ['assets:read']);
    t.equal((await withKey(carols.key, 'GET', '/v1/assets')).statusCode, 200, "Carol's key works");
    t.equal((await withKey(daves.key, 'GET', '/v1/assets')).statusCode, 200, "Dave's key works");
    const lastUsed = async (id: string) =>
      (await db.admin.query('select last_used_at from app.api_keys where id = $1', [id])).rows[0].last_used_at as Date;
    const first = await lastUsed(carols.apiKeyId);
    t.ok(first, 'the last use is recorded');

    await db.admin.query(`update app.users set status = 'suspended', suspended_at = now() where cognito_sub = $1`, [
      carol.sub,
    ]);
    const suspended = await withKey(carols.key, 'GET', '/v1/assets');
    t.same(
      { status: suspended.statusCode, code: suspended.json().code },
      { status: 403, code: 'user_suspended' },
      'a suspended user: 403 user_suspended',
    );
    t.equal((await withToken(dave.accessToken, 'POST', '/v1/me/deactivation')).statusCode, 200, 'Dave leaves');
    const removed = await withKey(daves.key, 'GET', '/v1/assets');
    t.same(
      { status: removed.statusCode, code: removed.json().code },
      { status: 403, code: 'user_inactive' },
      'a deactivated user: 403 user_inactive',
    );
    // Direct lookups (what the API does when it has not seen the key for a minute): the same minute, no write.
    const secret = KEY.exec(carols.key)![2];
    await db.api.query('select * from api.sp_authenticate_api_key($1, $2)', [
      KEY.exec(carols.key)![1],
      createHash('sha256').update(secret).digest(),
    ]);
    t.same(await lastUsed(carols.apiKeyId), first, 'a lookup within the minute writes nothing');
    const audited = await db.admin.query(
      `select count(*)::int as n from audit.audit_log where table_name = 'app.api_keys' and row_id = $1 and operation = 'UPDATE'`,
      [carols.apiKeyId],
    );
    t.equal(audited.rows[0].n, 0, 'recording the last use is no audit event');
  },
);

t.test('at most 10 live keys per user', async (t) => {
  const erin = await registerThroughApi(app, home, 'Erin', 'Holt');
  const made = [];
  for (let i = 0; i < 10; i++) made.push(await createKey(erin.accessToken, ['assets:read'], `key ${i}`));
  const eleventh = await withToken(erin.accessToken, 'POST', '/v1/api-keys', {
    name: 'one more',
    scopes: ['assets:read'],
    expiresInDays: 1,
  });
  t.same(
    { status: eleventh.statusCode, code: eleventh.json().code },
    { status: 409, code: 'api_key_limit_reached' },
    'the eleventh: 409 api_key_limit_reached',
  );
  await withToken(erin.accessToken, 'DELETE', `/v1/api-keys/${made[0].apiKeyId}`);
  t.equal((await createKey(erin.accessToken, ['assets:read'])).status, 'active', 'after a revocation, one more');
});
