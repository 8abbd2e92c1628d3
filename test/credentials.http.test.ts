// Credentials over HTTP with real tokens (issue 11): a tenant whose policy requires MFA refuses
// cognito-local's tokens (no estate_amr claim) on every route and accepts one minted with the claim
// (the dev signing key, as a tenant's pre-token-generation trigger would have it added); password
// rotation reports and status; security questions whose answers never come back, checked in
// constant time and locked after 5 failures, counted race-safely.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { accessTokenClaims, signJwt } from './helpers/tokens.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'cred-home');
const away = await makePoolTenant(db, 'cred-away');
const staff = await (await makeStaffPool(db, 'cred-staff')).addStaff();
const app = await testApp(t, db);

const ann = await registerThroughApi(app, home, 'Ann', 'Lee');
const bob = await registerThroughApi(app, home, 'Bob', 'Ray');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');

const call = (token: string, method: string, url: string, payload?: object, headers: object = {}) =>
  app.inject({ method: method as 'GET', url, headers: { ...bearer(token), ...headers }, payload });
/** A token of the tenant's pool for this subject, with the claim its pre-token-generation trigger adds. */
const mfaToken = (tenant: typeof home, sub: string, amr: unknown = ['pwd', 'mfa', 'totp']) =>
  signJwt({ ...accessTokenClaims({ issuer: tenant.issuer, clientId: tenant.clientId, sub }), estate_amr: amr });
const setPolicy = (tenantId: string, body: object) =>
  call(staff.accessToken, 'PUT', `/support/v1/tenants/${tenantId}/security-policy`, body);

