// Serves the example white-label app (examples/white_label) on its own origin: the page, its
// stylesheet, app.js (app.ts with amazon-cognito-identity-js and the typed client, bundled by
// esbuild in memory when the server starts: no built file is committed) and config.json (where
// the API and the user pool are). A second tiny Fastify instance: the API knows nothing of it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import Fastify from 'fastify';
import { projectRoot } from './migrate.ts';

export interface ExampleAppConfig {
  apiUrl: string;
  /** cognito-local's endpoint; null for a real Cognito pool. */
  cognitoEndpoint: string | null;
  userPoolId: string;
  clientId: string;
  currency?: string;
}

const exampleDir = path.join(projectRoot, 'examples', 'white_label');

/** app.ts and what it imports as one browser ES module. */
export async function bundleExampleApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(exampleDir, 'app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // amazon-cognito-identity-js's `buffer` reads Node's `global`.
    define: { global: 'globalThis' },
  });
  return result.outputFiles[0].text;
}

/** Starts the page's server; close() stops it. */
export async function startExampleApp(options: {
  host: string;
  port: number;
  config: ExampleAppConfig;
}): Promise<{ url: string; close(): Promise<void> }> {
  const [html, css, js] = await Promise.all([
    readFile(path.join(exampleDir, 'index.html'), 'utf8'),
    readFile(path.join(exampleDir, 'style.css'), 'utf8'),
    bundleExampleApp(),
  ]);
  const { config } = options;
  // The page talks to its own origin, the API and the identity provider, nothing else.
  const connect = ["'self'", new URL(config.apiUrl).origin];
  connect.push(config.cognitoEndpoint ? new URL(config.cognitoEndpoint).origin : 'https://cognito-idp.*.amazonaws.com');
  const csp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${connect.join(' ')}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

  const server = Fastify({ logger: false });
  server.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
  });
  server.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  server.get('/style.css', (_request, reply) => reply.type('text/css; charset=utf-8').send(css));
  server.get('/app.js', (_request, reply) => reply.type('text/javascript; charset=utf-8').send(js));
  server.get('/config.json', () => config);
  await server.listen({ host: options.host, port: options.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { url: `http://${host}:${port}`, close: () => server.close() };
}
