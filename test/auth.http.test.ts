// Authentication over HTTP: every way a bearer token can be wrong is refused with 401 and a stable
// problem+json code, and a verified identity still only reaches its own tenant's data (403/404).
// Tokens are real (cognito-local through amazon-cognito-identity-js) or forged attacker-side.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import t, { type Test } from 'tap';
import { bearer, makePoolTenant, testApp } from './helpers/app.ts';
import { makeTenant, testDatabase } from './helpers/db.ts';
import {
  registerAppClient,
  registerIdentityProvider,
  setAppClientStatus,
  setTenantStatus,
} from '../generated/tenancy.queries.ts';
import { accessTokenClaims, decodePayload, devPublicKeyPem, signJwt, tamperPayload } from './helpers/tokens.ts';

const db = await testDatabase(t);
// Every pool tenant exists before the app starts, so its first routing table already knows them
// (an unknown client only triggers a reload once per reload interval).
const home = await makePoolTenant(db, 'home');
const other = await makePoolTenant(db, 'other');
const doomed = await makePoolTenant(db, 'doomed');
const app = await testApp(t, db);

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
}

const PROBLEM_KEYS = ['code', 'detail', 'errors', 'instance', 'status', 'title', 'type'];
// A line of a V8 stack trace, raw or JSON-escaped: "at fn (file.ts:1:2)", "at file.js:1:2", node:internal...
const STACK_LINE = /(?:^|\n|\\n)\s*at\s|\bat\s+\S+\s+\(\S+:\d+:\d+\)|\bat\s+\S+:\d+:\d+|node:internal/;

/** Asserts a refusal: status, problem+json with the code, a Bearer challenge on 401, nothing leaked. */
function expectRefusal(
  t: Test,
  res: LightMyRequestResponse,
  expected: { status: number; code: string | RegExp; token?: string },
  what: string,
): Problem {
  t.equal(res.statusCode, expected.status, `${what} is refused with HTTP ${expected.status}`);
  t.match(
    res.headers['content-type'],
    /^application\/problem\+json\b/,
    `${what} is answered with an application/problem+json document`,
  );
  const body = res.json<Problem>();
  if (typeof expected.code === 'string') t.equal(body.code, expected.code, `${what} carries the code ${expected.code}`);
  else t.match(body.code, expected.code, `${what} carries a code matching ${expected.code}`);
  t.equal(body.status, expected.status, `${what}: the document repeats the HTTP status`);
  t.ok(
    Object.keys(body).every((key) => PROBLEM_KEYS.includes(key)),
    `${what}: the document holds only problem fields`,
  );
  if (expected.status === 401) {
    const challenge = res.headers['www-authenticate'];
    t.match(challenge, /^Bearer(\s|$)/, `${what} challenges the client with WWW-Authenticate: Bearer`);
    if (body.code !== 'token_missing') {
      t.match(challenge, /error="invalid_token"/, `${what}: the challenge says the presented token is invalid`);
    }
  }
  t.notMatch(res.body, STACK_LINE, `${what}: the response body holds no stack trace`);
  if (expected.token) {
    const token = expected.token;
    const raw = res.body + JSON.stringify(res.headers);
    t.notOk(raw.includes(token), `${what}: the response does not echo the token`);
    const segments = token.split('.').filter((part) => part.length >= 16);
    t.notOk(
      segments.some((part) => raw.includes(part)),
      `${what}: the response echoes no part of the token either`,
    );
  }
  return body;
}

const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...(token === undefined ? {} : bearer(token)), ...headers } });
const post = (url: string, token: string, payload?: object) =>
  app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });

/** Registers a fresh cognito-local user of the tenant through POST /v1/registrations. */
async function registered(tenant: typeof home, firstName: string, lastName: string) {
  const user = await tenant.signUp();
  const res = await post('/v1/registrations', user.accessToken, {
    idToken: user.idToken,
    firstName,
    lastName,
    dateOfBirth: '1975-04-12',
  });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const { userId, personaId } = res.json<{ userId: string; personaId: string }>();
  return { ...user, userId, personaId, firstName, lastName };
}

