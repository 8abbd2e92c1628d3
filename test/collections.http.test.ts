// One collection shape (issue 10): every list answers { items, total, limit, offset }, sorts by an
// allow-list, filters where lists grow; the total counts only what the caller may see, so a filter
// cannot probe another user's or tenant's rows. The asset lists: test/asset_lists.http.test.ts.
import t from 'tap';
import { bearer, makePoolTenant, registerThroughApi, testApp, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'coll-home');
const away = await makePoolTenant(db, 'coll-away');
const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Coll');
type User = Awaited<ReturnType<typeof registered>>;
const call = (user: User, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(user.accessToken), ...(payload ? { payload } : {}) });
const ok = async (user: User, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(user, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
type Page = { items: Array<Record<string, unknown>>; total: number; limit: number; offset: number };
const list = (user: User, url: string) => ok(user, 'GET', url) as Promise<Page>;

const pia = await registered(home, 'Pia');
await activatePlan(db.api, home.tenantId, pia.sub, 'family');
const quinn = await registered(home, 'Quinn');
const rex = await registered(away, 'Rex');
for (const [firstName, lastName] of [
  ['Zoe', 'Adams'],
  ['Al', 'Young'],
  ['Mia', 'Zimmer'],
])
  await ok(pia, 'POST', '/v1/personas', { firstName, lastName });
await ok(quinn, 'POST', '/v1/personas', { firstName: 'Secret', lastName: 'Ward' });

t.test('GET /v1/personas: paged with a total, own first, sorted by name, filtered by q', async (t) => {
  const all = await list(pia, '/v1/personas');
  t.same([all.total, all.limit, all.offset], [4, 50, 0]);
  t.equal(all.items[0].linkKind, 'self', 'own persona first by default');
  const byName = await list(pia, '/v1/personas?sort=name&limit=2');
  t.same(
    [byName.items.map((p) => p.lastName), byName.total],
    [['Adams', 'Coll'], 4],
    'sort=name: by last name, a page of two, the total of four',
  );
  t.same((await list(pia, '/v1/personas?sort=-name')).items[0].lastName, 'Zimmer', 'sort=-name');
  const q = await list(pia, '/v1/personas?q=ZIM');
  t.same([q.items.map((p) => p.firstName), q.total], [['Mia'], 1], 'q: part of a name, any case');
  const probe = await list(pia, '/v1/personas?q=Secret');
  t.same([probe.items, probe.total], [[], 0], "another user's persona: neither listed nor counted");
  const foreign = await list(rex, '/v1/personas?q=Zoe');
  t.same(foreign.total, 0, 'another tenant: nothing counted');
  for (const bad of ['sort=firstName', 'limit=501', 'q=', 'as_of=x'])
    t.equal((await call(pia, 'GET', `/v1/personas?${bad}`)).statusCode, 400, `${bad}: 400`);
});

t.test('GET /v1/ffcs and its invitations: totals, sorts and filters; only admins see what a circle sent', async (t) => {
  for (const name of ['Beta family', 'Alpha family']) await ok(pia, 'POST', '/v1/ffcs', { name });
  const circles = await list(pia, '/v1/ffcs?sort=-name');
  t.same([circles.items.map((c) => c.name), circles.total], [['Beta family', 'Alpha family'], 2]);
  const alpha = await list(pia, '/v1/ffcs?q=alpha');
  t.same([alpha.items.length, alpha.total], [1, 1], 'q on the name');
  t.same((await list(quinn, '/v1/ffcs?q=alpha')).total, 0, 'a non-member counts none');
  const ffcId = alpha.items[0].ffcId as string;
  for (const email of ['b.guest@example.com', 'a.guest@example.com', 'c.other@example.org'])
    await ok(pia, 'POST', `/v1/ffcs/${ffcId}/invitations`, { email, role: 'viewer' });
  const sent = await list(pia, `/v1/ffcs/${ffcId}/invitations?sort=email&q=guest&status=pending`);
  t.same(
    [sent.items.map((i) => i.email), sent.total],
    [['a.guest@example.com', 'b.guest@example.com'], 2],
    'sorted by email, filtered by q and status',
  );
  t.same((await list(pia, `/v1/ffcs/${ffcId}/invitations?status=accepted`)).total, 0, 'none accepted yet');
  t.same((await list(pia, `/v1/ffcs/${ffcId}/invitations?limit=1`)).total, 3, 'a page of one, the total of three');
  t.equal((await call(pia, 'GET', `/v1/ffcs/${ffcId}/invitations?status=lost`)).statusCode, 400, 'an unknown status');
  const outsider = await call(quinn, 'GET', `/v1/ffcs/${ffcId}/invitations?q=guest`);
  t.same(
    [outsider.statusCode, outsider.json().code],
    [404, 'ffc_not_found'],
    'a non-member learns nothing, not even a total',
  );
  const received = await list(quinn, '/v1/ffc-invitations?sort=expiresAt');
  t.same([received.items, received.total], [[], 0], 'invitations to another email are not counted');
});

t.test('valuations, invoices, plan changes, link invitations: the same shape', async (t) => {
  const asset = await ok(pia, 'POST', '/v1/assets', {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'Painting',
    currency: 'USD',
    ownerPersonaId: pia.personaId,
    initialValue: '100.00',
    valuedOn: '2026-01-01',
  });
  for (const [amount, valuedOn] of [
    ['200.00', '2026-02-01'],
    ['300.00', '2026-03-01'],
  ])
    await ok(pia, 'POST', `/v1/assets/${asset.assetId}/valuations`, { amount, valuedOn });
  const newest = await list(pia, `/v1/assets/${asset.assetId}/valuations?limit=1`);
  t.same([newest.items.map((v) => v.amount), newest.total], [['300.00'], 3], 'newest first, the total of three');
  const oldest = await list(pia, `/v1/assets/${asset.assetId}/valuations?sort=valuedOn&limit=1`);
  t.same(
    oldest.items.map((v) => v.amount),
    ['100.00'],
    'sort=valuedOn: oldest first',
  );
  const asOf = await list(pia, `/v1/assets/${asset.assetId}/valuations?asOf=2026-02-15`);
  t.same([asOf.items[0].amount, asOf.total], ['200.00', 2], 'asOf narrows the history and its total');
  const stranger = await call(quinn, 'GET', `/v1/assets/${asset.assetId}/valuations`);
  t.same(
    [stranger.statusCode, stranger.json().code],
    [404, 'asset_not_found'],
    'no total for an asset one may not see',
  );

  const invoices = await list(pia, '/v1/invoices?status=paid&sort=createdAt');
  t.same([invoices.total, invoices.limit, invoices.offset], [invoices.items.length, 50, 0]);
  t.equal((await call(pia, 'GET', '/v1/invoices?status=unpaid')).statusCode, 400, 'an unknown invoice status');
  const changes = await list(pia, '/v1/subscription/changes?sort=changedAt');
  t.ok(changes.total >= 1 && changes.total === changes.items.length, 'plan changes: total');
  const links = await list(quinn, '/v1/persona-link-invitations?sort=-createdAt');
  t.same([links.items, links.total], [[], 0]);
  const search = await list(pia, '/v1/assets/search?q=painting&limit=1');
  t.same([search.items.length, search.total], [1, 1], 'search: the same page and total');
  t.equal((await call(pia, 'GET', '/v1/assets/search?q=x&limit=501')).statusCode, 400, 'one maximum everywhere');
});
