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
import { ETAG_ROUTES, IF_MATCH_ROUTES } from './plugins/conditional.ts';
import { UNSTORED_ANSWER_ROUTES } from './plugins/idempotency.ts';
import { API_KEY_PROCEDURE_SCOPES } from './plugins/api_keys.ts';
import { ACTING_FOR_PROCEDURES } from './plugins/auth.ts';
import * as actingForQueries from '../generated/acting_for.queries.ts';
import * as apiKeyQueries from '../generated/api_keys.queries.ts';
import * as assetQueries from '../generated/assets.queries.ts';
import * as auditQueries from '../generated/audit.queries.ts';
import * as billingQueries from '../generated/billing.queries.ts';
import * as circleQueries from '../generated/family_circles.queries.ts';
import * as credentialQueries from '../generated/credentials.queries.ts';
import * as emergencyAccessQueries from '../generated/emergency_access.queries.ts';
import * as estateQueries from '../generated/estate.queries.ts';
import * as estateAccessQueries from '../generated/estate_access.queries.ts';
import * as fiduciaryQueries from '../generated/fiduciaries.queries.ts';
import * as gdprQueries from '../generated/gdpr.queries.ts';
import * as identityQueries from '../generated/identity.queries.ts';
import * as lifeEventQueries from '../generated/life_events.queries.ts';
import * as netWorthQueries from '../generated/net_worth.queries.ts';
import * as outboxQueries from '../generated/outbox.queries.ts';
import * as stripeQueries from '../generated/stripe.queries.ts';
import * as supportQueries from '../generated/support.queries.ts';
import * as supportAccessQueries from '../generated/support_access.queries.ts';
import * as tenancyQueries from '../generated/tenancy.queries.ts';
import * as vaultQueries from '../generated/vault.queries.ts';

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
  estate: {
    name: 'estate plan',
    description: 'Trusts and companies that own assets, beneficiary designations, planner checks',
  },
  emergencyAccess: {
    name: 'emergency access',
    description: 'Trusted users who may reach a persona in an emergency, after a waiting period the owner may refuse',
  },
  lifeEvents: {
    name: 'life events',
    description:
      'Reports of a persona’s incapacity or death: a wait the person can block, evidence, verification by support',
  },
  fiduciaries: {
    name: 'fiduciaries',
    description:
      'Executors, trustees, agents, guardians and custodians in ranked successions, accepted by the appointee',
  },
  vault: {
    name: 'document vault',
    description: 'Estate documents (wills, trusts, directives...): versions encrypted at rest, content hashes, shares',
  },
  billing: { name: 'billing', description: 'Plans, subscription, payment methods and invoices' },
  gdpr: {
    name: 'privacy',
    description: 'My consents, and the export or erasure of my personal data (GDPR requests with deadlines)',
  },
  credentials: {
    name: 'credentials',
    description: 'MFA policy and factors, password rotation, security questions (passwords stay in Cognito)',
  },
  apiKeys: {
    name: 'api keys',
    description: "Keys for a firm's servers: each acts for its creator within its scopes (docs/api_keys.md)",
  },
  webhooks: { name: 'webhooks', description: 'Events from Stripe, signed by Stripe (no bearer token)' },
  support: {
    name: 'support',
    description: "The support staff's door (/support/v1): a staff pool's access token, never a tenant's",
  },
} as const;

/** An onRoute hook giving every route of a plugin its domain tag (routes may name their own). */
export const tagRoutes =
  (tag: (typeof TAGS)[keyof typeof TAGS]) =>
  (route: { schema?: { tags?: readonly string[] } & Record<string, unknown> }) => {
    if (route.schema && !route.schema.tags) route.schema = { ...route.schema, tags: [tag.name] };
  };

const WEBHOOKS = '/v1/webhooks/';
const SUPPORT = '/support/v1/';