/** Claims that pass every check but the one a test breaks: home's issuer and app client. */
const homeClaims = (extra: { ttlSeconds?: number } = {}) =>
  accessTokenClaims({ issuer: home.issuer, clientId: home.clientId, sub: randomUUID(), ...extra });

// A real, registered user of home: the tokens that the attacker-side tests tamper with.
const alice = await registered(home, 'Alice', 'Homeowner');

t.test('a real access token of a registered user is accepted (the baseline every refusal departs from)', async (t) => {
  const res = await get('/v1/me', alice.accessToken);
  t.equal(res.statusCode, 200, 'GET /v1/me with a real access token answers 200');
  t.equal(res.json<{ email: string }>().email, alice.email, "the profile is the signed-in user's");
});

t.test(
  'a request without a usable Authorization header is refused with token_missing or token_malformed',
  async (t) => {
    expectRefusal(
      t,
      await get('/v1/me'),
      { status: 401, code: 'token_missing' },
      'a request without an Authorization header',
    );
    expectRefusal(
      t,
      await get('/v1/me', undefined, { authorization: 'Basic YWxpY2U6c2VjcmV0' }),
      { status: 401, code: 'token_missing', token: 'YWxpY2U6c2VjcmV0' },
      'a request with the Basic scheme',
    );
    expectRefusal(
      t,
      await get('/v1/me', undefined, { authorization: `Token ${alice.accessToken}` }),
      { status: 401, code: 'token_missing', token: alice.accessToken },
      'a real access token under a non-Bearer scheme',
    );
    expectRefusal(
      t,
      await get('/v1/me', 'this-is-not-a-jwt'),
      { status: 401, code: 'token_malformed', token: 'this-is-not-a-jwt' },
      'a garbage bearer token',
    );
    const threeGarbageParts = 'bm90LWpzb24.bm90LWpzb24.c2lnbmF0dXJl';
    expectRefusal(
      t,
      await get('/v1/me', threeGarbageParts),
      { status: 401, code: 'token_malformed', token: threeGarbageParts },
      'a three-part token whose parts are not JSON',
    );
  },
);

t.test('an expired access token is refused with token_expired', async (t) => {
  const token = signJwt(homeClaims({ ttlSeconds: -60 }));
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_expired', token },
    'a well-signed token that expired a minute ago',
  );
});

t.test('an access token without exp is refused with token_expiry_missing', async (t) => {
  const claims = homeClaims();
  delete claims.exp;
  const token = signJwt(claims);
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_expiry_missing', token },
    'a well-signed token without exp',
  );
});

t.test('a token from an unregistered issuer is refused with token_client_unknown', async (t) => {
  const stranger = signJwt(
    accessTokenClaims({ issuer: 'http://127.0.0.1:9/eu-west-1_Stranger', clientId: home.clientId, sub: randomUUID() }),
  );
  expectRefusal(
    t,
    await get('/v1/me', stranger),
    { status: 401, code: 'token_client_unknown', token: stranger },
    'a well-signed token of an unregistered issuer',
  );
  // Both issuer and client are registered, but not as a pair: another tenant's issuer with home's client.
  const crossed = signJwt(accessTokenClaims({ issuer: other.issuer, clientId: home.clientId, sub: randomUUID() }));
  expectRefusal(
    t,
    await get('/v1/me', crossed),
    { status: 401, code: 'token_client_unknown', token: crossed },
    "a token pairing one tenant's issuer with another tenant's client",
  );
});

t.test('a token of a registered issuer for an unknown app client is refused with token_client_unknown', async (t) => {
  const token = signJwt(
    accessTokenClaims({ issuer: home.issuer, clientId: 'unknownclient0000000000000', sub: randomUUID() }),
  );
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_client_unknown', token },
    'a well-signed token for an unknown client of a registered issuer',
  );
});

