// The outbox delivered by signed webhook (issue 13, docs/webhooks.md), against a real receiver on
// an ephemeral port that verifies every request with the Standard Webhooks library: events of real
// emergency-access transitions delivered once, to their own tenant's URL only; a failure recorded
// and the event sent again on a later pass with the same webhook-id; the backoff doubling to its
// cap and the event given up after the last attempt, listed and requeued; two dispatchers at once
// never sending one event twice; an expired lease; a paused endpoint, a rotation's two signatures;
// who may reach the procedures; no secret in clear anywhere in the database; and the operator CLI.
// Time is the `now` the dispatcher hands the database: moved forward, never slept through.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import t from 'tap';
import * as ea from '../generated/emergency_access.queries.ts';
import * as support from '../generated/support.queries.ts';
import * as wh from '../generated/webhooks.queries.ts';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { deliverWebhooks, generateWebhookSecret, sendWebhook, type DeliverOptions } from '../scripts/lib/webhooks.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const fieldKeys = generateFieldKeys('wh1');
const cipher = createFieldCipher(fieldKeys);
const tenantA = await makeTenant(db, 'partner-a');
const tenantB = await makeTenant(db, 'partner-b');
const tenantC = await makeTenant(db, 'partner-c');
const grace = await makeUser(db, tenantA, 'Grace');
const trudy = await makeUser(db, tenantA, 'Trudy');
const bob = await makeUser(db, tenantB, 'Bob');
const bea = await makeUser(db, tenantB, 'Bea');
const cy = await makeUser(db, tenantC, 'Cy');
const slugOf = async (tenantId: string) =>
  (await db.admin.query<{ slug: string }>('select slug from app.tenants where tenant_id = $1', [tenantId])).rows[0]
    .slug;

