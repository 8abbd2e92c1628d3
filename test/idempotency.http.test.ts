// Safe retries (issue 10, docs/retries.md): an Idempotency-Key on a POST is stored with the effect,
// in its transaction; the same key and request get the first answer again, another request 422;
// concurrent duplicates make one effect; refusals are not stored; keys belong to one subject.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, testApp, registerThroughApi, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');

const post = (url: string, token: string, payload: object, key?: string) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(token), ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload,
  });

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Idem');
const owner = await registered(home, 'Ida');
const other = await registered(home, 'Otto');
const stranger = await registered(away, 'Sid');

const asset = await post('/v1/assets', owner.accessToken, {
  assetType: 'bank_account',
  categoryCode: 'checking',
  name: 'Everyday',
  currency: 'USD',
  ownerPersonaId: owner.personaId,
  initialValue: '100.00',
  valuedOn: '2026-01-01',
  details: { institutionName: 'First Bank', accountKind: 'checking' },
});
const assetId = asset.json().assetId as string;
const valuations = async () =>
  (
    await app.inject({ method: 'GET', url: `/v1/assets/${assetId}/valuations`, headers: bearer(owner.accessToken) })
  ).json().items as Array<{ amount: string }>;
const storedKeys = async (key: string) =>
  (await db.admin.query('select response_status from app.idempotency_keys where idempotency_key = $1', [key])).rows;

t.test('the same valuation posted twice with one key is stored once and answered twice alike', async (t) => {
  const key = randomUUID();
  const before = (await valuations()).length;
  const body = { amount: '250.10', valuedOn: '2026-02-01', currency: 'USD' };
  const first = await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key);
  t.equal(first.statusCode, 201, first.body);
  t.notOk(first.headers['idempotency-replayed'], 'the first answer is not a replay');
  const second = await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key);
  t.equal(second.statusCode, 201, 'the retry gets the same status');
  t.equal(second.body, first.body, 'and the same body, byte for byte');
  t.equal(second.headers['idempotency-replayed'], 'true', 'marked as a replay');
  t.equal(second.headers['content-type'], first.headers['content-type'], 'with the same content type');
  t.equal((await valuations()).length, before + 1, 'one valuation was stored');
  // Without a key, the behaviour is unchanged: two posts, two valuations (append-only).
  await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body);
  await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body);
  t.equal((await valuations()).length, before + 3, 'without a key each post is an effect');
});

t.test('the same key with another body, path or method: 422 idempotency_key_reused, nothing done', async (t) => {
  const key = randomUUID();
  const body = { amount: '300.00', valuedOn: '2026-03-01', currency: 'USD' };
  t.equal((await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key)).statusCode, 201);
  const count = (await valuations()).length;
  const otherBody = await post(
    `/v1/assets/${assetId}/valuations`,
    owner.accessToken,
    { ...body, amount: '300.01' },
    key,
  );
  t.equal(otherBody.statusCode, 422);
  t.equal(otherBody.json().code, 'idempotency_key_reused');
  t.match(otherBody.headers['content-type'], /application\/problem\+json/);
  const otherRoute = await post('/v1/ffcs', owner.accessToken, { name: 'Reused key' }, key);
  t.equal(otherRoute.json().code, 'idempotency_key_reused', 'on another route too');
  t.equal((await valuations()).length, count, 'nothing was stored');
  const circles = await app.inject({ method: 'GET', url: '/v1/ffcs', headers: bearer(owner.accessToken) });
  t.notOk(JSON.stringify(circles.json()).includes('Reused key'), 'no circle was created');
});

t.test('concurrent duplicates: exactly one effect, every answer the first one', async (t) => {
  const key = randomUUID();
  const before = (await valuations()).length;
  const body = { amount: '411.11', valuedOn: '2026-04-01', currency: 'USD' };
  const answers = await Promise.all(
    Array.from({ length: 6 }, () => post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key)),
  );
  t.same(
    answers.map((a) => a.statusCode),
    Array(6).fill(201),
    'every duplicate waits for the first and gets its answer',
  );
  t.equal(new Set(answers.map((a) => a.body)).size, 1, 'all six bodies are the same');
  t.equal(answers.filter((a) => a.headers['idempotency-replayed'] === 'true').length, 5, 'five are replays');
  t.equal((await valuations()).length, before + 1, 'one valuation was stored');
  t.same(await storedKeys(key), [{ response_status: 201 }], 'one key row, holding the answer');
});

t.test('concurrent duplicates against a listening server (real sockets)', async (t) => {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const key = randomUUID();
  const before = (await valuations()).length;
  const answers = await Promise.all(
    Array.from({ length: 4 }, () =>
      fetch(`${address}/v1/assets/${assetId}/valuations`, {
        method: 'POST',
        headers: { ...bearer(owner.accessToken), 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ amount: '512.00', valuedOn: '2026-05-01', currency: 'USD' }),
      }).then(async (r) => ({ status: r.status, body: await r.text() })),
    ),
  );
  t.same(
    answers.map((a) => a.status),
    [201, 201, 201, 201],
  );
  t.equal(new Set(answers.map((a) => a.body)).size, 1, 'one answer');
  t.equal((await valuations()).length, before + 1, 'one effect');
});

t.test('a refusal is not stored: the key is free again', async (t) => {
  const key = randomUUID();
  const missing = await post(
    `/v1/assets/${randomUUID()}/valuations`,
    owner.accessToken,
    { amount: '1.00', valuedOn: '2026-01-02', currency: 'USD' },
    key,
  );
  t.equal(missing.statusCode, 404);
  t.same(await storedKeys(key), [], 'no key row after a refusal');
  const after = await post(
    `/v1/assets/${assetId}/valuations`,
    owner.accessToken,
    { amount: '2.00', valuedOn: '2026-01-02', currency: 'USD' },
    key,
  );
  t.equal(after.statusCode, 201, 'the same key then serves another request');
});

