// The production entry: the API alone, from validated configuration (server/config.ts), on
// HOST:PORT. The database is migrated beforehand (scripts/migrate.ts, built to
// dist/scripts/migrate.js); SIGTERM or SIGINT closes the API (in-flight requests finish) and exits.
// Development runs scripts/start.ts (`npm start`) instead.
import { buildApp, loggerOptions } from './app.ts';
import { loadServerConfig, type ServerConfig } from './config.ts';

let config: ServerConfig;
try {
  config = loadServerConfig();
} catch (error) {
  process.stderr.write(`configuration error: ${(error as Error).message}\n`);
  process.exit(1);
}

let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp({ ...config.app, logger: loggerOptions(config.logLevel) });
} catch (error) {
  process.stderr.write(`cannot build the API: ${(error as Error).message}\n`);
  process.exit(1);
}
if (config.app.allowDevelopmentIssuers) {
  app.log.warn(
    'IDENTITY_PROVIDER=cognito-local: tokens of registered development issuers are trusted (their signing keys are public)',
  );
}
if (!config.app.stripeWebhookSecret) app.log.warn('STRIPE_WEBHOOK_SECRET is unset: the Stripe webhook answers 503');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: closing`);
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'closing the API failed');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  app.log.error({ err: error }, `cannot listen on ${config.host}:${config.port}`);
  await app.close().catch(() => {});
  process.exit(1);
}