// ---- the receiver ------------------------------------------------------------------------------

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  json: { eventId: string; tenantId: string; [key: string]: unknown };
}
const received: Received[] = [];
/** The status the receiver answers a request with (it may wait first). */
let answer: (request: Received) => number | Promise<number> = () => 204;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const request: Received = {
      path: req.url ?? '',
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body,
      json: JSON.parse(body),
    };
    received.push(request);
    const status = await answer(request);
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status >= 300 ? 'receiver says no\nsecond line' : '');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
t.teardown(() => {
  server.closeAllConnections();
  server.close();
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urlOf: Record<string, string> = { [tenantA]: `${base}/a`, [tenantB]: `${base}/b`, [tenantC]: `${base}/c` };
const secrets: Record<string, string> = { [tenantA]: generateWebhookSecret(), [tenantB]: generateWebhookSecret() };
/** Every secret that was ever an endpoint's (the last test looks for each in the database). */
const everySecret = [...Object.values(secrets)];

/** The payload when the request verifies with the secret; throws otherwise. */
const verify = (request: Received, secret: string) => new Webhook(secret).verify(request.body, request.headers);
const requestsFor = (eventId: string) => received.filter((r) => r.headers['webhook-id'] === eventId);

// ---- time, the dispatcher, events ----------------------------------------------------------------

/** The dispatcher's instant: real time, or later once a test has moved it forward. */
let clock = Date.now();
const now = () => new Date(Math.max(clock, Date.now()));
const deliver = (options: Partial<DeliverOptions> = {}) =>
  deliverWebhooks({ pool: db.operator, operator: 'dispatcher:test', cipher, now: now(), timeoutMs: 5000, ...options });

let op = 0;
const asOperator = <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
  inContext(db.operator, { tenantId: null, actorKind: 'support', actorId: 'ops:test', requestId: `wh-${++op}` }, fn);

/** A grant by `who` to an address nobody has: one emergency_access.invited event, returned. */
async function newEvent(who: TestUser = grace) {
  const [grant] = await db.as(who, (c) =>
    ea.createEmergencyAccess.run(
      {
        granteeUserId: null,
        granteeEmail: `nobody-${randomSub().slice(0, 8)}@example.com`,
        scope: 'view',
        waitDays: 7,
      },
      c,
    ),
  );
  await db.as(who, (c) => ea.revokeEmergencyAccess.run({ grantId: grant.grantId }, c));
  const { rows } = await db.admin.query<{ id: string }>(
    `select id from app.outbox_events where aggregate_id = $1 order by seq`,
    [grant.grantId],
  );
  return rows.map((r) => r.id);
}
const outbox = async (eventId: string) =>
  (
    await db.admin.query(
      `select tenant_id, event_type, aggregate_kind, aggregate_id, payload, occurred_at, attempts, delivered_at,
              failed_at, last_error, next_attempt_at, lease_token, lease_expires_at
         from app.outbox_events where id = $1`,
      [eventId],
    )
  ).rows[0];

t.test('an operator sets the endpoint: URLs are checked, the secret is stored encrypted only', async (t) => {
  const [a] = await asOperator((c) =>
    wh.setWebhookEndpoint.run(
      { tenantId: tenantA, url: urlOf[tenantA], secretCiphertext: cipher.encrypt(secrets[tenantA]) },
      c,
    ),
  );
  t.match(a, { url: urlOf[tenantA], active: true, secretStored: true }, 'a new endpoint takes the secret');
  const [moved] = await asOperator((c) =>
    wh.setWebhookEndpoint.run(
      { tenantId: tenantA, url: `${base}/a?moved=1`, secretCiphertext: cipher.encrypt(generateWebhookSecret()) },
      c,
    ),
  );
  t.match(moved, { endpointId: a.endpointId, url: `${base}/a?moved=1`, secretStored: false }, 'a URL change keeps it');
  await asOperator((c) =>
    wh.setWebhookEndpoint.run(
      { tenantId: tenantA, url: urlOf[tenantA], secretCiphertext: cipher.encrypt(generateWebhookSecret()) },
      c,
    ),
  );
  const stored = await db.admin.query<{ secret_ciphertext: Buffer }>(
    'select secret_ciphertext from app.webhook_endpoints where tenant_id = $1',
    [tenantA],
  );
  t.equal(cipher.decrypt(stored.rows[0].secret_ciphertext), secrets[tenantA], 'the first secret is still the one');
  await asOperator((c) =>
    wh.setWebhookEndpoint.run(
      { tenantId: tenantB, url: urlOf[tenantB], secretCiphertext: cipher.encrypt(secrets[tenantB]) },
      c,
    ),
  );

  for (const url of [
    'http://partner.example/hooks',
    'ftp://partner.example/hooks',
    'https://user:pass@partner.example/hooks',
    'https://partner.example/hooks#fragment',
    'https://partner example/hooks',
    'https://partner.example:70000/hooks',
    'http://127.0.0.2/hooks',
    '',
  ]) {
    const refused = await rejection(
      asOperator((c) =>
        wh.setWebhookEndpoint.run({ tenantId: tenantC, url, secretCiphertext: cipher.encrypt('whsec_x') }, c),
      ),
    );
    t.equal(refused.code, 'invalid_webhook_url', `${JSON.stringify(url)} is refused`);
  }
  const plain = await rejection(
    asOperator((c) =>
      wh.setWebhookEndpoint.run(
        { tenantId: tenantC, url: 'https://partner.example/hooks', secretCiphertext: Buffer.from(secrets[tenantA]) },
        c,
      ),
    ),
  );
  t.equal(plain.code, 'invalid_webhook_secret', 'a secret in clear is refused by the procedure');
  const direct = await rejection(
    db.admin.query(`insert into app.webhook_endpoints (tenant_id, url, secret_ciphertext) values ($1, $2, $3)`, [
      tenantC,
      'https://partner.example/hooks',
      Buffer.from(secrets[tenantA]),
    ]),
  );
  t.equal(direct.sqlState, '23514', '...and by the table, whoever writes it');
  t.match(
    await rejection(
      asOperator((c) =>
        wh.rotateWebhookSecret.run(
          { tenantId: tenantC, secretCiphertext: cipher.encrypt('whsec_x'), graceSeconds: 0 },
          c,
        ),
      ),
    ),
    { sqlState: 'PT404', code: 'webhook_endpoint_not_found' },
  );

  const audit = await db.admin.query<{ actor_id: string; operation: string; changes: Record<string, unknown> }>(
    `select actor_id, operation, changes from audit.audit_log
      where table_name = 'app.webhook_endpoints' and tenant_id = $1 order by occurred_at, id`,
    [tenantA],
  );
  t.match(
    audit.rows.map((r) => [r.actor_id, r.operation]),
    [
      ['ops:test', 'INSERT'],
      ['ops:test', 'UPDATE'],
      ['ops:test', 'UPDATE'],
    ],
    'every change is audited under the operator',
  );
  t.equal(audit.rows[0].changes.secret_ciphertext, '[redacted]', 'the audit row redacts even the ciphertext');
});

t.test('the tenant login and the support door reach no webhook procedure and no secret', async (t) => {
  const procedures = (
    await db.admin.query<{ name: string; args: string[] }>(
      `select p.proname as name, array(select format_type(a, null) from unnest(p.proargtypes) a) as args
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'support' and p.proname ~ 'webhook' order by 1`,
    )
  ).rows;
  t.equal(procedures.length, 8, 'the eight webhook procedures');
  const call = (name: string, args: string[]) => (c: { query(sql: string): Promise<unknown> }) =>
    c.query(`select * from support.${name}(${args.map((type) => `null::${type}`).join(', ')})`);

  const staffIssuer = 'http://127.0.0.1:1/staff_Hooks1';
  await asOperator((c) =>
    support.registerStaffPool.run(
      { kind: 'development', userPoolId: 'staff_Hooks1', issuer: staffIssuer, region: null },
      c,
    ),
  );
  const agentSub = randomSub();
  await asOperator((c) =>
    support.addStaff.run(
      { userPoolId: 'staff_Hooks1', cognitoSub: agentSub, email: 'hooks@support.example', displayName: 'Agent' },
      c,
    ),
  );
  for (const { name, args } of procedures) {
    const asTenant = await rejection(db.as(grace, call(name, args)));
    t.equal(asTenant.sqlState, '42501', `the tenant login may not execute support.${name}`);
    const asStaff = await rejection(
      inContext(
        db.support,
        {
          tenantId: null,
          actorKind: 'support',
          actorId: `cognito:${agentSub}`,
          issuer: staffIssuer,
          requestId: `s-${name}`,
        },
        call(name, args),
      ),
    );
    t.equal(asStaff.code, 'operator_only', `a staff member of the support door is refused support.${name}`);
  }
  for (const sql of ['select secret_ciphertext from app.webhook_endpoints', 'select * from app.outbox_events']) {
    t.equal((await rejection(db.as(grace, (c) => c.query(sql)))).sqlState, '42501', `the tenant login: ${sql}`);
  }
});

t.test("events of real transitions are delivered once, signed, to their own tenant's URL", async (t) => {
  const [grant] = await db.as(grace, (c) =>
    ea.createEmergencyAccess.run({ granteeUserId: trudy.userId, granteeEmail: null, scope: 'view', waitDays: 7 }, c),
  );
  await db.as(trudy, (c) => ea.acceptEmergencyAccess.run({ grantId: grant.grantId }, c));
  const [other] = await db.as(bob, (c) =>
    ea.createEmergencyAccess.run({ granteeUserId: bea.userId, granteeEmail: null, scope: 'act_for', waitDays: 3 }, c),
  );
  const [unconfigured] = await db.as(cy, (c) =>
    ea.createEmergencyAccess.run({ granteeUserId: null, granteeEmail: 'x@example.com', scope: 'view', waitDays: 3 }, c),
  );
  const ids = async (aggregateId: string) =>
    (
      await db.admin.query<{ id: string }>('select id from app.outbox_events where aggregate_id = $1 order by seq', [
        aggregateId,
      ])
    ).rows.map((r) => r.id);
  const [invited, accepted] = await ids(grant.grantId);
  const [ofB] = await ids(other.grantId);
  const [ofC] = await ids(unconfigured.grantId);

  const first = await deliver();
  t.match(first, { claimed: 3, delivered: 3, retrying: 0, failed: 0, leaseLost: 0 }, 'A and B: three events');
  for (const [eventId, tenant, other] of [
    [invited, tenantA, tenantB],
    [accepted, tenantA, tenantB],
    [ofB, tenantB, tenantA],
  ]) {
    const requests = requestsFor(eventId);
    t.equal(requests.length, 1, `${eventId} was sent once`);
    const [request] = requests;
    t.equal(request.path, new URL(urlOf[tenant]).pathname, "to its own tenant's URL");
    const row = await outbox(eventId);
    t.same(
      verify(request, secrets[tenant]),
      {
        eventId,
        eventType: row.event_type,
        tenantId: tenant,
        aggregateKind: row.aggregate_kind,
        aggregateId: row.aggregate_id,
        payload: row.payload,
        occurredAt: row.occurred_at.toISOString(),
      },
      "the body is the event, and it verifies with its tenant's secret",
    );
    t.throws(() => verify(request, secrets[other]), /No matching signature/, "and not with the other tenant's");
    t.match(request.headers, {
      'content-type': 'application/json',
      'webhook-id': eventId,
      'webhook-timestamp': /^\d{10}$/,
      'webhook-signature': /^v1,[A-Za-z0-9+/]{43}=$/,
    });
    t.match(row, { attempts: 1, delivered_at: Date, failed_at: null, last_error: null, lease_token: null });
  }
  t.same(requestsFor(ofC), [], 'a tenant without an endpoint gets nothing');
  t.match(await outbox(ofC), { attempts: 0, delivered_at: null }, 'its event waits, untouched');
  t.equal(requestsFor(accepted)[0].json.eventType, 'emergency_access.accepted');

  const count = received.length;
  t.match(await deliver(), { claimed: 0, delivered: 0 }, 'a second pass finds nothing to deliver');
  t.equal(received.length, count, 'and sends nothing');

  const claims = await db.admin.query<{ tenant_id: string; actor_id: string; changes: { claimed: number } }>(
    `select tenant_id, actor_id, changes from audit.audit_log
      where table_name = 'support.sp_claim_webhook_deliveries' and operation = 'READ' order by tenant_id`,
  );
  t.same(
    claims.rows.map((r) => [r.tenant_id, r.actor_id, r.changes.claimed]).sort(),
    [
      [tenantA, 'dispatcher:test', 2],
      [tenantB, 'dispatcher:test', 1],
    ].sort(),
    "each tenant's claim (its secret left the database) is a READ row under the dispatcher",
  );
  const updates = await db.admin.query<{ n: number }>(
    `select count(*)::int as n from audit.audit_log
      where table_name = 'app.outbox_events' and row_id = $1 and operation = 'UPDATE' and actor_id = 'dispatcher:test'`,
    [invited],
  );
  t.equal(updates.rows[0].n, 2, 'the claim and the delivery of an event are audited updates');
});

t.test('a failure is recorded and the event sent again on a later pass, with the same webhook-id', async (t) => {
  const [eventId, revoked] = await newEvent();
  answer = (request) => (request.json.eventId === eventId && requestsFor(eventId).length === 1 ? 500 : 204);
  const at = now();
  clock = at.getTime();
  t.match(await deliver({ now: at }), { claimed: 2, delivered: 1, retrying: 1 }, 'one answered 500, the other 204');
  t.equal(requestsFor(revoked).length, 1);
  const failedEvent = await outbox(eventId);
  t.match(failedEvent, {
    attempts: 1,
    delivered_at: null,
    failed_at: null,
    lease_token: null,
    last_error: 'HTTP 500: receiver says no second line',
  });
  t.equal(failedEvent.next_attempt_at.getTime() - at.getTime(), 30_000, 'tried again 30 seconds later');
  t.match(await deliver(), { claimed: 0 }, 'not before');
  t.equal(requestsFor(eventId).length, 1);

  clock = at.getTime() + 30_000;
  t.match(await deliver(), { claimed: 1, delivered: 1 }, 'a pass 30 seconds later delivers it');
  const [first, second] = requestsFor(eventId);
  t.ok(second, 'sent a second time');
  t.equal(second.headers['webhook-id'], first.headers['webhook-id'], 'with the same webhook-id (the idempotency key)');
  t.equal(second.body, first.body, 'and the same body');
  t.ok(verify(second, secrets[tenantA]), 'signed again');
  t.match(await outbox(eventId), {
    attempts: 2,
    delivered_at: Date,
    last_error: 'HTTP 500: receiver says no second line',
  });
  answer = () => 204;
});

t.test(
  'the backoff doubles from 30 s to 6 h; after 15 attempts the event is given up, listed and requeued',
  async (t) => {
    const [eventId, revoked] = await newEvent();
    answer = (request) => (request.json.eventId === eventId ? 503 : 204);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 15; attempt++) {
      const at = now();
      clock = at.getTime();
      const pass = await deliver({ now: at });
      const row = await outbox(eventId);
      if (attempt < 15) {
        t.equal(pass.retrying, 1, `attempt ${attempt} failed and is retried`);
        delays.push((row.next_attempt_at.getTime() - at.getTime()) / 1000);
        clock = row.next_attempt_at.getTime();
      } else {
        t.equal(pass.failed, 1, 'the 15th failure gives it up');
        t.match(row, {
          attempts: 15,
          failed_at: Date,
          delivered_at: null,
          last_error: 'HTTP 503: receiver says no second line',
        });
      }
    }
    t.same(
      delays,
      [30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600, 21600, 21600],
      '30 s doubled each time, at most 6 hours: about 32 hours in all',
    );
    t.equal(requestsFor(revoked).length, 1, 'the event after it was delivered meanwhile (no head-of-line blocking)');

    clock += 86_400_000;
    t.match(await deliver(), { claimed: 0 }, 'a given-up event is not sent again');
    t.equal(requestsFor(eventId).length, 15);

    const failedList = await asOperator((c) =>
      wh.listWebhookDeliveries.run({ tenantId: tenantA, state: 'failed', limit: 10, offset: 0 }, c),
    );
    t.match(failedList, [{ eventId, state: 'failed', attempts: 15, failedAt: Date, lastError: /^HTTP 503/ }]);
    const [status] = await asOperator((c) => wh.getWebhookEndpoint.run({ tenantId: tenantA }, c));
    t.match(status, { url: urlOf[tenantA], active: true, failed: 1, pending: 0, lastError: /^HTTP 503/ });
    t.match(
      await rejection(
        asOperator((c) => wh.listWebhookDeliveries.run({ tenantId: tenantA, state: 'lost', limit: 10, offset: 0 }, c)),
      ),
      { code: 'invalid_delivery_state' },
    );

    answer = () => 204;
    const requeued = await asOperator((c) => wh.requeueWebhookEvents.run({ tenantId: tenantA, eventId: null }, c));
    t.same(requeued, [{ eventId, eventType: 'emergency_access.invited', previousState: 'failed' }], 'requeued');
    t.match(await deliver(), { claimed: 1, delivered: 1 }, 'and delivered by the next pass');
    t.match(await outbox(eventId), { attempts: 1, failed_at: null, delivered_at: Date });
    t.match(
      await rejection(asOperator((c) => wh.requeueWebhookEvents.run({ tenantId: tenantB, eventId }, c))),
      { sqlState: 'PT404', code: 'outbox_event_not_found' },
      "another tenant's event is not found",
    );
    const reads = await db.admin.query(
      `select table_name from audit.audit_log where actor_id = 'ops:test' and operation = 'READ'
        and table_name in ('support.sp_list_webhook_deliveries', 'support.sp_get_webhook_endpoint')`,
    );
    t.ok(reads.rows.length >= 2, "the operators' reads are audited");
  },
);

t.test('two dispatchers at once never send one event twice', async (t) => {
  const grantors = [grace, trudy, await makeUser(db, tenantA, 'Gus')];
  const events: string[] = [];
  for (let i = 0; i < 8; i++) for (const who of [...grantors, bob]) events.push(...(await newEvent(who)));
  t.equal(events.length, 64);
  answer = () => new Promise((resolve) => setTimeout(() => resolve(204), 20));
  const second = new pg.Pool({ connectionString: db.operatorUrl, max: 4 });
  second.on('error', () => {});
  t.teardown(() => second.end());
  const [one, two] = await Promise.all([
    deliver({ batchSize: 4 }),
    deliver({ batchSize: 4, pool: second, operator: 'dispatcher:second' }),
  ]);
  t.equal(one.delivered + two.delivered, 64, `all delivered between them (${one.delivered} + ${two.delivered})`);
  t.equal(one.leaseLost + two.leaseLost, 0);
  const counts = events.map((id) => requestsFor(id).length);
  t.same(
    counts.filter((n) => n !== 1),
    [],
    'each event was sent exactly once',
  );
  answer = () => 204;
});

t.test("a lease that ended lets another claim the event; the first claim's late failure changes nothing", async (t) => {
  const [eventId] = await newEvent(bob);
  const at = now();
  const claim = (instant: Date) =>
    asOperator((c) => wh.claimWebhookDeliveries.run({ limit: 10, leaseSeconds: 5, now: instant }, c)).then((rows) =>
      rows.filter((r) => r.eventId === eventId),
    );
  const [first] = await claim(at);
  t.match(first, { tenantId: tenantB, attempt: 1, url: urlOf[tenantB] });
  t.equal(cipher.decrypt(first.secretCiphertext), secrets[tenantB], 'the claim carries the encrypted secret');
  t.same(await claim(new Date(at.getTime() + 4000)), [], 'not claimed again while the lease runs');
  const [second] = await claim(new Date(at.getTime() + 5000));
  t.match(second, { attempt: 2 }, 'claimed again once it ended');
  t.not(second.leaseToken, first.leaseToken);

  const record = (leaseToken: string, delivered: boolean) =>
    asOperator((c) =>
      wh.recordWebhookDelivery.run(
        { tenantId: tenantB, eventId, leaseToken, delivered, error: delivered ? null : 'HTTP 502', now: at },
        c,
      ),
    ).then((rows) => rows[0].state);
  t.equal(await record(first.leaseToken, false), 'lease_lost', "the first claim's failure is not recorded");
  t.match(await outbox(eventId), { attempts: 2, lease_token: second.leaseToken, last_error: null });
  t.equal(await record(second.leaseToken, true), 'delivered');
  t.equal(await record(first.leaseToken, true), 'delivered', 'a late success changes nothing either');
  t.match(
    await rejection(asOperator((c) => wh.claimWebhookDeliveries.run({ limit: 10, leaseSeconds: 1, now: null }, c))),
    { code: 'invalid_lease' },
  );
  t.match(
    await rejection(
      asOperator((c) =>
        wh.recordWebhookDelivery.run(
          { tenantId: tenantA, eventId, leaseToken: second.leaseToken, delivered: true, error: null, now: null },
          c,
        ),
      ),
    ),
    { code: 'outbox_event_not_found' },
    "recorded only in the event's own tenant",
  );
});

t.test('a paused endpoint keeps its events; a rotation signs with both secrets during its grace', async (t) => {
  await asOperator((c) => wh.setWebhookEndpointActive.run({ tenantId: tenantA, active: false }, c));
  const paused = await newEvent();
  t.match(await deliver(), { claimed: 0 }, 'nothing is sent while paused');
  t.match(await outbox(paused[0]), { attempts: 0, delivered_at: null });
  await asOperator((c) => wh.setWebhookEndpointActive.run({ tenantId: tenantA, active: true }, c));
  t.match(await deliver(), { claimed: 2, delivered: 2 }, 'and everything once active again');

  const old = secrets[tenantA];
  const rotated = generateWebhookSecret();
  everySecret.push(rotated);
  // A week's grace: the dispatcher's clock in this file is days ahead of the rotation's (real) time.
  const [endpoint] = await asOperator((c) =>
    wh.rotateWebhookSecret.run(
      { tenantId: tenantA, secretCiphertext: cipher.encrypt(rotated), graceSeconds: 604800 },
      c,
    ),
  );
  t.match(endpoint, { secretStored: true, previousSecretExpiresAt: Date });
  const [during] = await newEvent();
  await deliver();
  const [request] = requestsFor(during);
  t.equal(request.headers['webhook-signature'].split(' ').length, 2, 'two signatures during the grace');
  t.ok(verify(request, rotated), 'one verifies with the new secret');
  t.ok(verify(request, old), 'and one with the old');

  const latest = generateWebhookSecret();
  everySecret.push(latest);
  await asOperator((c) =>
    wh.rotateWebhookSecret.run({ tenantId: tenantA, secretCiphertext: cipher.encrypt(latest), graceSeconds: 0 }, c),
  );
  secrets[tenantA] = latest;
  const [after] = await newEvent();
  await deliver();
  const [last] = requestsFor(after);
  t.equal(last.headers['webhook-signature'].split(' ').length, 1, 'one signature without a grace');
  t.ok(verify(last, latest));
  t.throws(() => verify(last, rotated), /No matching signature/, 'the replaced secret no longer verifies');
});

t.test(
  'the operator CLI: set-webhook shows the secret once; deliver-webhooks delivers, once or in a loop',
  async (t) => {
    const slug = await slugOf(tenantC);
    const env = { ...process.env, DATABASE_OPERATOR_URL: db.operatorUrl, FIELD_ENCRYPTION_KEYS: fieldKeys };
    const cli = async (...args: string[]) => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', path.join(projectRoot, 'scripts', 'operator.ts'), ...args, '--operator', 'cli:test'],
        { cwd: projectRoot, env },
      );
      return JSON.parse(stdout);
    };
    const set = await cli('set-webhook', '--tenant', slug, '--url', urlOf[tenantC]);
    t.match(set, { url: urlOf[tenantC], secretStored: true, secret: /^whsec_[A-Za-z0-9+/]{43}=$/ });
    const again = await cli('set-webhook', '--tenant', slug, '--url', urlOf[tenantC]);
    t.notOk('secret' in again, 'the secret is shown only when it is made');
    secrets[tenantC] = set.secret;
    everySecret.push(set.secret);

    const waiting = (
      await db.admin.query<{ id: string }>('select id from app.outbox_events where tenant_id = $1', [tenantC])
    ).rows.map((r) => r.id);
    t.ok(waiting.length >= 1, "C's events waited for its endpoint");
    const summary = await cli('deliver-webhooks');
    t.match(summary, { delivered: waiting.length, retrying: 0, failed: 0 });
    for (const eventId of waiting) {
      const [request] = requestsFor(eventId);
      t.equal(request.path, '/c');
      t.ok(verify(request, set.secret), 'verifies with the secret the CLI showed');
    }
    const status = await cli('webhook-status', '--tenant', slug);
    t.match(status, { url: urlOf[tenantC], active: true, pending: 0, failed: 0, lastDeliveredAt: String });
    t.notOk(JSON.stringify(status).includes('whsec_'), 'the status never shows a secret');
    const listed = await cli('webhook-deliveries', '--tenant', slug, '--state', 'delivered');
    t.same(listed.map((e: { eventId: string }) => e.eventId).sort(), [...waiting].sort());

    // Loop mode: passes until SIGTERM; the event made while it runs is delivered by it.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(projectRoot, 'scripts', 'operator.ts'),
        'deliver-webhooks',
        '--loop',
        '--interval-seconds',
        '1',
        '--operator',
        'cli:loop',
      ],
      { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const made = await newEvent(cy);
    const deadline = Date.now() + 30_000;
    while (made.some((id) => !requestsFor(id).length) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    t.same(
      made.map((id) => requestsFor(id).length),
      [1, 1],
      'the loop delivered the events made while it ran',
    );
    child.kill('SIGTERM');
    t.equal(await exited, 0, 'and stopped on SIGTERM');
    const passes = stdout
      .slice(0, stdout.indexOf('{\n'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    t.ok(passes.length >= 1 && passes.every((p) => p.delivered >= 1), 'a line per pass that delivered something');
    t.match(
      JSON.parse(stdout.slice(stdout.indexOf('{\n'))),
      { stopped: true, delivered: 2 },
      'and the totals at the end',
    );
  },
);

t.test("every request went to its own tenant's URL and verified with that tenant's secret only", async (t) => {
  const byPath: Record<string, string> = { '/a': tenantA, '/b': tenantB, '/c': tenantC };
  t.ok(received.length > 50, `${received.length} requests`);
  for (const request of received) {
    const tenant = byPath[request.path];
    t.equal(request.json.tenantId, tenant, `${request.headers['webhook-id']} on ${request.path}`);
  }
  const others = received.filter((r) => r.path === '/b');
  t.ok(others.length > 0);
  for (const request of others) t.throws(() => verify(request, secrets[tenantA]), /No matching signature/);
});

t.test('no webhook secret is anywhere in the database in clear', async (t) => {
  const tables = (
    await db.admin.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition
          and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`,
    )
  ).rows.map((r) => r.name);
  t.ok(tables.includes('app.webhook_endpoints') && tables.includes('audit.audit_log'));
  const needles = everySecret.flatMap((secret) => [
    secret.slice('whsec_'.length, 'whsec_'.length + 24),
    Buffer.from(secret).toString('hex').slice(0, 48),
    Buffer.from(secret.slice('whsec_'.length), 'base64').toString('hex').slice(0, 48),
  ]);
  let found = 0;
  for (const table of tables) {
    const { rows } = await db.admin.query<{ n: number }>(
      `select count(*)::int as n from ${table} t where exists (select 1 from unnest($1::text[]) needle where strpos(t::text, needle) > 0)`,
      [needles],
    );
    found += rows[0].n;
  }
  t.equal(found, 0, `none of the ${everySecret.length} secrets in any of ${tables.length} tables`);
});

t.test("an attempt's failures are named; a previous secret that no longer decrypts is left out", async (t) => {
  const secret = generateWebhookSecret();
  const lostKeys = createFieldCipher(generateFieldKeys('gone'));
  const event = {
    tenantId: tenantA,
    eventId: randomUUID(),
    leaseToken: randomUUID(),
    attempt: 1,
    eventType: 'test.happened',
    aggregateKind: 'test',
    aggregateId: randomUUID(),
    payload: { n: 1 },
    occurredAt: new Date(),
    url: `${base}/direct`,
    secretCiphertext: cipher.encrypt(secret),
    previousSecretCiphertext: lostKeys.encrypt(generateWebhookSecret()),
  };
  answer = (request) =>
    request.path === '/slow'
      ? new Promise((resolve) => setTimeout(() => resolve(204), 1500))
      : request.path === '/moved'
        ? 302
        : 204;
  t.same(await sendWebhook(event, { cipher }), { ok: true });
  const [sent] = requestsFor(event.eventId);
  t.equal(sent.headers['webhook-signature'].split(' ').length, 1, 'signed with the current secret only');
  t.ok(verify(sent, secret));
  t.same(await sendWebhook({ ...event, url: `${base}/slow` }, { cipher, timeoutMs: 300 }), {
    ok: false,
    error: 'no answer within 300 ms',
  });
  t.match(await sendWebhook({ ...event, url: `${base}/moved` }, { cipher }), {
    ok: false,
    error: 'HTTP 302: receiver says no second line',
  });
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  t.match(await sendWebhook({ ...event, url: `http://127.0.0.1:${closedPort}/closed` }, { cipher }), {
    ok: false,
    error: /^request failed: ECONNREFUSED/,
  });
  t.match(await sendWebhook({ ...event, secretCiphertext: lostKeys.encrypt(secret) }, { cipher }), {
    ok: false,
    error: /^cannot decrypt the signing secret: no key gone/,
  });
  t.same(await sendWebhook(event, { cipher, allowHttp: false }), {
    ok: false,
    error: 'plain http is refused under NODE_ENV=production: the endpoint must be https',
  });
  answer = () => 204;
});
