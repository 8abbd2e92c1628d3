// API keys in the database: the lookup by prefix and hash before any tenant is known (and the
// policy that allows it closing with the call), the key as the actor of a transaction (its
// user, its scopes, its tenant only), the scope names procedures use, and the per-user limit
// under concurrent creations.
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import t from 'tap';
import * as apiKeys from '../generated/api_keys.queries.ts';
import { listMyAssets } from '../generated/assets.queries.ts';
import { getCurrentUser } from '../generated/identity.queries.ts';
import { calculateNetWorth } from '../generated/net_worth.queries.ts';
import { API_KEY_PROCEDURE_SCOPES, API_KEY_SCOPES, newApiKey } from '../server/plugins/api_keys.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenantA = await makeTenant(db, 'keys-a');
const tenantB = await makeTenant(db, 'keys-b');
const ann = await makeUser(db, tenantA, 'Ann');
const otto = await makeUser(db, tenantB, 'Otto');

async function createKey(user: TestUser, scopes: string[]) {
  const material = newApiKey();
  const [row] = await db.as(user, (c) =>
    apiKeys.createApiKey.run(
      { name: 'server', scopes, expiresInDays: 30, prefix: material.prefix, secretSha256: material.secretSha256 },
      c,
    ),
  );
  return { ...row, ...material };
}
let request = 0;
const asKey = <T>(tenantId: string, apiKeyId: string, fn: (c: pg.PoolClient) => Promise<T>) =>
  db.withContext({ tenantId, actorKind: 'api_key', actorId: apiKeyId, requestId: `key-test-${++request}` }, fn);

const annReader = await createKey(ann, ['assets:read', 'net_worth:read']);
const ottoReader = await createKey(otto, ['assets:read']);

t.test('the lookup: by prefix and hash, with no tenant context; anything else is api_key_invalid', async (t) => {
  const [found] = await apiKeys.authenticateApiKey.run(
    { prefix: annReader.prefix, secretSha256: annReader.secretSha256 },
    db.api,
  );
  t.same([found.tenantId, found.apiKeyId], [tenantA, annReader.apiKeyId], "Ann's key, in Ann's tenant");
  for (const [what, prefix, hash] of [
    ['a wrong secret', annReader.prefix, createHash('sha256').update('guess').digest()],
    ["another key's secret", annReader.prefix, ottoReader.secretSha256],
    ['an unknown prefix', '0123456789abcdef', annReader.secretSha256],
    ['a malformed prefix', "' or true --", annReader.secretSha256],
    ['a short hash', annReader.prefix, Buffer.from('abc')],
  ] as const) {
    const refused = await rejection(apiKeys.authenticateApiKey.run({ prefix, secretSha256: hash }, db.api));
    t.same([refused.sqlState, refused.code], ['PT401', 'api_key_invalid'], `${what}: PT401 api_key_invalid`);
  }
});

t.test('the cross-tenant lookup policy holds only during the call', async (t) => {
  const client = await db.api.connect();
  try {
    await client.query('begin');
    await apiKeys.authenticateApiKey.run({ prefix: annReader.prefix, secretSha256: annReader.secretSha256 }, client);
    const { rows } = await client.query(`select coalesce(current_setting('app.api_key_lookup', true), '') as v`);
    t.equal(rows[0].v, '', 'after the call, in the same transaction, the lookup setting is unset again');
    await client.query('savepoint probe');
    await rejection(
      apiKeys.authenticateApiKey.run({ prefix: annReader.prefix, secretSha256: Buffer.alloc(32) }, client),
    );
    await client.query('rollback to savepoint probe');
    const after = await client.query(`select coalesce(current_setting('app.api_key_lookup', true), '') as v`);
    t.equal(after.rows[0].v, '', 'after a refused call, too');
    await client.query('commit');
  } finally {
    client.release();
  }
  // A user of tenant B sees none of tenant A's keys through their own list.
  const ottoList = await db.as(otto, (c) => apiKeys.listMyApiKeys.run({ limit: 100, offset: 0 }, c));
  t.same(
    ottoList.map((k) => k.apiKeyId),
    [ottoReader.apiKeyId],
    "Otto's list: his key only",
  );
});

