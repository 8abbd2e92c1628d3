// Credential routes (issue 11): my MFA factors and my tenant's MFA policy, password rotation
// reports and status, security questions (answers hashed here with scrypt, never sent to the
// database in clear; server/answer_hash.ts); and support's route that sets a tenant's policy.
// The MFA policy itself holds in every procedure (app.current_user_id). docs/credentials.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as credentials from '../../generated/credentials.queries.ts';
import { answerMatches, hashAnswer } from '../answer_hash.ts';
import { HttpProblem } from '../plugins/errors.ts';
import { listOf, problemResponses, replyOf } from '../schemas/common.ts';
import { TenantParams } from '../schemas/support.ts';
import {
  lockedResponse,
  MfaFactorsBody,
  MyMfa,
  PasswordStatus,
  SecurityAnswersBody,
  SecurityAnswersReply,
  SecurityPolicy,
  SecurityPolicyBody,
  SecurityQuestionList,
  SecurityQuestionsBody,
} from '../schemas/credentials.ts';

export const credentialRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.credentials));

  app.get(
    '/me/mfa',
    {
      schema: {
        summary: "My tenant's MFA policy, my factors as last reported, and whether this token counts as MFA",
        response: { 200: replyOf(MyMfa, credentials.getMyMfa), ...problemResponses },
      },
    },
    async (request) => (await request.inTenant((db) => credentials.getMyMfa.run(undefined, db)))[0],
  );

  app.put(
    '/me/mfa/factors',
    {
      schema: {
        summary: 'Reports the MFA factors Cognito lists for me, after enrolling (a change of them needs an MFA token)',
        body: MfaFactorsBody,
        response: { 200: replyOf(MyMfa, credentials.reportMyMfaFactors), ...problemResponses },
      },
    },
    async (request) => {
      const { factors, preferredFactor } = request.body;
      const [row] = await request.inTenant((db) =>
        credentials.reportMyMfaFactors.run({ factors, preferredFactor: preferredFactor ?? null }, db),
      );
      return row;
    },
  );

  app.get(
    '/me/password-status',
    {
      schema: {
        summary: "When I last changed my password, when it is due under my tenant's policy, and whether it is overdue",
        response: { 200: replyOf(PasswordStatus, credentials.getMyPasswordStatus), ...problemResponses },
      },
    },
    async (request) => (await request.inTenant((db) => credentials.getMyPasswordStatus.run(undefined, db)))[0],
  );

  app.post(
    '/me/password-rotations',
    {
      schema: {
        summary: 'Records that I changed my password in Cognito (never the password) and returns my password status',
        response: { 201: replyOf(PasswordStatus, credentials.reportPasswordRotation), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => credentials.reportPasswordRotation.run(undefined, db));
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/me/security-questions',
    {
      schema: {
        summary: 'My security questions, in order (never their answers)',
        response: { 200: listOf(SecurityQuestionList, credentials.listMySecurityQuestions), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) => credentials.listMySecurityQuestions.run(undefined, db)),
    }),
  );

  app.put(
    '/me/security-questions',
    {
      schema: {
        summary: 'Replaces my security questions (2 to 5); answers are stored only as salted scrypt hashes',
        body: SecurityQuestionsBody,
        response: {
          200: listOf(SecurityQuestionList, credentials.setMySecurityQuestions),
          ...problemResponses,
          ...lockedResponse,
        },
      },
    },
    async (request) => {
      const { questions } = request.body;
      const answerHashes = await Promise.all(questions.map((q) => hashAnswer(q.answer)));
      const items = await request.inTenant((db) =>
        credentials.setMySecurityQuestions.run({ questions: questions.map((q) => q.question), answerHashes }, db),
      );
      return { items };
    },
  );

  app.post(
    '/me/security-questions/verify',
    {
      schema: {
        summary: 'Checks my answers to 2 to 5 of my questions; 5 failures in 15 minutes lock them (not idempotent)',
        body: SecurityAnswersBody,
        response: { 200: SecurityAnswersReply, ...problemResponses, ...lockedResponse },
      },
    },
    async (request) => {
      // Two calls around the slow comparison (docs/decisions.md): the attempt is recorded and
      // committed first, so neither a crash nor a rolled-back reply (an Idempotency-Key's held
      // transaction) ever gives an attempt back. A retry is a new attempt.
      request.idempotency = null;
      const { answers } = request.body;
      const rows = await request.inTenant((db) =>
        credentials.beginSecurityAnswerCheck.run({ questionIds: answers.map((a) => a.questionId) }, db),
      );
      const hashes = new Map(rows.map((row) => [row.questionId, row.answerHash]));
      // Every answer is compared (no early exit), each in constant time.
      const matches = await Promise.all(answers.map((a) => answerMatches(a.answer, hashes.get(a.questionId) ?? '')));
      const verified = rows.length === answers.length && matches.every(Boolean);
      const [outcome] = await request.inTenant((db) =>
        credentials.finishSecurityAnswerCheck.run({ attemptId: rows[0].attemptId, verified }, db),
      );
      if (!outcome.verified) {
        throw new HttpProblem(
          403,
          'security_answers_incorrect',
          outcome.lockedUntil
            ? 'the answers are not right: the questions are locked for 15 minutes'
            : `the answers are not right: ${outcome.attemptsLeft} attempts left`,
        );
      }
      return { verified: true as const };
    },
  );
};

/** The support door's route for a tenant's policy (registered under /support/v1 in server/app.ts). */
export const credentialSupportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.support));

  app.get(
    '/tenants/:tenantId/security-policy',
    {
      schema: {
        summary: "A tenant's security policy and who set it last (defaults when never set; audited)",
        params: TenantParams,
        response: { 200: replyOf(SecurityPolicy, credentials.getTenantSecurityPolicy), ...problemResponses },
      },
    },
    async (request) =>
      (await request.inSupport((db) => credentials.getTenantSecurityPolicy.run(request.params, db)))[0],
  );

  app.put(
    '/tenants/:tenantId/security-policy',
    {
      schema: {
        summary:
          "Sets a tenant's security policy: MFA required (and which factors count), password rotation age (audited)",
        params: TenantParams,
        body: SecurityPolicyBody,
        response: { 200: replyOf(SecurityPolicy, credentials.setTenantSecurityPolicy), ...problemResponses },
      },
    },
    async (request) => {
      const { mfaRequired, mfaFactors, passwordMaxAgeDays } = request.body;
      const [row] = await request.inSupport((db) =>
        credentials.setTenantSecurityPolicy.run(
          { tenantId: request.params.tenantId, mfaRequired, mfaFactors, passwordMaxAgeDays },
          db,
        ),
      );
      return row;
    },
  );
};