t.test('MFA policy: set by support (audited), enforced from the token for every route', async (t) => {
  const before = await call(ann.accessToken, 'GET', '/v1/me/mfa');
  t.equal(before.statusCode, 200);
  t.match(
    before.json(),
    { mfaRequired: false, enrolledFactors: [], tokenHasMfa: false },
    'no policy: nothing required',
  );

  const set = await setPolicy(home.tenantId, {
    mfaRequired: true,
    mfaFactors: ['totp', 'webauthn'],
    passwordMaxAgeDays: null,
  });
  t.equal(set.statusCode, 200, set.body);
  t.match(set.json(), { tenantId: home.tenantId, mfaRequired: true, mfaFactors: ['totp', 'webauthn'] });
  t.equal(set.json().updatedBy, `cognito:${staff.sub}`, 'the staff member is named');
  const audit = await db.admin.query(
    `select actor_kind, actor_id from audit.audit_log where table_name = 'app.tenant_security_policies' and tenant_id = $1`,
    [home.tenantId],
  );
  t.same(
    audit.rows,
    [{ actor_kind: 'support', actor_id: `cognito:${staff.sub}` }],
    'the change is audited with the staff identity',
  );

  const plain = await call(ann.accessToken, 'GET', '/v1/me');
  t.equal(plain.statusCode, 403, "cognito-local's token (no estate_amr) is refused");
  t.equal(plain.json().code, 'mfa_required');
  for (const [method, url] of [
    ['GET', '/v1/personas'],
    ['GET', '/v1/me/password-status'],
    ['GET', '/v1/me/security-questions'],
  ]) {
    const res = await call(ann.accessToken, method, url);
    t.equal(res.json().code, 'mfa_required', `${method} ${url}: mfa_required`);
  }

  t.equal((await call(mfaToken(home, ann.sub), 'GET', '/v1/me')).statusCode, 200, 'a token with mfa and totp: served');
  t.equal(
    (await call(mfaToken(home, ann.sub, 'pwd mfa webauthn'), 'GET', '/v1/me')).statusCode,
    200,
    'a string claim works too',
  );
  for (const [amr, why] of [
    [['pwd', 'mfa', 'sms'], 'mfa through a factor the policy does not count'],
    [['pwd', 'totp'], 'a factor without mfa'],
    [['pwd'], 'a password only'],
    [{ mfa: true }, 'a claim of the wrong shape'],
    [['MFA', 'TOTP'], 'upper case is not the contract'],
  ] as const) {
    const res = await call(mfaToken(home, ann.sub, amr), 'GET', '/v1/me');
    t.equal(res.json().code, 'mfa_required', `${why}: mfa_required`);
  }
  // The claim cannot be added to a real token: the signature breaks.
  const [h, p, s] = ann.accessToken.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, estate_amr: ['mfa', 'totp'] })).toString('base64url')}.${s}`;
  t.equal(
    (await call(tampered, 'GET', '/v1/me')).json().code,
    'token_signature_invalid',
    'a claim added by hand: refused',
  );

  const otherTenant = await call(otto.accessToken, 'GET', '/v1/me');
  t.equal(otherTenant.statusCode, 200, "another tenant's users are not affected");

  // Enrollment: the policy and a first report are reachable without MFA; a change then needs it.
  const mine = await call(ann.accessToken, 'GET', '/v1/me/mfa');
  t.equal(mine.statusCode, 200, 'GET /v1/me/mfa without MFA: readable, to guide enrollment');
  t.match(mine.json(), { mfaRequired: true, allowedFactors: ['totp', 'webauthn'], tokenHasMfa: false });
  const first = await call(ann.accessToken, 'PUT', '/v1/me/mfa/factors', {
    factors: ['totp'],
    preferredFactor: 'totp',
  });
  t.equal(first.statusCode, 200, 'a first enrollment is reported without MFA');
  t.match(first.json(), { enrolledFactors: ['totp'], preferredFactor: 'totp' });
  const change = await call(ann.accessToken, 'PUT', '/v1/me/mfa/factors', { factors: [] });
  t.equal(change.json().code, 'mfa_required', 'removing reported factors without MFA: refused');
  const withMfa = await call(mfaToken(home, ann.sub), 'PUT', '/v1/me/mfa/factors', { factors: ['webauthn', 'totp'] });
  t.equal(withMfa.statusCode, 200, 'with MFA: changed');
  t.match(withMfa.json(), { enrolledFactors: ['totp', 'webauthn'], preferredFactor: null, tokenHasMfa: true });
  const badPreferred = await call(mfaToken(home, ann.sub), 'PUT', '/v1/me/mfa/factors', {
    factors: ['totp'],
    preferredFactor: 'sms',
  });
  t.equal(badPreferred.json().code, 'invalid_preferred_factor', 'a preferred factor not reported: 400');
  const dup = await call(mfaToken(home, ann.sub), 'PUT', '/v1/me/mfa/factors', { factors: ['totp', 'totp'] });
  t.equal(dup.statusCode, 400, 'the same factor twice: 400');

  const off = await setPolicy(home.tenantId, { mfaRequired: false, mfaFactors: ['totp'], passwordMaxAgeDays: null });
  t.equal(off.statusCode, 200);
  t.equal(
    (await call(ann.accessToken, 'GET', '/v1/me')).statusCode,
    200,
    'policy lifted: the plain token is served again',
  );
});

t.test('the policy route: staff only, one tenant, checked input', async (t) => {
  const unset = await call(staff.accessToken, 'GET', `/support/v1/tenants/${away.tenantId}/security-policy`);
  t.equal(unset.statusCode, 200);
  t.same(
    unset.json(),
    {
      tenantId: away.tenantId,
      mfaRequired: false,
      mfaFactors: ['totp', 'sms', 'email', 'webauthn'],
      passwordMaxAgeDays: null,
      updatedBy: null,
      updatedAt: null,
    },
    'a tenant never given a policy: the defaults, no author',
  );
  const read = await db.admin.query(
    `select actor_id from audit.audit_log where table_name = 'support.sp_get_tenant_security_policy' and tenant_id = $1`,
    [away.tenantId],
  );
  t.same(read.rows, [{ actor_id: `cognito:${staff.sub}` }], "support's read is audited");
  const userReads = await call(otto.accessToken, 'GET', `/support/v1/tenants/${away.tenantId}/security-policy`);
  t.equal(userReads.statusCode, 401, "the tenant's own user cannot read it at the support door");

  const userAtDoor = await call(ann.accessToken, 'PUT', `/support/v1/tenants/${home.tenantId}/security-policy`, {
    mfaRequired: true,
    mfaFactors: ['totp'],
    passwordMaxAgeDays: null,
  });
  t.equal(userAtDoor.statusCode, 401, "a tenant user's token cannot set the policy");
  const random = await setPolicy(randomUUID(), { mfaRequired: true, mfaFactors: ['totp'], passwordMaxAgeDays: null });
  t.equal(random.json().code, 'tenant_not_found', 'a random tenant: tenant_not_found');
  const none = await setPolicy(home.tenantId, { mfaRequired: true, mfaFactors: [], passwordMaxAgeDays: null });
  t.equal(none.statusCode, 400, 'no factor counting as MFA: 400');
  const age = await setPolicy(home.tenantId, { mfaRequired: false, mfaFactors: ['sms'], passwordMaxAgeDays: 0 });
  t.equal(age.statusCode, 400, 'a max age of 0 days: 400');
  t.equal((await call(bob.accessToken, 'GET', '/v1/me')).statusCode, 200, 'refused changes changed nothing');
});

t.test('password rotation: reports, never passwords; due and overdue from the policy', async (t) => {
  const start = await call(bob.accessToken, 'GET', '/v1/me/password-status');
  t.equal(start.statusCode, 200);
  t.same(start.json(), { lastRotatedAt: null, maxAgeDays: null, dueAt: null, overdue: false }, 'no policy, no report');

  await setPolicy(home.tenantId, { mfaRequired: false, mfaFactors: ['totp'], passwordMaxAgeDays: 30 });
  const due = (await call(bob.accessToken, 'GET', '/v1/me/password-status')).json();
  t.equal(due.maxAgeDays, 30);
  t.ok(Date.parse(due.dueAt) > Date.now() + 29 * 86_400_000, 'due 30 days after registration');

  const reported = await call(bob.accessToken, 'POST', '/v1/me/password-rotations');
  t.equal(reported.statusCode, 201);
  t.ok(reported.json().lastRotatedAt, 'the rotation is recorded');
  t.equal(reported.json().overdue, false);
  await call(bob.accessToken, 'POST', '/v1/me/password-rotations');
  const rows = await db.admin.query(
    `select h.* from app.password_history h join app.users u on u.tenant_id = h.tenant_id and u.id = h.user_id
      where u.cognito_sub = $1`,
    [bob.sub],
  );
  t.equal(rows.rows.length, 1, 'a second report within a minute adds no row');
  t.notOk(
    Object.keys(rows.rows[0]).some((c) => /pass|hash|secret/.test(c)),
    'password_history has no column for a password or a hash',
  );

  await db.admin.query(`update app.password_history set changed_at = now() - interval '40 days' where id = $1`, [
    rows.rows[0].id,
  ]);
  const overdue = (await call(bob.accessToken, 'GET', '/v1/me/password-status')).json();
  t.equal(overdue.overdue, true, 'older than 30 days: overdue');
  await setPolicy(home.tenantId, { mfaRequired: false, mfaFactors: ['totp'], passwordMaxAgeDays: null });
  t.equal(
    (await call(bob.accessToken, 'GET', '/v1/me/password-status')).json().overdue,
    false,
    'no rule: never overdue',
  );
});

const QUESTIONS = [
  { question: 'First pet?', answer: '  Rex the Dog ' },
  { question: 'Street you grew up on?', answer: 'Elm' },
  { question: 'Favourite teacher?', answer: 'Ms. Ōtani' },
];

async function withQuestions(name: string) {
  const user = await registerThroughApi(app, home, name);
  const set = await call(user.accessToken, 'PUT', '/v1/me/security-questions', { questions: QUESTIONS });
  if (set.statusCode !== 200) throw new Error(set.body);
  const ids = (set.json().items as { questionId: string }[]).map((q) => q.questionId);
  return { ...user, ids };
}
const verify = (token: string, answers: { questionId: string; answer: string }[], headers: object = {}) =>
  call(token, 'POST', '/v1/me/security-questions/verify', { answers }, headers);
const attempts = async (sub: string) =>
  (
    await db.admin.query(
      `select a.outcome from app.security_question_attempts a
         join app.users u on u.tenant_id = a.tenant_id and u.id = a.user_id where u.cognito_sub = $1`,
      [sub],
    )
  ).rows
    .map((r) => r.outcome as string)
    .sort();

t.test('security questions: answers hashed, never returned; normalised; verified', async (t) => {
  const cat = await withQuestions('Cat');
  const list = await call(cat.accessToken, 'GET', '/v1/me/security-questions');
  t.equal(list.statusCode, 200);
  t.same(
    list.json().items.map((q: { question: string; position: number }) => [q.position, q.question]),
    QUESTIONS.map((q, i) => [i + 1, q.question]),
    'the questions in order',
  );
  for (const word of ['Rex', 'Elm', 'Otani', 'Ōtani', 'scrypt', 'answer'])
    t.notOk(list.body.toLowerCase().includes(word.toLowerCase()), `the listing holds no "${word}"`);
  const stored = await db.admin.query(
    `select q.answer_hash from app.security_questions q join app.users u on u.tenant_id = q.tenant_id and u.id = q.user_id
      where u.cognito_sub = $1 order by q.position`,
    [cat.sub],
  );
  t.ok(
    stored.rows.every((r) => /^scrypt\$15\$8\$1\$/.test(r.answer_hash)),
    'stored as scrypt hashes',
  );
  t.not(stored.rows[0].answer_hash.split('$')[4], stored.rows[1].answer_hash.split('$')[4], 'each with its own salt');
  const logged = await db.admin.query(
    `select changes::text as c from audit.audit_log where table_name = 'app.security_questions' and tenant_id = $1`,
    [home.tenantId],
  );
  t.ok(logged.rows.length > 0, 'the change is audited');
  t.notOk(
    logged.rows.some((r) => /scrypt|Rex|Elm/.test(r.c ?? '')),
    'the audit log holds neither answer nor hash',
  );

  const ok = await verify(cat.accessToken, [
    { questionId: cat.ids[0], answer: 'rex   THE dog' },
    { questionId: cat.ids[2], answer: 'ms. ōtani' },
  ]);
  t.equal(ok.statusCode, 200, 'answers trimmed and case-folded match');
  t.same(ok.json(), { verified: true });
  const wrong = await verify(cat.accessToken, [
    { questionId: cat.ids[0], answer: 'rex' },
    { questionId: cat.ids[1], answer: 'elm' },
  ]);
  t.equal(wrong.statusCode, 403);
  t.equal(wrong.json().code, 'security_answers_incorrect');
  t.match(wrong.json().detail, /4 attempts left/);
  t.same(await attempts(cat.sub), ['failed', 'succeeded'], 'both attempts on record');

  const one = await call(cat.accessToken, 'PUT', '/v1/me/security-questions', { questions: QUESTIONS.slice(0, 1) });
  t.equal(one.statusCode, 400, 'one question: 400');
  const same = await call(cat.accessToken, 'PUT', '/v1/me/security-questions', {
    questions: [QUESTIONS[0], { ...QUESTIONS[1], question: ' first PET? ' }],
  });
  t.equal(same.json().code, 'invalid_security_questions', 'the same question twice: 400');
  const twice = await verify(cat.accessToken, [
    { questionId: cat.ids[0], answer: 'rex the dog' },
    { questionId: cat.ids[0], answer: 'rex the dog' },
  ]);
  t.equal(twice.json().code, 'invalid_security_answers', 'one question answered twice does not make two');
});

t.test("another user's and another tenant's questions answer as random ids, leaving no attempt", async (t) => {
  const victim = await withQuestions('Vic');
  const mallory = await withQuestions('Mal');
  const foreign = await registerThroughApi(app, away, 'Fen');
  const fset = await call(foreign.accessToken, 'PUT', '/v1/me/security-questions', { questions: QUESTIONS });
  const foreignIds = (fset.json().items as { questionId: string }[]).map((q) => q.questionId);
  const answers = (ids: string[]) => [
    { questionId: mallory.ids[0], answer: 'rex the dog' },
    { questionId: ids[1], answer: 'elm' },
  ];
  const codes = [];
  for (const ids of [victim.ids, foreignIds, [randomUUID(), randomUUID()]]) {
    const res = await verify(mallory.accessToken, answers(ids));
    codes.push(`${res.statusCode} ${res.json().code}`);
    t.notOk(res.body.includes(ids[1]), 'the id is not echoed');
  }
  t.same(codes, Array(3).fill('404 security_question_not_found'), 'victim / other tenant / random alike');
  t.same(await attempts(mallory.sub), [], "no attempt recorded for the attacker's probes");
  t.same(await attempts(victim.sub), [], 'nor for the victim');
});

t.test('five failures lock the questions, counted race-safely, whatever Idempotency-Key says', async (t) => {
  const dan = await withQuestions('Dan');
  const wrong = [
    { questionId: dan.ids[0], answer: 'no' },
    { questionId: dan.ids[1], answer: 'no' },
  ];
  // A held transaction (Idempotency-Key) would roll the attempt back with the 403: it is not used.
  const keyed = await verify(dan.accessToken, wrong, { 'idempotency-key': 'verify-1' });
  t.equal(keyed.statusCode, 403);
  t.same(await attempts(dan.sub), ['failed'], 'the failure counts even with an Idempotency-Key');

  const answers = await Promise.all(Array.from({ length: 9 }, () => verify(dan.accessToken, wrong)));
  const tally = answers.reduce<Record<string, number>>((acc, r) => {
    const key = `${r.statusCode} ${r.json().code}`;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});
  t.same(
    tally,
    { '403 security_answers_incorrect': 4, '429 security_questions_locked': 5 },
    '9 at once: 4 compared, 5 refused',
  );
  t.equal((await attempts(dan.sub)).length, 5, 'exactly 5 attempts recorded');

  const right = await verify(dan.accessToken, [
    { questionId: dan.ids[0], answer: 'rex the dog' },
    { questionId: dan.ids[1], answer: 'elm' },
  ]);
  t.equal(right.statusCode, 429, 'locked: even the right answers are refused');
  t.equal(right.json().code, 'security_questions_locked');
  const reset = await call(dan.accessToken, 'PUT', '/v1/me/security-questions', { questions: QUESTIONS });
  t.equal(reset.json().code, 'security_questions_locked', 'nor can the questions be replaced to escape the lock');

  await db.admin.query(
    `update app.security_question_attempts a set attempted_at = attempted_at - interval '16 minutes'
       from app.users u where u.tenant_id = a.tenant_id and u.id = a.user_id and u.cognito_sub = $1`,
    [dan.sub],
  );
  const later = await verify(dan.accessToken, [
    { questionId: dan.ids[0], answer: 'Rex the dog' },
    { questionId: dan.ids[1], answer: 'ELM' },
  ]);
  t.equal(later.statusCode, 200, '15 minutes on: unlocked');
});