t.test('an id token is refused with token_not_access_token', async (t) => {
  t.equal(decodePayload(alice.idToken).token_use, 'id', 'cognito-local issued a real id token');
  expectRefusal(
    t,
    await get('/v1/me', alice.idToken),
    { status: 401, code: 'token_not_access_token', token: alice.idToken },
    'the real id token of a registered user',
  );
});

t.test('an unsigned token (alg none) is refused', async (t) => {
  const token = signJwt(homeClaims(), { alg: 'none' });
  const body = expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: /^token_/, token },
    'an alg-none token with an empty signature',
  );
  t.ok(
    ['token_signature_invalid', 'token_malformed'].includes(body.code),
    `an alg-none token is refused as unsigned or malformed (got ${body.code})`,
  );
  // Same with a non-empty but meaningless signature, so that the parser cannot be what stops it.
  const padded = `${token}AAAA`;
  expectRefusal(
    t,
    await get('/v1/me', padded),
    { status: 401, code: 'token_signature_invalid', token: padded },
    'an alg-none token with a junk signature',
  );
});

t.test(
  'an HS256 token keyed with the public key (algorithm confusion) is refused with token_signature_invalid',
  async (t) => {
    const token = signJwt(homeClaims(), { alg: 'HS256', hmacSecret: devPublicKeyPem() });
    expectRefusal(
      t,
      await get('/v1/me', token),
      { status: 401, code: 'token_signature_invalid', token },
      'an HS256 token whose HMAC secret is the public key PEM',
    );
  },
);

t.test('a real access token whose payload was tampered with is refused with token_signature_invalid', async (t) => {
  const token = tamperPayload(alice.accessToken, { sub: randomUUID() });
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_signature_invalid', token },
    'a real access token with another sub',
  );
});

t.test('a token signed under an unknown kid is refused with token_key_unknown', async (t) => {
  const token = signJwt(homeClaims(), { kid: 'not-a-known-key' });
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_key_unknown', token },
    'a token with kid not-a-known-key',
  );
  const res = await get('/v1/me', alice.accessToken);
  t.equal(res.statusCode, 200, 'tokens under the known kid are still accepted after an unknown kid');
});

t.test(
  'an unknown kid repeated within the JWKS refetch back-off is still refused with token_key_unknown',
  async (t) => {
    // The first may meet a back-off left by the previous test; the second certainly meets the first's.
    t.equal(
      (await get('/v1/me', signJwt(homeClaims(), { kid: 'unknown-key-1' }))).statusCode,
      401,
      'a first unknown kid is refused',
    );
    const token = signJwt(homeClaims(), { kid: 'unknown-key-2' });
    const body = expectRefusal(
      t,
      await get('/v1/me', token),
      { status: 401, code: /^token_/, token },
      'a second unknown kid right after the first',
    );
    t.equal(
      body.code,
      'token_key_unknown',
      'a second unknown kid right after the first carries the code token_key_unknown',
    );
    t.equal(
      (await get('/v1/me', alice.accessToken)).statusCode,
      200,
      'tokens under the known kid are still accepted during the back-off',
    );
  },
);

t.test('the Bearer scheme is case-insensitive (RFC 7235)', async (t) => {
  t.equal(
    (await get('/v1/me', undefined, { authorization: `bearer ${alice.accessToken}` })).statusCode,
    200,
    'a lower-case scheme is accepted',
  );
});

t.test('a token signed with another RSA key under the known kid is refused with token_signature_invalid', async (t) => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const token = signJwt(homeClaims(), { key: privateKey, kid: 'CognitoLocal' });
  expectRefusal(
    t,
    await get('/v1/me', token),
    { status: 401, code: 'token_signature_invalid', token },
    'a token signed by a foreign RSA key claiming kid CognitoLocal',
  );
});

t.test('a verified but unregistered identity is refused until it registers', async (t) => {
  const user = await home.signUp();
  expectRefusal(
    t,
    await get('/v1/me', user.accessToken),
    { status: 403, code: 'user_not_registered', token: user.accessToken },
    'GET /v1/me before registration',
  );
  const registration = await post('/v1/registrations', user.accessToken, {
    idToken: user.idToken,
    firstName: 'Nora',
    lastName: 'Newcomer',
  });
  t.equal(registration.statusCode, 201, 'POST /v1/registrations registers the verified identity');
  const me = await get('/v1/me', user.accessToken);
  t.equal(me.statusCode, 200, 'GET /v1/me answers 200 once registered');
  t.equal(me.json<{ email: string }>().email, user.email, 'the profile carries the registered email');
});

