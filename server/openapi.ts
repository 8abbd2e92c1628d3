// The OpenAPI 3.1 document's frame: info, the bearer scheme, the domain tags and the transform
// that puts the bearer requirement on every /v1 route but Stripe's webhook and a problem document
// as every route's default response. The paths come from the routes' own schemas
// (@fastify/swagger); `npm run openapi` commits the result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { assetDetailsSchemas } from './schemas/assets.ts';
import { problemResponse, ProblemSchema } from './schemas/common.ts';

/** Schemas routes reference by $id (the one Problem, the asset types' details): added to the app before the routes. */
export const sharedSchemas = [ProblemSchema, ...assetDetailsSchemas];

/** The nearest package.json above this file (server/ under tsx, dist/server/ in production). */
function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return '0.0.0';
      dir = parent;
    }
  }
}

/** The domains' tags, in the order the reference page lists them. */
export const TAGS = {
  health: { name: 'health', description: 'Liveness and readiness for load balancers' },
  identity: { name: 'identity', description: 'The signed-in user, sessions, personas and their contact data' },
  circles: { name: 'family circles', description: 'Family circles, their members and invitations' },
  assets: { name: 'assets', description: 'Assets of the 13 types, ownership shares, valuations and grants' },
  netWorth: { name: 'net worth', description: 'Net worth of a persona or a circle, now and over time' },
  billing: { name: 'billing', description: 'Plans, subscription, payment methods and invoices' },
  webhooks: { name: 'webhooks', description: 'Events from Stripe, signed by Stripe (no bearer token)' },
} as const;

/** An onRoute hook giving every route of a plugin its domain tag (routes may name their own). */
export const tagRoutes =
  (tag: (typeof TAGS)[keyof typeof TAGS]) =>
  (route: { schema?: { tags?: readonly string[] } & Record<string, unknown> }) => {
    if (route.schema && !route.schema.tags) route.schema = { ...route.schema, tags: [tag.name] };
  };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body as published when it is more precise than the one validated (e.g. a union the database checks). */
    publishedBody?: unknown;
  }
}

const WEBHOOKS = '/v1/webhooks/';

type JsonSchema = { type?: unknown; required?: string[]; properties?: Record<string, { default?: unknown }> };
/**
 * A request part as the caller sees it: a property with a default may be left out (the validator
 * fills it in), though TypeBox lists it as required for the handler's sake.
 */
function withDefaultsOptional<T>(part: T): T {
  const schema = part as (JsonSchema & { oneOf?: unknown[] }) | undefined;
  if (schema?.oneOf) return { ...schema, oneOf: schema.oneOf.map(withDefaultsOptional) } as T;
  if (!schema?.required || !schema.properties) return part;
  const properties = schema.properties;
  const required = schema.required.filter((key) => properties[key]?.default === undefined);
  return { ...schema, required } as T;
}

export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Estate Vault API',
      version: packageVersion(),
      description:
        "Estate Vault's partner API: a family's personas, circles, assets, valuations, net worth and billing, " +
        'one tenant per partner firm. Every /v1 route but the Stripe webhook takes a Cognito access token of ' +
        "the tenant's user pool as `Authorization: Bearer <token>`. Money and percentages are exact decimal " +
        'strings. Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code` ' +
        '(see docs/error_codes.md).',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A Cognito access token (token_use=access) issued to one of the tenant's app clients",
        },
      },
    },
    tags: Object.values(TAGS),
  },
  // Shared schemas keep their $id as their component name (Problem, not def-0).
  refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  transform: ({ schema, url, route }) => {
    if (!schema) return { schema, url };
    const authenticated = url.startsWith('/v1/') && !url.startsWith(WEBHOOKS);
    const published = {
      ...schema,
      ...(schema.body ? { body: withDefaultsOptional(route.config?.publishedBody ?? schema.body) } : {}),
      ...(schema.querystring ? { querystring: withDefaultsOptional(schema.querystring) } : {}),
      ...(authenticated ? { security: [{ bearer: [] }] } : {}),
      // Any status a route does not list (413, 415, 429...) is a problem document too.
      response: { ...(schema.response as object), default: problemResponse('Any other error') },
    };
    return { schema: published as typeof schema, url };
  },
};
