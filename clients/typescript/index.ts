// @estate-vault/client: the Estate Vault API through openapi-fetch, typed by schema.d.ts (generated
// from openapi/openapi.json by `npm run openapi`: paths, bodies, replies and problems are checked
// by tsc). Every request carries the caller's Cognito access token as a bearer token.
//
//   const api = createEstateVaultClient({ baseUrl: 'https://api.example.com', accessToken: () => token });
//   const { data, error } = await api.GET('/v1/assets/{assetId}', { params: { path: { assetId } } });
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };
/** An RFC 9457 problem document with the API's stable `code` (docs/error_codes.md). */
export type Problem = components['schemas']['Problem'];
export type EstateVaultClient = Client<paths>;

export interface EstateVaultClientOptions {
  /** The API's origin, e.g. https://api.example.com (paths start with /v1). */
  baseUrl: string;
  /** The current Cognito access token (not the id token); called before every request. */
  accessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** A fetch of one's own (tests, retries, instrumentation); the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/** A middleware that sets `Authorization: Bearer <token>` when a token is at hand. */
export const bearerToken = (accessToken: NonNullable<EstateVaultClientOptions['accessToken']>): Middleware => ({
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
});

/** A typed client of the Estate Vault API. */
export function createEstateVaultClient(options: EstateVaultClientOptions): EstateVaultClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (options.accessToken) client.use(bearerToken(options.accessToken));
  return client;
}
