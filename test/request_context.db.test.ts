// The request's transaction begins and sets its context in one round trip with escaped literals
// (server/plugins/db.ts): values with quotes and backslashes arrive exactly, as one statement's
// text, never as SQL.
import t from 'tap';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);

t.test('quotes, backslashes and SQL in the values arrive as text', async (t) => {
  const actorId = `o'brien\\'; drop table app.tenants; --`;
  const email = `a\\b'c@example.com`;
  const row = await db.withContext(
    { tenantId: null, actorKind: 'support', actorId, requestId: 'req-1', verifiedEmail: email },
    async (c) => {
      // SAVEPOINT fails outside a transaction block: the BEGIN came first.
      await c.query('savepoint inside_the_transaction');
      const { rows } = await c.query<{ actor: string; email: string; request: string }>(
        `select current_setting('app.actor_id') as actor, current_setting('app.verified_email') as email,
                current_setting('app.request_id') as request`,
      );
      return rows[0];
    },
  );
  t.equal(row.actor, actorId);
  t.equal(row.email, email);
  t.equal(row.request, 'req-1');
  const { rows } = await db.admin.query(`select count(*)::int as n from app.tenants`);
  t.ok(rows[0].n >= 0, 'app.tenants is still there');
});

t.test('the context is transaction-local: gone after commit', async (t) => {
  await db.withContext({ tenantId: null, actorKind: 'support', actorId: 'x', requestId: 'req-2' }, async () => {});
  const client = await db.api.connect();
  try {
    const { rows } = await client.query(`select current_setting('app.actor_id', true) as actor`);
    t.not(rows[0].actor, 'x');
  } finally {
    client.release();
  }
});

t.test('a NUL in a value is refused as invalid text, never cuts the statement short', async (t) => {
  const error = await db
    .withContext({ tenantId: null, actorKind: 'support', actorId: 'a\u0000b', requestId: 'req-3' }, async () => {})
    .then(
      () => undefined,
      (e: { code?: string }) => e,
    );
  t.equal(error?.code, '22021', 'invalid byte sequence, as with parameters');
  const merged = await db
    .withContext({ tenantId: null, actorKind: 'support', actorId: 'x', requestId: 'req-4' }, (c) =>
      c.query('select $1::text as v', ['a\u0000b']),
    )
    .then(
      () => undefined,
      (e: { code?: string }) => e,
    );
  t.equal(merged?.code, '22021', 'in a call too');
});
