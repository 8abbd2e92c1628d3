// `npm start`: the development stack. Validated configuration, the infrastructure (embedded
// defaults when DATABASE_URL / Cognito are not configured), then the API on HOST:PORT. Ctrl-C
// stops it all. Production starts the API alone: server/main.ts.
import { buildApp, loggerOptions } from '../server/app.ts';
import { loadDevConfig, startInfrastructure } from './lib/dev_stack.ts';
import { startExampleApp } from './lib/example_app.ts';

let config;
try {
  config = loadDevConfig();
} catch (error) {
  process.stderr.write(`configuration error: ${(error as Error).message}\n`);
  process.exit(1);
}

const say = (message: string) => process.stderr.write(`[start] ${message}\n`);
const infrastructure = await startInfrastructure(config, say);
const app = await buildApp({
  databaseApiUrl: infrastructure.databaseApiUrl,
  databaseSupportUrl: infrastructure.databaseSupportUrl,
  poolSize: config.DATABASE_POOL_SIZE,
  allowDevelopmentIssuers: infrastructure.allowDevelopmentIssuers,
  fieldEncryptionKeys: infrastructure.fieldEncryptionKeys,
  stripeWebhookSecret: infrastructure.stripeWebhookSecret,
  stripeWebhookToleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
  authRoutingMaxAgeMs: config.AUTH_ROUTING_MAX_AGE_SECONDS * 1000,
  logger: loggerOptions(config.LOG_LEVEL),
});

let example: Awaited<ReturnType<typeof startExampleApp>> | undefined;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  await example?.close().catch((error) => say(`closing the example app failed: ${error}`));
  await app.close().catch((error) => say(`closing the API failed: ${error}`));
  await infrastructure.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ host: config.HOST, port: config.PORT });
} catch (error) {
  say(`cannot listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`);
  await infrastructure.stop();
  process.exit(1);
}
const address = app.server.address();
const apiUrl =
  typeof address === 'object' && address
    ? `http://${config.HOST}:${address.port}`
    : `http://${config.HOST}:${config.PORT}`;
await infrastructure.announce(apiUrl);
say(`API listening on ${apiUrl}`);
say(`reference page ${apiUrl}/docs, OpenAPI document ${apiUrl}/openapi.json`);
if (infrastructure.demo) {
  say(
    `demo user ${infrastructure.demo.email} of tenant "${infrastructure.demo.tenantSlug}"; get a token with: npm run -s token`,
  );
  say(`try: curl -H "Authorization: Bearer $(npm run -s token)" ${apiUrl}/v1/me`);
}
if (infrastructure.demoPool && config.EXAMPLE_APP_PORT) {
  try {
    example = await startExampleApp({
      host: config.HOST,
      port: config.EXAMPLE_APP_PORT,
      config: { apiUrl, ...infrastructure.demoPool },
    });
    say(`example white-label app on ${example.url} (sign in as the demo user)`);
  } catch (error) {
    say(`example app not served on port ${config.EXAMPLE_APP_PORT}: ${(error as Error).message}`);
  }
}
