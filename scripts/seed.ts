// `npm run seed`: loads a realistic scenario through the procedures themselves (a tenant with 10
// families of 3 to 5 members, every asset type several times, split ownerships, permissions, an
// estate plan per family: a trust holding the house, TOD beneficiaries, the will's residuary),
// or, with --tenants/--assets-per-tenant, large set-based data for benchmarks.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginRoleUrl } from '../server/config.ts';
import { createFieldCipher } from '../server/field_cipher.ts';
import { createTenant } from '../generated/tenancy.queries.ts';
import { asSupport } from '../server/plugins/db.ts';
import type { DevStackFile } from './lib/dev_stack.ts';
import { projectRoot } from './lib/migrate.ts';
import { buildScaleTenant } from './lib/scale.ts';
import { buildFamily, seedExchangeRates, syntheticRegistrar } from './lib/scenario.ts';

const HELP = `usage: npm run seed [-- --families 10] [--tenant-slug SLUG]
       npm run seed -- --tenants 100 --assets-per-tenant 10000

Without --tenants: one new tenant with --families families, built through the procedures.
With --tenants: that many tenants, each with one persona owning --assets-per-tenant assets,
inserted set-based by the administrative login (for benchmarks).
Connection: the running dev stack (.data/dev-stack.json), else DATABASE_URL with
DATABASE_API_PASSWORD / DATABASE_OPERATOR_PASSWORD and FIELD_ENCRYPTION_KEYS.`;

function connections() {
  const file = path.join(projectRoot, '.data', 'dev-stack.json');
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return {
      admin: url,
      api: process.env.DATABASE_API_URL ?? loginRoleUrl(url, 'estate_api', process.env.DATABASE_API_PASSWORD),
      // Tenants and rates are operators' work: the operator login, never the support door's.
      support:
        process.env.DATABASE_OPERATOR_URL ??
        loginRoleUrl(url, 'estate_operator', process.env.DATABASE_OPERATOR_PASSWORD),
      keys: process.env.FIELD_ENCRYPTION_KEYS,
    };
  }
  if (!existsSync(file)) throw new Error('no database: start the dev stack with npm start, or set DATABASE_URL');
  const stack = JSON.parse(readFileSync(file, 'utf8')) as DevStackFile;
  const secrets = path.join(projectRoot, '.data', 'dev-secrets.json');
  const keys = existsSync(secrets)
    ? (JSON.parse(readFileSync(secrets, 'utf8')) as { fieldEncryptionKeys?: string }).fieldEncryptionKeys
    : undefined;
  return {
    admin: stack.adminDatabaseUrl,
    api: stack.apiDatabaseUrl,
    support: stack.operatorDatabaseUrl,
    keys: process.env.FIELD_ENCRYPTION_KEYS ?? keys,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      families: { type: 'string', default: '10' },
      'tenant-slug': { type: 'string' },
      tenants: { type: 'string' },
      'assets-per-tenant': { type: 'string', default: '10000' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const urls = connections();
  const started = Date.now();

  if (values.tenants) {
    const tenants = Number(values.tenants);
    const perTenant = Number(values['assets-per-tenant']);
    if (!Number.isInteger(tenants) || tenants < 1 || !Number.isInteger(perTenant) || perTenant < 1)
      throw new Error('--tenants and --assets-per-tenant take positive whole numbers');
    const admin = new pg.Client({ connectionString: urls.admin });
    await admin.connect();
    try {
      const run = randomBytes(3).toString('hex');
      for (let i = 0; i < tenants; i++) await buildScaleTenant(admin, `scale-${run}-${i}`, [perTenant]);
      await admin.query('analyze');
    } finally {
      await admin.end();
    }
    process.stdout.write(
      `seeded ${tenants} tenants x ${perTenant} assets in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return;
  }

  const families = Number(values.families);
  if (!Number.isInteger(families) || families < 1 || families > 1000)
    throw new Error('--families takes a whole number from 1 to 1000');
  const slug = values['tenant-slug'] ?? `sample-${randomBytes(3).toString('hex')}`;
  const api = new pg.Pool({ connectionString: urls.api, max: 2 });
  const support = new pg.Pool({ connectionString: urls.support, max: 1 });
  try {
    const [tenant] = await asSupport(support, 'seed', (db) =>
      createTenant.run({ slug, name: `Sample family office ${slug}`, branding: {}, settings: {} }, db),
    );
    await seedExchangeRates(support, 'seed');
    const register = syntheticRegistrar(api, tenant.tenantId);
    const cipher = urls.keys ? createFieldCipher(urls.keys) : undefined;
    let assets = 0;
    for (let i = 0; i < families; i++) {
      const ownerSub = await register(`owner-${i}-${randomBytes(3).toString('hex')}@example.com`, 'Owner');
      assets += (await buildFamily(api, tenant.tenantId, ownerSub, i, register, cipher)).assetIds.length;
    }
    process.stdout.write(
      `seeded tenant "${slug}" (${tenant.tenantId}): ${families} families, ${assets} assets, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await Promise.all([api.end(), support.end()]);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`seed: ${error.message}\n`);
  process.exit(1);
});
