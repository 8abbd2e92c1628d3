// Support procedures for tenants and identity providers: only a named support session may call
// them, through the support login role; they stay inside the tenant they name.
import t from 'tap';
import * as tenancy from '../generated/tenancy.queries.ts';
import { listAuthClients } from '../generated/identity.queries.ts';
import { makeTenant, rejection, testDatabase, uniqueSlug } from './helpers/db.ts';

const db = await testDatabase(t);

t.test('support creates a tenant and finds it by slug', async (t) => {
  const slug = uniqueSlug('acme');
  const [created] = await db.asSupport((c) =>
    tenancy.createTenant.run({ slug, name: 'Acme Wealth', branding: { color: '#123456' }, settings: {} }, c),
  );
  t.equal(created.status, 'active');
  const [found] = await db.asSupport((c) => tenancy.getTenantBySlug.run({ slug: slug.toUpperCase() }, c));
  t.equal(found.tenantId, created.tenantId, 'slugs are case-insensitive');
  t.match(
    await rejection(
      db.asSupport((c) => tenancy.createTenant.run({ slug, name: 'Again', branding: {}, settings: {} }, c)),
    ),
    { sqlState: 'PT409', code: 'tenant_slug_taken' },
  );
  t.match(
    await rejection(
      db.asSupport((c) => tenancy.createTenant.run({ slug: 'Not A Slug!', name: 'X', branding: {}, settings: {} }, c)),
    ),
    { sqlState: 'PT400', code: 'invalid_slug' },
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.createTenant.run({ slug: uniqueSlug('x'), name: 'X', branding: JSON.stringify([1]), settings: {} }, c),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_settings' },
  );
  t.match(await rejection(db.asSupport((c) => tenancy.getTenantBySlug.run({ slug: 'no-such-tenant' }, c))), {
    sqlState: 'PT404',
    code: 'tenant_not_found',
  });
});

t.test('a real Cognito pool: its issuer is derived from region and pool id, and the pair is validated', async (t) => {
  const tenantId = await makeTenant(db, 'pool');
  const [provider] = await db.asSupport((c) =>
    tenancy.registerIdentityProvider.run(
      { tenantId, kind: 'cognito', userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1' },
      c,
    ),
  );
  t.equal(provider.issuer, 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');
  const [again] = await db.asSupport((c) =>
    tenancy.registerIdentityProvider.run(
      { tenantId, kind: 'cognito', userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1' },
      c,
    ),
  );
  t.equal(again.providerId, provider.providerId, 'registering again returns the same provider');
  await db.asSupport((c) =>
    tenancy.registerAppClient.run(
      { tenantId, providerId: provider.providerId, clientId: 'client123abc', name: 'Acme app' },
      c,
    ),
  );
  const clients = await db.withContext({ tenantId: null, actorKind: 'system', actorId: 'x', requestId: 'r' }, (c) =>
    listAuthClients.run(undefined, c),
  );
  t.ok(
    clients.some((c) => c.clientId === 'client123abc' && c.tenantId === tenantId && c.providerKind === 'cognito'),
    'the token router sees the new client',
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerIdentityProvider.run(
          { tenantId, kind: 'cognito', userPoolId: 'us-east-1_AbC123', region: 'eu-west-1' },
          c,
        ),
      ),
    ),
    { code: 'invalid_user_pool_id' },
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerIdentityProvider.run({ tenantId, kind: 'cognito', userPoolId: 'x_1', region: 'mars' }, c),
      ),
    ),
    { code: 'invalid_region' },
  );
  t.match(
    await rejection(
      db.asSupport((c) => tenancy.registerIdentityProvider.run({ tenantId, kind: 'saml', userPoolId: 'x_1' }, c)),
    ),
    { code: 'invalid_provider_kind' },
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerAppClient.run({ tenantId, providerId: provider.providerId, clientId: 'bad id!', name: 'x' }, c),
      ),
    ),
    { code: 'invalid_client_id' },
  );
});

t.test("one pool belongs to one tenant; another tenant's provider cannot be used", async (t) => {
  const first = await makeTenant(db, 'first');
  const second = await makeTenant(db, 'second');
  const [provider] = await db.asSupport((c) =>
    tenancy.registerIdentityProvider.run(
      { tenantId: first, kind: 'cognito', userPoolId: 'us-east-2_Pool1', region: 'us-east-2' },
      c,
    ),
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerIdentityProvider.run(
          { tenantId: second, kind: 'cognito', userPoolId: 'us-east-2_Pool1', region: 'us-east-2' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT409', code: 'issuer_taken' },
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerAppClient.run(
          { tenantId: second, providerId: provider.providerId, clientId: 'stolen1', name: 'x' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT404', code: 'provider_not_found' },
    "a client cannot be attached to another tenant's pool",
  );
  t.match(
    await rejection(
      db.asSupport((c) =>
        tenancy.registerAppClient.run(
          { tenantId: crypto.randomUUID(), providerId: provider.providerId, clientId: 'x1', name: 'x' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT404', code: 'tenant_not_found' },
  );
});

t.test('only a named support session may call support procedures', async (t) => {
  const call = (c: Parameters<typeof tenancy.getTenantBySlug.run>[1]) =>
    tenancy.getTenantBySlug.run({ slug: 'anything' }, c);
  t.equal(
    (await rejection(db.withContext({ tenantId: null, actorKind: 'support', actorId: 'staff', requestId: 'r' }, call)))
      .sqlState,
    '42501',
    'the tenant-traffic role cannot execute support procedures, even claiming to be support',
  );
  const { inContext } = await import('../server/plugins/db.ts');
  t.match(
    await rejection(inContext(db.support, { tenantId: null, actorKind: 'support', actorId: '', requestId: 'r' }, call)),
    { sqlState: '42501', code: 'support_context_missing' },
    'an unnamed operator is refused',
  );
  t.match(
    await rejection(
      inContext(db.support, { tenantId: null, actorKind: 'user', actorId: 'someone', requestId: 'r' }, call),
    ),
    { sqlState: '42501', code: 'support_context_missing' },
    'a support login acting as a user is refused',
  );
  t.equal(
    (await rejection(db.support.query('select * from app.tenants'))).sqlState,
    '42501',
    'the support role touches no table',
  );
  const { rows } = await db.admin.query(
    `select actor_kind, actor_id from audit.audit_log where table_name = 'app.tenants' and operation = 'INSERT' limit 1`,
  );
  t.same(
    rows[0],
    { actor_kind: 'support', actor_id: 'staff:test' },
    'the audit log names the operator who created a tenant',
  );
});
