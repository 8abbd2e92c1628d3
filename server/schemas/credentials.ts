// Request and response schemas of the credential routes (issue 11): the tenant's security policy,
// my MFA factors, password rotation, security questions. No answer or hash is ever in a reply.
import { Type } from 'typebox';
import { Nullable, problemResponse, Timestamp, Uuid } from './common.ts';

export const MfaFactor = Type.Union(
  [Type.Literal('totp'), Type.Literal('sms'), Type.Literal('email'), Type.Literal('webauthn')],
  { description: 'totp (SOFTWARE_TOKEN_MFA), sms (SMS_MFA), email (EMAIL_OTP), webauthn (passkey)' },
);
const Factors = (description: string, minItems = 0) =>
  Type.Array(MfaFactor, { minItems, maxItems: 4, uniqueItems: true, description });

export const SecurityPolicyBody = Type.Object(
  {
    mfaRequired: Type.Boolean({
      description: "refuse tokens not obtained with MFA (judged from the token's estate_amr)",
    }),
    mfaFactors: Factors('the factors that count as MFA', 1),
    passwordMaxAgeDays: Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 3650,
        description: 'days a password may go without rotation; null: no rule',
      }),
    ),
  },
  { additionalProperties: false },
);
export const SecurityPolicy = Type.Object({
  tenantId: Uuid,
  mfaRequired: Type.Boolean(),
  mfaFactors: Type.Array(Type.String()),
  passwordMaxAgeDays: Nullable(Type.Integer()),
  updatedBy: Nullable(Type.String({ description: 'the staff member who set it last (null: never set)' })),
  updatedAt: Nullable(Timestamp),
});

export const MyMfa = Type.Object({
  mfaRequired: Type.Boolean({ description: 'whether my tenant refuses tokens obtained without MFA' }),
  allowedFactors: Type.Array(Type.String(), { description: 'the factors that count as MFA in my tenant' }),
  enrolledFactors: Type.Array(Type.String(), { description: 'my factors as the app last reported them' }),
  preferredFactor: Nullable(Type.String()),
  reportedAt: Nullable(Timestamp),
  tokenHasMfa: Type.Boolean({ description: "whether this request's token counts as MFA" }),
});
export const MfaFactorsBody = Type.Object(
  {
    factors: Factors("the factors Cognito lists for me (GetUser's UserMFASettingList)"),
    preferredFactor: Type.Optional(Nullable(MfaFactor)),
  },
  { additionalProperties: false },
);

export const PasswordStatus = Type.Object({
  lastRotatedAt: Nullable(Timestamp),
  maxAgeDays: Nullable(Type.Integer()),
  dueAt: Nullable(Timestamp),
  overdue: Type.Boolean(),
});

export const SecurityQuestion = Type.Object({
  questionId: Uuid,
  position: Type.Integer(),
  question: Type.String(),
  createdAt: Timestamp,
});
export const SecurityQuestionList = Type.Object({ items: Type.Array(SecurityQuestion) });
export const SecurityQuestionsBody = Type.Object(
  {
    questions: Type.Array(
      Type.Object(
        {
          question: Type.String({ minLength: 1, maxLength: 200 }),
          answer: Type.String({ minLength: 1, maxLength: 200, description: 'compared trimmed and case-folded' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 5 },
    ),
  },
  { additionalProperties: false },
);
export const SecurityAnswersBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object(
        { questionId: Uuid, answer: Type.String({ minLength: 1, maxLength: 200 }) },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 5 },
    ),
  },
  { additionalProperties: false },
);
export const SecurityAnswersReply = Type.Object({ verified: Type.Literal(true) });

export const lockedResponse = {
  429: problemResponse('Too many wrong answers: the security questions are locked for up to 15 minutes'),
};
