// API key routes (docs/api_keys.md): the signed-in user's keys for their firm's servers. Only a
// user's sign-in manages keys: a key calling these routes is refused (api_key_not_allowed).
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as apiKeys from '../../generated/api_keys.queries.ts';
import { newApiKey } from '../plugins/api_keys.ts';
import { listOf, Page, paged, problemResponses, replyOf } from '../schemas/common.ts';
import { ApiKeyIdParams, ApiKeyList, CreateApiKeyBody, CreatedApiKey } from '../schemas/api_keys.ts';

/** The created key's row with the key itself (shown once). */
const createdKey = (row: apiKeys.ICreateApiKeyResult & { key: string }) => row;

const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.apiKeys));

  app.post(
    '/api-keys',
    {
      schema: {
        summary: 'Creates an API key acting for me within its scopes: the full key is in this answer only',
        body: CreateApiKeyBody,
        response: { 201: replyOf(CreatedApiKey, createdKey), ...problemResponses },
      },
    },
    async (request, reply) => {
      // The secret is made here and never leaves but in this answer: the database gets its SHA-256.
      const { key, prefix, secretSha256 } = newApiKey();
      const { name, scopes, expiresInDays } = request.body;
      const [row] = await request.inTenant((db) =>
        apiKeys.createApiKey.run({ name, scopes, expiresInDays, prefix, secretSha256 }, db),
      );
      return reply
        .code(201)
        .header('location', '/v1/api-keys')
        .send(createdKey({ ...row, key }));
    },
  );

  app.get(
    '/api-keys',
    {
      schema: {
        summary: 'My API keys (active, expired and revoked), newest first, never their secrets',
        querystring: Page,
        response: { 200: listOf(ApiKeyList, apiKeys.listMyApiKeys), ...problemResponses },
      },
    },
    async (request) => request.inTenant((db) => paged(request.query, (page) => apiKeys.listMyApiKeys.run(page, db))),
  );

  app.delete(
    '/api-keys/:apiKeyId',
    {
      schema: {
        summary: 'Revokes one of my API keys: it is refused from its next request on',
        params: ApiKeyIdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => apiKeys.revokeApiKey.run({ apiKeyId: request.params.apiKeyId }, db));
      return reply.code(204).send(null);
    },
  );
};

export default apiKeyRoutes;
