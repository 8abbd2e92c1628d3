// A user's own sessions: GET /v1/me/sessions lists the caller's sign-ins (the current one marked),
// DELETE /v1/me/sessions/{sessionId} ends one of them. Another user's session, another tenant's,
// a random and a malformed id are refused alike and change nothing.
import { randomUUID } from 'node:crypto';
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

const as = (accessToken: string, method: 'GET' | 'POST' | 'DELETE', url: string) =>
  app.inject({ method, url, headers: { ...bearer(accessToken), 'user-agent': 'my-sessions-test' } });

interface Session {
  sessionId: string;
  startedAt: string;
  revokedAt: string | null;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
}
const sessionsOf = async (accessToken: string) => {
  const res = await as(accessToken, 'GET', '/v1/me/sessions');
  if (res.statusCode !== 200) throw new Error(`sessions: ${res.statusCode} ${res.body}`);
  return res.json() as { items: Session[]; total: number; limit: number; offset: number };
};

// Ann signs in twice (two Cognito sign-ins, two sessions); Bob and Otto once.
for (const who of [ann, bob, otto]) {
  const res = await as(who.accessToken, 'POST', '/v1/sessions');
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.body}`);
}
const annAgain = await home.signIn(ann.email, ann.password);
if ((await as(annAgain.accessToken, 'POST', '/v1/sessions')).statusCode !== 200) throw new Error('second sign-in');
const bobSession = (await sessionsOf(bob.accessToken)).items[0].sessionId;
const ottoSession = (await sessionsOf(otto.accessToken)).items[0].sessionId;

const sessionRows = async () =>
  (await db.admin.query(`select id, revoked_at from app.user_sessions order by id`)).rows as unknown[];

t.test("the list: only the caller's own sign-ins, newest first, the current one marked, with the total", async (t) => {
  const first = await sessionsOf(ann.accessToken);
  t.equal(first.total, 2, 'two sign-ins');
  t.equal(first.items.length, 2, 'both on the page');
  t.same(
    first.items.map((s) => s.current),
    [false, true],
    'newest first: the second sign-in, then the first (current for this token)',
  );
  t.ok(first.items[0].startedAt >= first.items[1].startedAt, 'ordered by start, newest first');
  t.equal(first.items[1].userAgent, 'my-sessions-test', 'the user agent recorded');
  t.ok(first.items[1].ipAddress && !first.items[1].ipAddress.includes('/'), 'their own IP address in clear');
  t.notOk(
    first.items.some((s) => [bobSession, ottoSession].includes(s.sessionId)),
    "neither Bob's nor Otto's sessions",
  );
  const second = await sessionsOf(annAgain.accessToken);
  t.same(
    second.items.map((s) => s.current),
    [true, false],
    'the other token marks the other sign-in current',
  );
  const page = await as(ann.accessToken, 'GET', '/v1/me/sessions?limit=1&offset=1');
  t.equal(page.statusCode, 200, 'a page: 200');
  t.same(
    { n: page.json().items.length, total: page.json().total, limit: page.json().limit, offset: page.json().offset },
    { n: 1, total: 2, limit: 1, offset: 1 },
    'the page shape of every list',
  );
  const past = await as(ann.accessToken, 'GET', '/v1/me/sessions?limit=1&offset=5');
  t.same({ n: past.json().items.length, total: past.json().total }, { n: 0, total: 2 }, 'past the end: total kept');
  const big = await as(ann.accessToken, 'GET', '/v1/me/sessions?limit=501');
  t.equal(big.statusCode, 400, 'a page over the maximum: 400');
});

t.test("another user's, another tenant's, a random and a malformed id: refused alike, nothing changed", async (t) => {
  const before = await sessionRows();
  const answers = [];
  for (const id of [bobSession, ottoSession, randomUUID()]) {
    const res = await as(ann.accessToken, 'DELETE', `/v1/me/sessions/${id}`);
    answers.push({ status: res.statusCode, code: res.json().code });
    t.notOk(res.body.includes(id), 'the answer does not repeat the id');
  }
  t.same(
    answers,
    Array(3).fill({ status: 404, code: 'session_not_found' }),
    "Bob's, Otto's and a random session: 404 session_not_found",
  );
  const malformed = await as(ann.accessToken, 'DELETE', '/v1/me/sessions/not-a-uuid');
  t.equal(malformed.statusCode, 400, 'a malformed id: 400');
  t.equal(malformed.json().code, 'invalid_request', 'invalid_request');
  t.same(await sessionRows(), before, 'no session changed');
  t.equal((await as(bob.accessToken, 'GET', '/v1/me')).statusCode, 200, 'Bob is still signed in');
  t.equal((await as(otto.accessToken, 'GET', '/v1/me')).statusCode, 200, 'Otto is still signed in');
});

t.test('ending another of my sessions, then the current one: the next request is 401 session_revoked', async (t) => {
  const [other, current] = (await sessionsOf(ann.accessToken)).items;
  const ended = await as(ann.accessToken, 'DELETE', `/v1/me/sessions/${other.sessionId}`);
  t.equal(ended.statusCode, 204, 'the other sign-in ended: 204');
  const refused = await as(annAgain.accessToken, 'GET', '/v1/me');
  t.equal(refused.statusCode, 401, "its token's next request: 401");
  t.equal(refused.json().code, 'session_revoked', 'session_revoked');
  const list = await sessionsOf(ann.accessToken);
  t.ok(list.items.find((s) => s.sessionId === other.sessionId)?.revokedAt, 'listed as revoked');
  t.equal(list.items.find((s) => s.sessionId === current.sessionId)?.revokedAt, null, 'the current one stands');
  const again = await as(ann.accessToken, 'DELETE', `/v1/me/sessions/${other.sessionId}`);
  t.equal(again.statusCode, 204, 'ending it again: 204, a no-op');

  const audit = await db.admin.query(
    `select actor_kind, actor_id, operation from audit.audit_log
      where table_name = 'app.user_sessions' and row_id = $1 and operation = 'UPDATE'`,
    [other.sessionId],
  );
  t.equal(audit.rows.length, 1, 'one audited change (the no-op left none)');
  t.same(
    { kind: audit.rows[0]?.actor_kind, id: audit.rows[0]?.actor_id },
    { kind: 'user', id: ann.sub },
    "audited with Ann's identity",
  );

  // A write made with a key before the session ends is not replayed to its token after.
  const keyed = () =>
    app.inject({
      method: 'POST',
      url: '/v1/personas',
      headers: { ...bearer(ann.accessToken), 'idempotency-key': 'before-the-end' },
      payload: { firstName: 'Kept', lastName: 'Once' },
    });
  t.equal((await keyed()).statusCode, 201, 'a keyed write while signed in: 201');
  const self = await as(ann.accessToken, 'DELETE', `/v1/me/sessions/${current.sessionId}`);
  t.equal(self.statusCode, 204, 'ending the current session: 204');
  const replay = await keyed();
  t.equal(replay.statusCode, 401, 'its replay after the end: 401, not the stored answer');
  t.equal(replay.json().code, 'session_revoked', 'session_revoked');
  const next = await as(ann.accessToken, 'GET', '/v1/me/sessions');
  t.equal(next.statusCode, 401, 'the next request: 401');
  t.equal(next.json().code, 'session_revoked', 'session_revoked');
  const fresh = await home.signIn(ann.email, ann.password);
  t.equal((await as(fresh.accessToken, 'GET', '/v1/me')).statusCode, 200, 'a new sign-in is served');
  t.equal((await as(bob.accessToken, 'GET', '/v1/me')).statusCode, 200, "Bob's session untouched");
});