t.test('a user of tenant A cannot read or change a persona of tenant B', async (t) => {
  const bob = await registered(other, 'Bartholomew', 'Elsewhere');
  const path = `/v1/personas/${bob.personaId}`;
  const secrets = [bob.firstName, bob.lastName, bob.email, bob.userId, bob.personaId, other.tenantId, other.clientId];

  const read = await get(path, alice.accessToken);
  expectRefusal(
    t,
    read,
    { status: 404, code: 'persona_not_found', token: alice.accessToken },
    "GET of another tenant's persona",
  );
  t.notOk(
    secrets.some((s) => read.body.includes(s)),
    "the refusal tells nothing of the other tenant's persona, user or tenant",
  );

  const change = await app.inject({
    method: 'PATCH',
    url: path,
    headers: bearer(alice.accessToken),
    payload: { firstName: 'Hijacked' },
  });
  expectRefusal(
    t,
    change,
    { status: 404, code: 'persona_not_found', token: alice.accessToken },
    "PATCH of another tenant's persona",
  );
  t.notOk(
    secrets.some((s) => change.body.includes(s)),
    'the PATCH refusal tells nothing of the other tenant either',
  );

  const own = await get(path, bob.accessToken);
  t.equal(own.statusCode, 200, "the persona's own user still reads it");
  t.equal(own.json<{ firstName: string }>().firstName, bob.firstName, 'the refused PATCH changed nothing');
});

t.test('a deactivated user is refused with user_inactive, with the same still-valid token', async (t) => {
  const carol = await registered(home, 'Carol', 'Leaving');
  const deactivation = await post('/v1/me/deactivation', carol.accessToken);
  t.equal(deactivation.statusCode, 200, 'POST /v1/me/deactivation answers 200');
  t.equal(deactivation.json<{ status: string }>().status, 'deactivated', 'the account is reported deactivated');
  expectRefusal(
    t,
    await get('/v1/me', carol.accessToken),
    { status: 403, code: 'user_inactive', token: carol.accessToken },
    'GET /v1/me after deactivation',
  );
  expectRefusal(
    t,
    await post('/v1/sessions', carol.accessToken),
    { status: 403, code: 'user_inactive', token: carol.accessToken },
    'a new session after deactivation',
  );
});

t.test('every user of a suspended tenant is refused with tenant_inactive', async (t) => {
  const dave = await registered(doomed, 'Dave', 'Suspended');
  t.equal((await get('/v1/me', dave.accessToken)).statusCode, 200, 'the user is served while the tenant is active');
  // The superuser bypasses row-level security, FORCE included (FORCE binds the table owner).
  const suspended = await db.admin.query(`update app.tenants set status = 'suspended' where tenant_id = $1`, [
    doomed.tenantId,
  ]);
  t.equal(suspended.rowCount, 1, 'the superuser suspends the tenant');
  expectRefusal(
    t,
    await get('/v1/me', dave.accessToken),
    { status: 403, code: 'tenant_inactive', token: dave.accessToken },
    'GET /v1/me in a suspended tenant',
  );
  const newcomer = await doomed.signUp();
  expectRefusal(
    t,
    await post('/v1/registrations', newcomer.accessToken, {
      idToken: newcomer.idToken,
      firstName: 'Erin',
      lastName: 'Late',
    }),
    { status: 403, code: 'tenant_inactive', token: newcomer.accessToken },
    'a registration in a suspended tenant',
  );
});

t.test('development issuers are refused when the app does not allow them', async (t) => {
  const production = await testApp(t, db, { allowDevelopmentIssuers: false });
  const res = await production.inject({ method: 'GET', url: '/v1/me', headers: bearer(alice.accessToken) });
  expectRefusal(
    t,
    res,
    { status: 401, code: 'token_client_unknown', token: alice.accessToken },
    'a real cognito-local token at an app without development issuers',
  );
});

