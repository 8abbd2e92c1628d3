// A one-call transaction (server/plugins/db.ts, callInContext): the context and a generated
// binding's call in ONE simple-protocol message, no BEGIN or COMMIT. PostgreSQL runs a message's
// statements as one implicit transaction: the transaction-local context holds for the call, the
// message commits at its end, any error rolls all of it back, and nothing stays open after it.
import t from 'tap';
import pg from 'pg';
import { callInContext, type OneCall, type RequestContext } from '../server/plugins/db.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
// One connection, so every call below reuses the one the previous call left.
const pool = new pg.Pool({ connectionString: db.adminUrl, max: 1 });
t.teardown(() => pool.end());

const context: RequestContext = { tenantId: null, actorKind: 'support', actorId: "o'brien", requestId: 'req-1' };
const binding = <R>(text: string): OneCall<unknown[], R> => ({
  run: async (params, client) => (await client.query<R & pg.QueryResultRow>(text, params)).rows,
});
/** The texts the pool's connection was sent. */
const sent: string[] = [];
pool.on('acquire', (client) => {
  const marked = client as pg.PoolClient & { counted?: boolean };
  if (marked.counted) return;
  marked.counted = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    if (typeof args[0] === 'string') sent.push(args[0]);
    return query(...args);
  };
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string; message?: string }) => error,
  );

await db.admin.query(`create table public.one_call (v text, actor text)`);
await db.admin.query(`create sequence public.one_call_attempts`);
await db.admin.query(`create function public.one_call_conflict() returns int language plpgsql as $$
  begin
    if nextval('public.one_call_attempts') < 3 then
      raise exception 'conflict' using errcode = '40001';
    end if;
    return 1;
  end $$`);

t.test('one message: the context holds for the call, which commits; nothing stays open', async (t) => {
  sent.length = 0;
  const [row] = await callInContext(
    pool,
    context,
    binding<{ v: string }>('insert into public.one_call select $1, current_setting($2) returning v'),
    ['a', 'app.actor_id'],
  );
  t.equal(row.v, 'a');
  t.equal(sent.length, 1, `one message: ${sent.join(' | ')}`);
  t.notOk(/\bbegin\b|\bcommit\b/i.test(sent[0]), 'no BEGIN or COMMIT');
  const { rows: stored } = await db.admin.query(`select actor from public.one_call where v = 'a'`);
  t.same(stored, [{ actor: "o'brien" }], 'committed, with the context of the message');
  const client = await pool.connect();
  try {
    const { rows: after } = await client.query(
      `select current_setting('app.actor_id', true) as actor, pg_current_xact_id_if_assigned() as xact`,
    );
    t.not(after[0].actor, "o'brien", 'the context ended with the message');
    t.equal(after[0].xact, null, 'no transaction open after it');
  } finally {
    client.release();
  }
});

t.test('an error rolls the whole message back and leaves no transaction open', async (t) => {
  sent.length = 0;
  const error = await failure(
    callInContext(
      pool,
      context,
      binding('with w as (insert into public.one_call values ($1) returning 1) select 1 / (count(*) - 1) from w'),
      ['b'],
    ),
  );
  t.equal(error?.code, '22012', 'the error as the database said it');
  t.equal(sent.length, 1, 'no ROLLBACK sent: there is no transaction to end');
  const { rows } = await db.admin.query(`select count(*)::int as n from public.one_call where v = 'b'`);
  t.equal(rows[0].n, 0, 'the insert before the error is gone');
  const client = await pool.connect();
  try {
    const savepoint = await failure(client.query('savepoint s'));
    t.equal(savepoint?.code, '25P01', 'the connection is outside any transaction block');
  } finally {
    client.release();
  }
});

t.test("the context's statement_timeout bounds the call in the same message", async (t) => {
  const error = await failure(
    callInContext(pool, context, binding('select pg_sleep($1)'), [2], {
      ...(await import('../server/timeouts.ts')).DEFAULT_DATABASE_TIMEOUTS,
      statementMs: 100,
    }),
  );
  t.equal(error?.code, '57014', 'canceled by statement timeout');
});

t.test('a serialization failure is retried, each attempt its own message', async (t) => {
  sent.length = 0;
  const [row] = await callInContext(
    pool,
    context,
    binding<{ v: number }>('select public.one_call_conflict() as v'),
    [],
  );
  t.equal(row.v, 1, 'the third attempt succeeds');
  t.equal(sent.length, 3, 'three messages, no BEGIN, COMMIT or ROLLBACK between them');
});

t.test('a second query of a one-call transaction is refused, never run outside it', async (t) => {
  const error = await failure(
    callInContext(
      pool,
      context,
      {
        run: async (_params: undefined, client) => {
          await client.query('select 1');
          return (await client.query('select 2')).rows;
        },
      },
      undefined,
    ),
  );
  t.match(error?.message, /second query/);
});

t.test('a call that cannot be inlined runs in a BEGIN ... COMMIT transaction as before', async (t) => {
  sent.length = 0;
  const [row] = await callInContext(
    pool,
    context,
    binding<{ actor: string }>(`select current_setting('app.actor_id') as actor`),
    [],
  );
  t.equal(row.actor, "o'brien");
  t.match(sent[0], /^begin; select set_config/);
  t.equal(sent[sent.length - 1], 'commit');
});
