// The request's transaction begins and sets its context in one round trip with escaped literals
// (server/plugins/db.ts): values with quotes and backslashes arrive exactly, as one statement's
// text, never as SQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import { calculateNetWorth } from '../generated/net_worth.queries.ts';
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

/** The text of each query the API's clients send during fn. */
async function sentDuring<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  const spy = function (this: pg.Client, ...args: unknown[]) {
    sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = spy as typeof query;
  try {
    return { result: await fn(), sent };
  } finally {
    pg.Client.prototype.query = query;
  }
}

const support = { tenantId: null, actorKind: 'support' as const, actorId: 'x', requestId: 'req-5' };

t.test("a generated binding's call goes with the opening, its quoted column names and all", async (t) => {
  const personaId = randomUUID();
  const { result, sent } = await sentDuring(() =>
    db
      .withContext(support, (c) =>
        calculateNetWorth.run({ personaId, asOf: '2026-01-01', currency: 'USD' }, c).then(
          () => undefined,
          (e: { code?: string }) => e.code,
        ),
      )
      .catch((e: { code?: string }) => e.code),
  );
  t.ok(result, `the call is refused without a user (${result}) as it was before`);
  t.equal(sent.length, 2, 'two round trips: the opening with the call, then the end');
  t.match(sent[0], /^begin; select set_config\(.*; SELECT .* AS "netWorth!".*api\.sp_calculate_net_worth\(/s);
  t.ok(sent[0].includes(`'${personaId}'`), 'the value inlined as a literal');
});

t.test('quoted column names keep their text; values with quotes and $n arrive exactly', async (t) => {
  const value = `it's "$1" $2 ''`;
  const { result, sent } = await sentDuring(() =>
    db.withContext(support, async (c) => {
      const { rows } = await c.query<{ 'value!': string; 'n!': number }>(
        'select $1::text as "value!", $2::int as "n!"',
        [value, 7],
      );
      return rows[0];
    }),
  );
  t.same(result, { 'value!': value, 'n!': 7 });
  t.equal(sent.length, 2, 'in the opening');
});

t.test('a $n inside a quoted identifier is not a placeholder: that text goes after the opening', async (t) => {
  const { result, sent } = await sentDuring(() =>
    db.withContext(support, async (c) => {
      const { rows } = await c.query<Record<string, string>>('select $1::text as "$1"', ['v']);
      return rows[0];
    }),
  );
  t.same(result, { $1: 'v' }, 'the column is named $1, the value is v');
  t.equal(sent.length, 3, 'the opening, the call with its parameter, the end');
});