t.test('end to end: a cognito-local sign-in registers, opens a session and manages personas', async (t) => {
  const user = await home.signUp();
  const claims = decodePayload(user.accessToken);
  t.equal(claims.token_use, 'access', 'amazon-cognito-identity-js signed in and got an access token');
  t.equal(claims.iss, home.issuer, "the token was issued by the tenant's user pool");
  t.equal(claims.client_id, home.clientId, "the token was issued to the tenant's app client");

  const registration = await post('/v1/registrations', user.accessToken, {
    idToken: user.idToken,
    firstName: 'Frances',
    lastName: 'Founder',
    dateOfBirth: '1970-02-03',
  });
  t.equal(registration.statusCode, 201, 'POST /v1/registrations answers 201');
  const { userId, personaId } = registration.json<{ userId: string; personaId: string }>();

  const session = await app.inject({
    method: 'POST',
    url: '/v1/sessions',
    headers: { ...bearer(user.accessToken), 'user-agent': 'auth-http-test' },
  });
  t.equal(session.statusCode, 200, 'POST /v1/sessions answers 200');
  const profile = session.json<{
    userId: string;
    email: string;
    lastLoginAt: string | null;
    personaId: string;
    firstName: string;
  }>();
  t.equal(profile.userId, userId, "the session returns the registered user's profile");
  t.ok(profile.lastLoginAt && !Number.isNaN(Date.parse(profile.lastLoginAt)), 'the session sets lastLoginAt');

  const me = await get('/v1/me', user.accessToken);
  t.equal(me.statusCode, 200, 'GET /v1/me answers 200');
  t.match(
    me.json(),
    { userId, email: user.email, personaId, firstName: 'Frances', lastName: 'Founder', status: 'active' },
    'GET /v1/me returns the user, their persona and status',
  );
  t.equal(me.json<{ lastLoginAt: string }>().lastLoginAt, profile.lastLoginAt, 'GET /v1/me shows the recorded sign-in');

  const created = await post('/v1/personas', user.accessToken, {
    firstName: 'Georgie',
    lastName: 'Founder',
    dateOfBirth: '2015-06-01',
  });
  t.equal(created.statusCode, 201, 'POST /v1/personas answers 201');
  const child = created.json<{ personaId: string; isMinor: boolean }>();
  t.equal(created.headers.location, `/v1/personas/${child.personaId}`, 'the Location header points at the new persona');
  t.equal(child.isMinor, true, 'a persona born in 2015 is a minor');

  const fetched = await get(created.headers.location as string, user.accessToken);
  t.equal(fetched.statusCode, 200, 'GET of the Location answers 200');
  t.match(
    fetched.json(),
    { personaId: child.personaId, firstName: 'Georgie', lastName: 'Founder' },
    'the Location serves the created persona',
  );

  const list = await get('/v1/personas', user.accessToken);
  t.equal(list.statusCode, 200, 'GET /v1/personas answers 200');
  const items = list.json<{ items: Array<{ personaId: string; linkKind: string }> }>().items;
  t.same(
    items.map((p) => [p.personaId, p.linkKind]),
    [
      [personaId, 'self'],
      [child.personaId, 'delegate'],
    ],
    "GET /v1/personas lists the user's own persona, then the one they manage",
  );
});