t.test('keys belong to one subject in one tenant', async (t) => {
  const key = randomUUID();
  const mine = await post('/v1/ffcs', owner.accessToken, { name: 'Mine' }, key);
  t.equal(mine.statusCode, 201, mine.body);
  const theirs = await post('/v1/ffcs', other.accessToken, { name: 'Mine' }, key);
  t.equal(theirs.statusCode, 201, "another user's same key is another key");
  t.notOk(theirs.headers['idempotency-replayed'], 'not a replay');
  t.not(theirs.json().ffcId, mine.json().ffcId, 'a circle of their own');
  const away = await post('/v1/ffcs', stranger.accessToken, { name: 'Mine' }, key);
  t.equal(away.statusCode, 201, "another tenant's user too");
  t.not(away.json().ffcId, mine.json().ffcId);
});

t.test('registration (before a user exists) is keyed by the subject', async (t) => {
  const user = await home.signUp();
  const key = randomUUID();
  const body = { idToken: user.idToken, firstName: 'Rita', lastName: 'Idem' };
  const first = await post('/v1/registrations', user.accessToken, body, key);
  t.equal(first.statusCode, 201, first.body);
  const retry = await post('/v1/registrations', user.accessToken, body, key);
  t.equal(retry.statusCode, 201, 'the retried registration answers as the first');
  t.equal(retry.body, first.body);
  t.equal(retry.headers.location, first.headers.location, 'with the same Location');
  t.equal(retry.headers['idempotency-replayed'], 'true');
  const unkeyed = await post('/v1/registrations', user.accessToken, body);
  t.not(unkeyed.statusCode, 201, 'without the key, registering twice is refused as before');
});

t.test('malformed keys are refused before anything happens', async (t) => {
  const count = (await valuations()).length;
  for (const [what, key] of [
    ['empty', ''],
    ['with a space', 'a b'],
    ['non-ASCII', 'clé'],
    ['256 characters', 'k'.repeat(256)],
  ] as const) {
    const res = await post(
      `/v1/assets/${assetId}/valuations`,
      owner.accessToken,
      { amount: '9.00', valuedOn: '2026-01-03', currency: 'USD' },
      key,
    );
    t.equal(res.statusCode, 400, `${what}: 400`);
    t.equal(res.json().code, 'idempotency_key_invalid', what);
  }
  t.equal((await valuations()).length, count, 'nothing was stored');
  const longest = await post(
    `/v1/assets/${assetId}/valuations`,
    owner.accessToken,
    { amount: '9.00', valuedOn: '2026-01-03', currency: 'USD' },
    '~'.repeat(255),
  );
  t.equal(longest.statusCode, 201, '255 visible characters are accepted');
});

t.test('an expired key is forgotten; the stored answer is not in the audit log', async (t) => {
  const key = randomUUID();
  const body = { amount: '77.00', valuedOn: '2026-06-01', currency: 'USD' };
  t.equal((await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key)).statusCode, 201);
  const audited = await db.admin.query(
    `select changes->>'response_body' as body from audit.audit_log
      where table_name like '%idempotency_keys' and changes ? 'response_body'`,
  );
  t.ok(audited.rows.length > 0, 'storing answers is audited');
  t.ok(
    audited.rows.every((r) => r.body === '[redacted]'),
    'with the answer redacted',
  );
  await db.admin.query(
    `update app.idempotency_keys set expires_at = now() - interval '1 second' where idempotency_key = $1`,
    [key],
  );
  const reused = await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, { ...body, amount: '78.00' }, key);
  t.equal(reused.statusCode, 201, 'after expiry the key serves a new request');
  t.same(await storedKeys(key), [{ response_status: 201 }], 'one row, the new one');
});

t.test('a key on a DELETE or a GET is ignored (only POSTs are keyed)', async (t) => {
  const res = await app.inject({
    method: 'GET',
    url: `/v1/assets/${assetId}`,
    headers: { ...bearer(owner.accessToken), 'idempotency-key': 'not valid because spaces are refused' },
  });
  t.equal(res.statusCode, 200);
});

t.test('a duplicate that waits longer than the lock timeout gets 409 idempotency_key_in_progress', async (t) => {
  const key = randomUUID();
  const body = { amount: '5.00', valuedOn: '2026-07-01', currency: 'USD' };
  // A first request still in its transaction: the key's row inserted and not committed.
  const first = await db.admin.connect();
  try {
    await first.query('begin');
    await first.query(
      `insert into app.idempotency_keys (tenant_id, actor_sub, idempotency_key, request_hash)
       values ($1, $2, $3, $4)`,
      [home.tenantId, owner.sub, key, 'a'.repeat(64)],
    );
    const count = (await valuations()).length;
    const started = Date.now();
    const waiting = await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key);
    t.equal(waiting.statusCode, 409, waiting.body);
    t.equal(waiting.json().code, 'idempotency_key_in_progress');
    t.ok(Date.now() - started >= 1500, 'after waiting for the first (the lock timeout)');
    t.equal((await valuations()).length, count, 'nothing was stored');
  } finally {
    await first.query('rollback');
    first.release();
  }
  const after = await post(`/v1/assets/${assetId}/valuations`, owner.accessToken, body, key);
  t.equal(after.statusCode, 201, 'once the first rolled back, the key is free');
});
