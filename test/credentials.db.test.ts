// The credential procedures in the database (issue 11): a tenant's MFA policy holds in every tenant
// procedure through app.current_user_id, judged from the transaction's app.token_amr; only support
// sets it; a user's reports and questions are theirs alone; answers arrive hashed or not at all; an
// attempt's outcome is written once, by its own user.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';
import { inContext } from '../server/plugins/db.ts';
import * as credentials from '../generated/credentials.queries.ts';
import { getCurrentUser } from '../generated/identity.queries.ts';
import { hashAnswer } from '../server/answer_hash.ts';

const db = await testDatabase(t);
const home = await makeTenant(db, 'cred-db-home');
const away = await makeTenant(db, 'cred-db-away');
const ann = await makeUser(db, home, 'Ann');
const bob = await makeUser(db, home, 'Bob');
const otto = await makeUser(db, away, 'Otto');

/** As the user, with the token's authentication methods in the context (as the API carries them). */
const asWith = <T>(user: TestUser, authMethods: string[] | undefined, fn: Parameters<typeof db.as<T>>[1]) =>
  inContext(
    db.api,
    { tenantId: user.tenantId, actorKind: 'user', actorId: user.sub, requestId: randomUUID(), authMethods },
    fn,
  );
const policy = (
  tenantId: string,
  mfaRequired: boolean,
  mfaFactors = ['totp'],
  passwordMaxAgeDays: number | null = null,
) =>
  db.asSupport((c) =>
    credentials.setTenantSecurityPolicy.run({ tenantId, mfaRequired, mfaFactors, passwordMaxAgeDays }, c),
  );

t.test('a policy requiring MFA holds in every tenant procedure, from the context', async (t) => {
  await policy(home, true, ['totp', 'webauthn']);
  t.match(
    await rejection(db.as(ann, (c) => getCurrentUser.run(undefined, c))),
    { sqlState: 'PT403', code: 'mfa_required' },
    'no authentication methods in the context: refused',
  );
  t.match(
    await rejection(asWith(ann, ['pwd', 'mfa', 'sms'], (c) => getCurrentUser.run(undefined, c))),
    { code: 'mfa_required' },
    'MFA by a factor the policy does not count: refused',
  );
  t.match(
    await rejection(asWith(ann, ['mfa'], (c) => getCurrentUser.run(undefined, c))),
    { code: 'mfa_required' },
    '"mfa" without a factor: refused',
  );
  const [me] = await asWith(ann, ['pwd', 'mfa', 'webauthn'], (c) => getCurrentUser.run(undefined, c));
  t.equal(me.userId, ann.userId, 'with mfa and an allowed factor: served');
  t.equal(
    (await db.as(otto, (c) => getCurrentUser.run(undefined, c)))[0].userId,
    otto.userId,
    'another tenant is not affected',
  );

  const [mfa] = await db.as(ann, (c) => credentials.getMyMfa.run(undefined, c));
  t.match(mfa, { mfaRequired: true, tokenHasMfa: false }, 'the MFA view stays readable without MFA');
  t.match(
    await rejection(db.as(ann, (c) => credentials.listMySecurityQuestions.run(undefined, c))),
    { code: 'mfa_required' },
    'the other credential procedures do not',
  );
  await policy(home, false);
});

t.test('only support sets the policy, only for an existing tenant, with checked values', async (t) => {
  t.match(
    await rejection(
      db.as(ann, (c) =>
        credentials.setTenantSecurityPolicy.run({ tenantId: home, mfaRequired: false, mfaFactors: ['totp'] }, c),
      ),
    ),
    { sqlState: '42501' },
    'the API login cannot call the support procedure',
  );
  t.match(await rejection(policy(randomUUID(), true)), { code: 'tenant_not_found' });
  t.match(await rejection(policy(home, true, [])), { code: 'invalid_mfa_factors' });
  t.match(await rejection(policy(home, true, ['totp', 'totp'])), { code: 'invalid_mfa_factors' });
  t.match(await rejection(policy(home, true, ['password'])), { code: 'invalid_mfa_factors' });
  t.match(await rejection(policy(home, false, ['sms'], 0)), { code: 'invalid_password_max_age' });
  const [set] = await policy(home, false, ['webauthn', 'sms'], 90);
  t.same(set.mfaFactors, ['sms', 'webauthn'], 'factors kept in canonical order');
  t.equal(set.updatedBy, 'staff:test', 'the support actor is named');
  await policy(home, false);
});

