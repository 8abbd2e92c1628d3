// Configuration from the environment, validated once at start-up with clear messages.
import envSchema from 'env-schema';
import { Type, type Static } from 'typebox';

const ConfigSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  // Administrative URL: migrations at start-up and the operator CLI. Unset: embedded PostgreSQL.
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  // Login-role URLs; unset, they are DATABASE_URL with the role's name and password put in.
  DATABASE_API_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_SUPPORT_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_API_PASSWORD: Type.Optional(Type.String()),
  DATABASE_SUPPORT_PASSWORD: Type.Optional(Type.String()),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 200 }),
  MIGRATE_ON_START: Type.Boolean({ default: true }),
  // cognito: tenants' real user pools only. cognito-local: also start and trust the development provider.
  IDENTITY_PROVIDER: Type.Optional(Type.Union([Type.Literal('cognito'), Type.Literal('cognito-local')])),
  COGNITO_LOCAL_PORT: Type.Integer({ default: 9229, minimum: 0, maximum: 65535 }),
  DEMO_TENANT_SLUG: Type.String({ default: 'demo' }),
  DEMO_USER_EMAIL: Type.String({ default: 'demo@example.com' }),
  DEMO_USER_PASSWORD: Type.String({ default: 'Demo-Passw0rd!' }),
  DATA_DIR: Type.String({ default: '.data' }),
  // Keys for account and policy numbers; the dev stack makes one when unset. Required in production.
  FIELD_ENCRYPTION_KEYS: Type.Optional(Type.String({ minLength: 10 })),
  // Signing secret of the Stripe webhook endpoint; the dev stack makes one when unset.
  STRIPE_WEBHOOK_SECRET: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=_-]{16,}$' })),
  // How old a webhook signature may be (seconds): older deliveries are refused as replays.
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: Type.Integer({ default: 300, minimum: 1, maximum: 3600 }),
});

export type Config = Static<typeof ConfigSchema>;

/** Reads and validates the environment; throws an Error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return envSchema<Config>({ schema: ConfigSchema, data: env, dotenv: false });
}

/** A login role's URL: the explicit one, or the administrative URL with that role's credentials. */
export function loginRoleUrl(adminUrl: string, role: string, password: string | undefined, explicit?: string): string {
  if (explicit) return explicit;
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password ?? '';
  return url.toString();
}