/** Each typed binding's name (listMyAssets) → the procedure its SQL calls (sp_list_my_assets). */
const PROCEDURE_OF = new Map<string, string>();
// Every generated module a route may call (a new domain's module is added here).
for (const queries of [
  actingForQueries,
  apiKeyQueries,
  assetQueries,
  auditQueries,
  billingQueries,
  circleQueries,
  credentialQueries,
  emergencyAccessQueries,
  estateQueries,
  estateAccessQueries,
  fiduciaryQueries,
  gdprQueries,
  identityQueries,
  lifeEventQueries,
  netWorthQueries,
  outboxQueries,
  stripeQueries,
  supportQueries,
  supportAccessQueries,
  tenancyQueries,
  vaultQueries,
])
  for (const [name, query] of Object.entries(queries)) {
    const statement = (query as { queryIR?: { statement?: string } }).queryIR?.statement ?? '';
    const called = /\b(?:api|support)\.(sp_\w+)\s*\(/.exec(statement);
    if (called) PROCEDURE_OF.set(name, called[1]);
  }

/**
 * The procedures a route's handler calls (its `binding.run(` calls, read from its own source), for
 * the document's `x-procedure`: recorded by the code itself, it cannot drift. The read an If-Match
 * compares (requireIfMatch's) is not the route's own procedure and is left out.
 */
export function proceduresOf(handler: unknown): string[] {
  if (typeof handler !== 'function') return [];
  const source = handler.toString().replace(/requireIfMatch\([\s\S]*?\);/g, '');
  const names = [...source.matchAll(/\b(\w+)\.run\(/g)].map((call) => PROCEDURE_OF.get(call[1]));
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}
/** `x-procedure` of each operation (`GET /v1/assets/{assetId}`), filled by the transform, read by transformObject. */
const operationProcedures = new Map<string, string[]>();
/** `x-api-key-scope` of each operation an API key may call (docs/api_keys.md). */
const operationScopes = new Map<string, string>();
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** A success response's description, unless its schema has its own: what the caller gets. */
function successDescription(verb: string, status: string, summary: string): string {
  if (status === '204') return 'Done: no content';
  if (status === '202') return 'Accepted: the same answer whatever the target (nothing about it is revealed)';
  if (status === '201') return 'Created: the new resource';
  if (verb === 'GET') return summary;
  return 'Done: the resource as the change left it';
}
function describeSuccesses(verb: string, schema: Record<string, unknown>) {
  const response = { ...(schema.response as Record<string, Record<string, unknown>>) };
  for (const [status, reply] of Object.entries(response))
    if (/^2\d\d$/.test(status) && reply && !reply.description)
      response[status] = { ...reply, description: successDescription(verb, status, String(schema.summary ?? '')) };
  return response;
}

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

const IDEMPOTENCY_KEY_HEADER = {
  type: 'string',
  pattern: '^[!-~]{1,255}$',
  description:
    'Optional: makes a retry safe (docs/retries.md). The same key with the same request within 24 h gets ' +
    'the first answer again (`Idempotency-Replayed: true`); with another request, 422 `idempotency_key_reused`.',
};
const ETAG_HEADER = { type: 'string', description: 'Weak ETag of the resource, for If-None-Match and If-Match' };

/** The published headers of safe retries: Idempotency-Key on POSTs, ETag and its preconditions. */
function retryHeaders(method: string | string[], url: string, authenticated: boolean, schema: Record<string, unknown>) {
  const response = { ...(schema.response as Record<string, Record<string, unknown>>) };
  const headers = { ...((schema.headers as { properties?: object } | undefined)?.properties ?? {}) } as Record<
    string,
    unknown
  >;
  const verb = String(method);
  if (verb === 'POST' && authenticated && !UNSTORED_ANSWER_ROUTES.has(url)) {
    headers['idempotency-key'] = IDEMPOTENCY_KEY_HEADER;
    response[422] = problemResponse('`idempotency_key_reused`: the Idempotency-Key was used by another request');
  } else if (verb === 'GET' && ETAG_ROUTES.has(url)) {
    headers['if-none-match'] = { type: 'string', description: 'An ETag read before: 304 while it is current' };
    if (response[200]) response[200] = { ...response[200], headers: { etag: ETAG_HEADER } };
    response[304] = { description: 'Not modified: the If-None-Match ETag is current (no body)' };
  } else if ((verb === 'PATCH' || verb === 'DELETE') && IF_MATCH_ROUTES.has(url)) {
    headers['if-match'] = {
      type: 'string',
      description: 'Optional: the ETag read before; a changed resource answers 412 and nothing changes',
    };
    response[412] = problemResponse('`precondition_failed`: the resource changed since the If-Match ETag');
  } else {
    return {};
  }
  return { headers: { type: 'object', properties: headers }, response };
}

const ACTING_FOR_HEADER = {
  type: 'string',
  format: 'uuid',
  description:
    'Optional: the id of a person the caller acts for (the trusted user of an approved act_for emergency-access ' +
    'grant, or the acting agent under a power of attorney once an incapacity is verified; docs/legacy.md). ' +
    'Done under the caller’s own sign-in and recorded; without a basis, 404 `persona_not_found`. ' +
    'Routes without this header answer it with 400 `acting_for_not_supported`.',
};

/** The Acting-For header, on the routes whose procedures may be done acting for someone. */
function actingForHeader(schema: Record<string, unknown>) {
  const headers = (schema.headers as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return { headers: { type: 'object', properties: { ...headers, 'acting-for': ACTING_FOR_HEADER } } };
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
        '(see docs/error_codes.md). Where reads are served by a read replica, a write answers ' +
        '`X-Consistency-Token`: send it back on the GETs that follow to see that write (docs/operations.md).',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A Cognito access token (token_use=access) issued to one of the tenant's app clients",
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description:
            "`Authorization: ApiKey evk_<prefix>_<secret>`: a key made with POST /v1/api-keys, for a firm's servers; " +
            'it acts for the user who made it, on the routes of its scopes only (`x-api-key-scope`; docs/api_keys.md)',
        },
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A Cognito access token of a staff pool's app client (support routes only)",
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
    const staff = url.startsWith(SUPPORT);
    // The routes an API key may call: every procedure the handler calls admits the key's scope.
    const procedures = proceduresOf(route.handler);
    const scopes = [...new Set(procedures.map((p) => API_KEY_PROCEDURE_SCOPES[p] as string | undefined))];
    const apiKeyScope = authenticated && procedures.length > 0 && !scopes.includes(undefined) ? scopes : [];
    if (apiKeyScope.length)
      operationScopes.set(`${String(route.method).toLowerCase()} ${openApiPath(url)}`, apiKeyScope.join(' '));
    const published = {
      ...schema,
      ...(schema.body ? { body: withDefaultsOptional(schema.body) } : {}),
      ...(schema.querystring ? { querystring: withDefaultsOptional(schema.querystring) } : {}),
      ...(authenticated ? { security: apiKeyScope.length ? [{ bearer: [] }, { apiKey: [] }] : [{ bearer: [] }] } : {}),
      ...(staff ? { security: [{ staffBearer: [] }] } : {}),
      // Any status a route does not list (413, 415, 429...) is a problem document too.
      response: {
        ...describeSuccesses(String(route.method), schema as Record<string, unknown>),
        default: problemResponse('Any other error'),
      },
    };
    Object.assign(published, retryHeaders(route.method, route.url, authenticated, published));
    if (authenticated && procedures.length > 0 && procedures.every((p) => ACTING_FOR_PROCEDURES.has(p)))
      Object.assign(published, actingForHeader(published));
    operationProcedures.set(`${String(route.method).toLowerCase()} ${openApiPath(url)}`, procedures);
    return { schema: published as typeof schema, url };
  },
  // Each operation names the procedures it calls (`x-procedure`): the README's route table shows them.
  transformObject: (document) => {
    const openapiObject = 'openapiObject' in document ? document.openapiObject : document.swaggerObject;
    const paths = (openapiObject as { paths?: Record<string, Record<string, Record<string, unknown>>> }).paths ?? {};
    for (const [url, operations] of Object.entries(paths))
      for (const [method, operation] of Object.entries(operations)) {
        const procedures = operationProcedures.get(`${method} ${url}`);
        if (procedures?.length) operation['x-procedure'] = procedures;
        const scope = operationScopes.get(`${method} ${url}`);
        if (scope) operation['x-api-key-scope'] = scope;
      }
    return openapiObject;
  },
};