t.test("MFA factor reports are the caller's own and checked", async (t) => {
  t.match(
    await rejection(
      db.as(bob, (c) => credentials.reportMyMfaFactors.run({ factors: ['totp'], preferredFactor: 'sms' }, c)),
    ),
    { code: 'invalid_preferred_factor' },
  );
  t.match(await rejection(db.as(bob, (c) => credentials.reportMyMfaFactors.run({ factors: ['otp'] }, c))), {
    code: 'invalid_mfa_factors',
  });
  await db.as(bob, (c) => credentials.reportMyMfaFactors.run({ factors: ['sms'], preferredFactor: 'sms' }, c));
  const [annView] = await db.as(ann, (c) => credentials.getMyMfa.run(undefined, c));
  t.same(annView.enrolledFactors, [], "Bob's report is not Ann's");
});

t.test('password rotation: per user, never a password', async (t) => {
  await db.as(bob, (c) => credentials.reportPasswordRotation.run(undefined, c));
  const [annStatus] = await db.as(ann, (c) => credentials.getMyPasswordStatus.run(undefined, c));
  t.equal(annStatus.lastRotatedAt, null, "Bob's rotation is not Ann's");
  const columns = await db.admin.query(
    `select column_name from information_schema.columns where table_schema = 'app' and table_name = 'password_history'`,
  );
  t.notOk(
    columns.rows.some((r) => /pass|hash|secret/.test(r.column_name)),
    'no column could hold a password',
  );
});

t.test('security answers arrive hashed; outcomes are written once, by their own user', async (t) => {
  t.match(
    await rejection(
      db.as(ann, (c) =>
        credentials.setMySecurityQuestions.run({ questions: ['One?', 'Two?'], answerHashes: ['rex', 'elm'] }, c),
      ),
    ),
    { code: 'invalid_security_answers' },
    'an answer in clear is refused',
  );
  const hashes = [await hashAnswer('rex'), await hashAnswer('elm')];
  t.match(
    await rejection(
      db.as(ann, (c) =>
        credentials.setMySecurityQuestions.run({ questions: ['One?'], answerHashes: hashes.slice(0, 1) }, c),
      ),
    ),
    { code: 'invalid_security_questions' },
    'one question is not enough',
  );
  const questions = await db.as(ann, (c) =>
    credentials.setMySecurityQuestions.run({ questions: ['One?', 'Two?'], answerHashes: hashes }, c),
  );
  const ids = questions.map((q) => q.questionId);
  t.match(
    await rejection(db.as(ann, (c) => credentials.beginSecurityAnswerCheck.run({ questionIds: ids.slice(0, 1) }, c))),
    { code: 'invalid_security_answers' },
    'one answer is not enough',
  );
  t.match(
    await rejection(db.as(bob, (c) => credentials.beginSecurityAnswerCheck.run({ questionIds: ids }, c))),
    { code: 'security_question_not_found' },
    "Bob cannot fetch Ann's hashes",
  );
  const rows = await db.as(ann, (c) => credentials.beginSecurityAnswerCheck.run({ questionIds: ids }, c));
  t.equal(rows.length, 2, 'Ann gets her hashes to compare');
  const attemptId = rows[0].attemptId;
  t.match(
    await rejection(db.as(bob, (c) => credentials.finishSecurityAnswerCheck.run({ attemptId, verified: true }, c))),
    { code: 'security_answer_check_not_found' },
    "Bob cannot report the outcome of Ann's attempt",
  );
  const [done] = await db.as(ann, (c) => credentials.finishSecurityAnswerCheck.run({ attemptId, verified: false }, c));
  t.match(done, { verified: false, attemptsLeft: 4, lockedUntil: null });
  t.match(
    await rejection(db.as(ann, (c) => credentials.finishSecurityAnswerCheck.run({ attemptId, verified: true }, c))),
    { code: 'security_answer_check_not_found' },
    'a failure cannot be rewritten as a success',
  );

  // A pending attempt (the API never reported back) counts as a failure.
  for (let i = 0; i < 4; i++)
    await db.as(ann, (c) => credentials.beginSecurityAnswerCheck.run({ questionIds: ids }, c));
  t.match(
    await rejection(db.as(ann, (c) => credentials.beginSecurityAnswerCheck.run({ questionIds: ids }, c))),
    { sqlState: 'PT429', code: 'security_questions_locked' },
    'four unreported attempts and a failure lock the questions',
  );
  const listed = await db.as(ann, (c) => credentials.listMySecurityQuestions.run(undefined, c));
  t.same(
    Object.keys(listed[0]).sort(),
    ['createdAt', 'position', 'question', 'questionId'],
    'a listing carries no hash',
  );
});