t.test('no refusal echoes the token or a stack trace', async (t) => {
  // Each refusal above already checks its body; this gathers one of every kind against long real tokens.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cases: Array<[string, string]> = [
    ['a tampered real token', tamperPayload(alice.accessToken, { sub: 'someone-else' })],
    ['an id token', alice.idToken],
    ['an expired token', signJwt(homeClaims({ ttlSeconds: -3600 }))],
    ['a foreign-key token', signJwt(homeClaims(), { key: privateKey })],
    [
      'a token with a huge junk payload',
      `${alice.accessToken.split('.')[0]}.${'A'.repeat(4000)}.${alice.accessToken.split('.')[2]}`,
    ],
  ];
  for (const [what, token] of cases) {
    const res = await get('/v1/me', token);
    t.equal(res.statusCode, 401, `${what} is refused`);
    t.notOk(res.body.includes(token), `the refusal of ${what} does not contain the token`);
    t.notOk(JSON.stringify(res.headers).includes(token), `no header of the refusal of ${what} contains the token`);
    t.notMatch(res.body, STACK_LINE, `the refusal of ${what} holds no stack trace`);
    t.notMatch(
      res.json<Problem>().detail ?? '',
      /Error:|\bat\b.*:\d+/,
      `the refusal of ${what} explains itself without an error dump`,
    );
  }
});