t.test('a key acts for its user within its scopes, in its tenant only', async (t) => {
  t.same(
    await asKey(tenantA, annReader.apiKeyId, (c) =>
      listMyAssets.run({ assetType: null, ffcId: null, q: null, sort: null, limit: 10, offset: 0 }, c),
    ),
    [],
    'assets:read lists (Ann has no asset)',
  );
  const netWorth = await asKey(tenantA, annReader.apiKeyId, (c) =>
    calculateNetWorth.run(
      { personaId: ann.personaId, asOf: new Date().toISOString().slice(0, 10), currency: 'USD' },
      c,
    ),
  );
  t.equal(netWorth.length, 1, "net_worth:read computes Ann's net worth");
  const otherPersona = await rejection(
    asKey(tenantA, annReader.apiKeyId, (c) =>
      calculateNetWorth.run(
        { personaId: otto.personaId, asOf: new Date().toISOString().slice(0, 10), currency: 'USD' },
        c,
      ),
    ),
  );
  t.equal(otherPersona.code, 'persona_not_found', 'never more than its user: another persona is not found');
  const noScope = await rejection(
    asKey(tenantA, annReader.apiKeyId, (c) => apiKeys.listMyApiKeys.run({ limit: 10, offset: 0 }, c)),
  );
  t.same([noScope.sqlState, noScope.code], ['PT403', 'api_key_not_allowed'], 'key management: api_key_not_allowed');
  const me = await rejection(asKey(tenantA, annReader.apiKeyId, (c) => getCurrentUser.run(undefined, c)));
  t.equal(me.code, 'api_key_not_allowed', 'a procedure in no scope: api_key_not_allowed');
  for (const [what, tenantId, keyId] of [
    ["Otto's key id in Ann's tenant", tenantA, ottoReader.apiKeyId],
    ["Ann's key id in Otto's tenant", tenantB, annReader.apiKeyId],
    ['a random id', tenantA, randomUUID()],
    ['not an id', tenantA, 'x'],
  ] as const) {
    const refused = await rejection(
      asKey(tenantId, keyId, (c) =>
        listMyAssets.run({ assetType: null, ffcId: null, q: null, sort: null, limit: 10, offset: 0 }, c),
      ),
    );
    t.same([refused.sqlState, refused.code], ['PT401', 'api_key_invalid'], `${what}: api_key_invalid`);
  }
});

/** A scope named by a caller check: app.current_user_id('<scope>'), or app.acting_user_id('<procedure>', '<scope>')
 *  for the procedures that may be done acting for someone (procedures/acting_for.sql). */
const NAMED_SCOPE = /(?:current_user_id\(|acting_user_id\('[^']*', )'([^']*)'\)/g;

t.test('every scope a procedure names is one of the fixed list, and the list matches the table', async (t) => {
  const { rows } = await db.admin.query<{ name: string; src: string }>(
    `select p.oid::regprocedure::text as name, p.prosrc as src from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('api', 'app') and p.prosrc like '%user_id(''%'`,
  );
  const named = new Set<string>();
  for (const row of rows) for (const m of row.src.matchAll(NAMED_SCOPE)) named.add(m[1]);
  t.ok(named.size >= 4, `procedures name scopes (${[...named].join(', ')})`);
  for (const scope of named) t.ok((API_KEY_SCOPES as readonly string[]).includes(scope), `${scope} is a known scope`);
  const check = await db.admin.query<{ def: string }>(
    `select pg_get_constraintdef(c.oid) as def from pg_constraint c where c.conrelid = 'app.api_keys'::regclass and pg_get_constraintdef(c.oid) like '%scopes%'`,
  );
  for (const scope of API_KEY_SCOPES) t.match(check.rows[0].def, scope, `the table's CHECK lists ${scope}`);
  // The published contract (x-api-key-scope) says what the catalog does: the api procedures that admit a key.
  const admitting = Object.fromEntries(
    rows
      .filter((row) => row.name.startsWith('api.'))
      .flatMap((row) => [...row.src.matchAll(NAMED_SCOPE)].map((m) => [row.name.replace(/^api\.|\(.*$/g, ''), m[1]])),
  );
  t.same(
    admitting,
    API_KEY_PROCEDURE_SCOPES,
    'API_KEY_PROCEDURE_SCOPES lists exactly the procedures that name a scope',
  );
});

t.test('concurrent creations never pass the limit of 10 live keys', async (t) => {
  const bea = await makeUser(db, tenantA, 'Bea');
  const results = await Promise.allSettled(Array.from({ length: 12 }, () => createKey(bea, ['assets:read'])));
  const made = results.filter((r) => r.status === 'fulfilled').length;
  const refused = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => (r.reason as { hint?: string }).hint);
  t.equal(made, 10, 'ten made');
  t.same(refused, ['api_key_limit_reached', 'api_key_limit_reached'], 'two refused: api_key_limit_reached');
});

t.test('the table refuses a key without a bounded expiry or with an unknown scope', async (t) => {
  const base = `insert into app.api_keys (tenant_id, user_id, name, prefix, secret_sha256, scopes, expires_at)
                select $1, u.id, 'x', '00000000000000ff', sha256('x'::bytea), $2, $3 from app.users u where u.tenant_id = $1 limit 1`;
  for (const [what, scopes, expires] of [
    ['two years', ['assets:read'], new Date(Date.now() + 2 * 365 * 86_400_000)],
    ['already past', ['assets:read'], new Date(Date.now() - 1000)],
    ['an unknown scope', ['assets:admin'], new Date(Date.now() + 86_400_000)],
  ] as const) {
    const refused = await rejection(db.admin.query(base, [tenantA, scopes, expires]));
    t.equal(refused.sqlState, '23514', `${what}: a CHECK violation`);
  }
});

t.test("a suspended tenant's keys are refused with tenant_inactive", async (t) => {
  await db.admin.query(`update app.tenants set status = 'suspended' where tenant_id = $1`, [tenantB]);
  const refused = await rejection(
    asKey(tenantB, ottoReader.apiKeyId, (c) =>
      listMyAssets.run({ assetType: null, ffcId: null, q: null, sort: null, limit: 10, offset: 0 }, c),
    ),
  );
  t.same([refused.sqlState, refused.code], ['PT403', 'tenant_inactive'], 'PT403 tenant_inactive');
});
