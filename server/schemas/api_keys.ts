// API keys (docs/api_keys.md): creating one (its secret shown once), listing and revoking them.
import { Type } from 'typebox';
import { API_KEY_SCOPES } from '../plugins/api_keys.ts';
import { Nullable, PageFields, Timestamp, Uuid } from './common.ts';

const Scope = Type.Unsafe<(typeof API_KEY_SCOPES)[number]>({
  type: 'string',
  enum: [...API_KEY_SCOPES],
  description:
    'personas:read (list and read personas), assets:read (assets, their valuations and categories), ' +
    'assets:write (create, change, value and delete assets; includes assets:read), net_worth:read (net worth and exchange rates)',
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'what the key is for, to recognise it in the list',
    }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 4, uniqueItems: true }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365, description: 'every key expires, within a year' }),
  },
  { additionalProperties: false },
);

const apiKeyFields = {
  apiKeyId: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'the public part of the key (evk_<prefix>_...), to recognise it' }),
  scopes: Type.Array(Type.String()),
  status: Type.Unsafe<string>({ type: 'string', enum: ['active', 'expired', 'revoked'] }),
  expiresAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
  createdAt: Timestamp,
};

export const CreatedApiKey = Type.Object({
  ...apiKeyFields,
  key: Type.String({
    description: 'the full key, shown this once and never again: send it as `Authorization: ApiKey <key>`',
  }),
});

export const ApiKeyList = Type.Object({ items: Type.Array(Type.Object(apiKeyFields)), ...PageFields });

export const ApiKeyIdParams = Type.Object({ apiKeyId: Uuid });