/** Sends until a request is not answered 200 or the deadline passes (no fixed sleep). */
async function firstRefusal(send: () => Promise<LightMyRequestResponse>, deadlineMs: number) {
  const start = Date.now();
  for (;;) {
    const res = await send();
    const afterMs = Date.now() - start;
    if (res.statusCode !== 200 || afterMs > deadlineMs) return { res, afterMs };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Issue 9, finding 6: a disabled app client kept working until some unknown token happened to
// reload the routing table. The table is now at most AUTH_ROUTING_MAX_AGE_SECONDS old.
t.test('a disabled app client is refused within the routing bound, with no unknown token to reload it', async (t) => {
  const BOUND_MS = 1000;
  // The time a reload and one request may take on a loaded machine, on top of the bound.
  const SLACK_MS = 1000;
  const fickle = await makePoolTenant(db, 'fickle');
  const fay = await registered(fickle, 'Fay', 'Fickle');
  // Unknown clients never reload this app's table (an hour between such reloads): only the bound does.
  const fast = await testApp(t, db, { authRoutingMaxAgeMs: BOUND_MS, authReloadIntervalMs: 3_600_000 });
  const me = () => fast.inject({ method: 'GET', url: '/v1/me', headers: bearer(fay.accessToken) });
  t.equal((await me()).statusCode, 200, "the client's token is served while the client is active");

  const [disabled] = await db.asSupport((c) =>
    setAppClientStatus.run({ tenantId: fickle.tenantId, clientId: fickle.clientId, status: 'disabled' }, c),
  );
  t.match(disabled, { clientId: fickle.clientId, issuer: fickle.issuer, status: 'disabled' }, 'support disables it');
  const { res, afterMs } = await firstRefusal(me, BOUND_MS + SLACK_MS);
  expectRefusal(
    t,
    res,
    { status: 401, code: 'token_client_unknown', token: fay.accessToken },
    'the still-valid token of a disabled client',
  );
  t.ok(afterMs <= BOUND_MS + SLACK_MS, `refused ${afterMs} ms after the client was disabled (bound ${BOUND_MS} ms)`);
  t.equal((await me()).statusCode, 401, 'and refused from then on');

  await db.asSupport((c) =>
    setAppClientStatus.run({ tenantId: fickle.tenantId, clientId: fickle.clientId, status: 'active' }, c),
  );
  const start = Date.now();
  let back = await me();
  while (back.statusCode !== 200 && Date.now() - start <= BOUND_MS + SLACK_MS) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    back = await me();
  }
  t.equal(back.statusCode, 200, 're-enabled, the client is served again within the bound');

  const { rows } = await db.admin.query<{ actor_kind: string; status: string }>(
    `select a.actor_kind, a.changes ->> 'status' as status from audit.audit_log a
      where a.table_name = 'app.tenant_app_clients' and a.tenant_id = $1 and a.operation = 'UPDATE'
      order by a.occurred_at`,
    [fickle.tenantId],
  );
  t.same(
    rows,
    [
      { actor_kind: 'support', status: 'disabled' },
      { actor_kind: 'support', status: 'active' },
    ],
    'disabling and re-enabling are audited as support actions',
  );
});

t.test('a suspended tenant and a deactivated user are refused on the very next request, on every route', async (t) => {
  const paused = await makePoolTenant(db, 'paused');
  const pia = await registered(paused, 'Pia', 'Paused');
  const routes = ['/v1/me', '/v1/asset-categories', '/v1/personas', '/v1/payment-methods'];
  for (const url of routes) t.equal((await get(url, pia.accessToken)).statusCode, 200, `${url} is served before`);
  await db.asSupport((c) => setTenantStatus.run({ tenantId: paused.tenantId, status: 'suspended' }, c));
  for (const url of routes) {
    expectRefusal(
      t,
      await get(url, pia.accessToken),
      { status: 403, code: 'tenant_inactive', token: pia.accessToken },
      `${url} right after the tenant is suspended`,
    );
  }
  await db.asSupport((c) => setTenantStatus.run({ tenantId: paused.tenantId, status: 'active' }, c));
  t.equal((await get('/v1/me', pia.accessToken)).statusCode, 200, 'reactivated, the tenant is served again');

  t.equal((await post('/v1/me/deactivation', pia.accessToken)).statusCode, 200, 'the user deactivates the account');
  for (const url of routes) {
    expectRefusal(
      t,
      await get(url, pia.accessToken),
      { status: 403, code: 'user_inactive', token: pia.accessToken },
      `${url} right after the user deactivated`,
    );
  }
});

t.test(
  'a routing table older than the bound that cannot be reloaded is not trusted: 503, then served again',
  async (t) => {
    const BOUND_MS = 300;
    const steady = await makePoolTenant(db, 'steady');
    const sam = await registered(steady, 'Sam', 'Steady');
    const fast = await testApp(t, db, { authRoutingMaxAgeMs: BOUND_MS, authReloadIntervalMs: 3_600_000 });
    const me = () => fast.inject({ method: 'GET', url: '/v1/me', headers: bearer(sam.accessToken) });
    t.equal((await me()).statusCode, 200, 'served while the table reloads');
    // The database refuses the reload (the API login loses the routing procedure for a moment).
    await db.admin.query('revoke execute on function api.sp_list_auth_clients() from estate_api');
    t.teardown(() => db.admin.query('grant execute on function api.sp_list_auth_clients() to estate_api'));
    const { res, afterMs } = await firstRefusal(me, BOUND_MS + 1000);
    expectRefusal(
      t,
      res,
      { status: 503, code: 'database_unavailable', token: sam.accessToken },
      'a request when the table is stale and cannot be reloaded',
    );
    t.equal(res.headers['retry-after'], '1', 'the client is told to retry');
    t.ok(afterMs <= BOUND_MS + 1000, `refused ${afterMs} ms after reloads started failing (bound ${BOUND_MS} ms)`);
    await db.admin.query('grant execute on function api.sp_list_auth_clients() to estate_api');
    t.equal((await me()).statusCode, 200, 'once the table reloads, the token is served again');
  },
);

t.test('an issuer whose signing keys cannot be fetched: 503, the token is not called invalid', async (t) => {
  // A registered development issuer on a port nothing listens on: its JWKS fetch is refused.
  const tenantId = await makeTenant(db, 'keyless');
  const issuer = 'http://127.0.0.1:1/local_keyless';
  const clientId = `keyless_${randomUUID().replaceAll('-', '')}`;
  await db.asSupport(async (c) => {
    const [provider] = await registerIdentityProvider.run(
      { tenantId, kind: 'development', userPoolId: 'local_keyless', issuer, region: null },
      c,
    );
    await registerAppClient.run({ tenantId, providerId: provider.providerId, clientId, name: 'keyless app' }, c);
  });
  const res = await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: bearer(signJwt(accessTokenClaims({ issuer, clientId, sub: randomUUID() }))),
  });
  t.equal(res.statusCode, 503, 'the identity provider is unavailable, not the token invalid');
  t.equal(res.json().code, 'identity_provider_unavailable');
  t.equal(res.headers['retry-after'], '1');
  t.equal(res.headers['www-authenticate'], undefined, 'no invalid_token challenge: the client keeps its token');
});
