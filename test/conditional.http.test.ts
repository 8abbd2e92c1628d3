// Conditional requests (issue 10, docs/retries.md): weak ETags on single resources, 304 for a
// current If-None-Match, and If-Match on PATCH/DELETE checked in the write's transaction under a
// row lock: a stale one is 412 with nothing changed; of two concurrent writers with one ETag,
// exactly one wins.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, testApp, registerThroughApi, type PoolTenant } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { UNSTORED_ANSWER_ROUTES } from '../server/plugins/idempotency.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');

const call = (
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST',
  url: string,
  token: string,
  headers = {},
  payload?: object,
) => app.inject({ method, url, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Etag');
const owner = await registered(home, 'Erin');
const neighbour = await registered(home, 'Ned');
const stranger = await registered(away, 'Sid');

async function newAsset(name: string) {
  const res = await call(
    'POST',
    '/v1/assets',
    owner.accessToken,
    {},
    {
      assetType: 'bank_account',
      categoryCode: 'checking',
      name,
      currency: 'USD',
      ownerPersonaId: owner.personaId,
      initialValue: '10.00',
      valuedOn: '2026-01-01',
      details: { institutionName: 'First Bank', accountKind: 'checking' },
    },
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().assetId as string;
}

t.test('single resources carry a weak ETag; If-None-Match answers 304 until they change', async (t) => {
  const assetId = await newAsset('Etag account');
  const first = await call('GET', `/v1/assets/${assetId}`, owner.accessToken);
  const etag = first.headers.etag as string;
  t.match(etag, /^W\/"[A-Za-z0-9_-]{27}"$/, 'a weak ETag');
  t.equal((await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).headers.etag, etag, 'stable');
  const cached = await call('GET', `/v1/assets/${assetId}`, owner.accessToken, { 'if-none-match': etag });
  t.equal(cached.statusCode, 304, 'a current If-None-Match: 304');
  t.equal(cached.body, '', 'without a body');
  t.equal(cached.headers.etag, etag, 'with the ETag');
  const strongForm = etag.replace(/^W\//, '');
  t.equal(
    (await call('GET', `/v1/assets/${assetId}`, owner.accessToken, { 'if-none-match': `"x", ${strongForm}` }))
      .statusCode,
    304,
    'compared weakly, in a list',
  );
  await call('PATCH', `/v1/assets/${assetId}`, owner.accessToken, {}, { name: 'Renamed' });
  const changed = await call('GET', `/v1/assets/${assetId}`, owner.accessToken, { 'if-none-match': etag });
  t.equal(changed.statusCode, 200, 'after a change: the full answer');
  t.not(changed.headers.etag, etag, 'with a new ETag');
  await call(
    'POST',
    `/v1/assets/${assetId}/valuations`,
    owner.accessToken,
    {},
    {
      amount: '20.00',
      valuedOn: '2026-02-01',
      currency: 'USD',
    },
  );
  const valued = await call('GET', `/v1/assets/${assetId}`, owner.accessToken);
  t.not(valued.headers.etag, changed.headers.etag, 'a new valuation changes what the asset shows, and its ETag');

  for (const url of ['/v1/me', `/v1/personas/${owner.personaId}`, '/v1/subscription']) {
    const res = await call('GET', url, owner.accessToken);
    t.match(res.headers.etag, /^W\//, `${url} has an ETag`);
    t.equal(
      (await call('GET', url, owner.accessToken, { 'if-none-match': res.headers.etag as string })).statusCode,
      304,
      `${url}: 304`,
    );
  }
  const missing = await call('GET', `/v1/assets/${randomUUID()}`, owner.accessToken, { 'if-none-match': '*' });
  t.equal(missing.statusCode, 404, 'an unknown asset stays 404 whatever If-None-Match says');
});

t.test('If-Match on PATCH and DELETE: a stale ETag is 412 and nothing changes', async (t) => {
  const assetId = await newAsset('Guarded');
  const etag = (await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).headers.etag as string;
  const patched = await call(
    'PATCH',
    `/v1/assets/${assetId}`,
    owner.accessToken,
    { 'if-match': etag },
    {
      name: 'Guarded 2',
    },
  );
  t.equal(patched.statusCode, 200, 'the current ETag: the change is made');
  const stale = await call(
    'PATCH',
    `/v1/assets/${assetId}`,
    owner.accessToken,
    { 'if-match': etag },
    {
      name: 'Lost update',
    },
  );
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'precondition_failed');
  t.match(stale.headers['content-type'], /application\/problem\+json/);
  t.equal((await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).json().name, 'Guarded 2', 'unchanged');
  const staleDelete = await call('DELETE', `/v1/assets/${assetId}`, owner.accessToken, { 'if-match': etag });
  t.equal(staleDelete.statusCode, 412, 'a stale DELETE: 412');
  t.equal((await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).statusCode, 200, 'the asset is still there');
  const current = (await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).headers.etag as string;
  t.equal(
    (await call('DELETE', `/v1/assets/${assetId}`, owner.accessToken, { 'if-match': current })).statusCode,
    204,
    'the current ETag: deleted',
  );
  const anyAsset = await newAsset('Star');
  t.equal(
    (await call('PATCH', `/v1/assets/${anyAsset}`, owner.accessToken, { 'if-match': '*' }, { name: 'Star 2' }))
      .statusCode,
    200,
    'If-Match: * matches any existing asset',
  );
});

t.test('If-Match says nothing about resources the caller may not see', async (t) => {
  const assetId = await newAsset('Private');
  const random = await call(
    'PATCH',
    `/v1/assets/${randomUUID()}`,
    neighbour.accessToken,
    { 'if-match': '"x"' },
    {
      name: 'x',
    },
  );
  for (const [who, token] of [
    ['a user of the same tenant', neighbour.accessToken],
    ["another tenant's user", stranger.accessToken],
  ] as const) {
    for (const ifMatch of ['"x"', '*']) {
      const res = await call('PATCH', `/v1/assets/${assetId}`, token, { 'if-match': ifMatch }, { name: 'x' });
      t.equal(res.statusCode, random.statusCode, `${who}, If-Match ${ifMatch}: a random id's status`);
      t.equal(res.json().code, random.json().code, `${who}: a random id's code`);
    }
    const del = await call('DELETE', `/v1/personas/${owner.personaId}/x/y`, token, { 'if-match': '*' });
    t.not(del.statusCode, 412, 'never 412');
  }
  t.equal((await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).json().name, 'Private', 'unchanged');
});

t.test('two concurrent PATCHes with the same If-Match: exactly one wins, the other 412', async (t) => {
  for (let round = 0; round < 5; round++) {
    const assetId = await newAsset(`Race ${round}`);
    const etag = (await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).headers.etag as string;
    const answers = await Promise.all(
      ['left', 'right'].map((side) =>
        call('PATCH', `/v1/assets/${assetId}`, owner.accessToken, { 'if-match': etag }, { name: `${side} ${round}` }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    t.same(statuses, [200, 412], `round ${round}: one 200, one 412`);
    const winner = answers.find((a) => a.statusCode === 200)!.json().name;
    t.equal((await call('GET', `/v1/assets/${assetId}`, owner.accessToken)).json().name, winner, 'the winner stands');
  }
  // The same for a persona.
  const personaUrl = `/v1/personas/${owner.personaId}`;
  const etag = (await call('GET', personaUrl, owner.accessToken)).headers.etag as string;
  const answers = await Promise.all(
    ['Left', 'Right'].map((name) =>
      call('PATCH', personaUrl, owner.accessToken, { 'if-match': etag }, { preferredName: name }),
    ),
  );
  t.same(answers.map((a) => a.statusCode).sort(), [200, 412], 'persona: one 200, one 412');
  const stale = await call('PATCH', personaUrl, owner.accessToken, { 'if-match': etag }, { preferredName: 'Late' });
  t.equal(stale.json().code, 'precondition_failed', 'persona: a stale If-Match is 412');
});

t.test('circles and memberships: ETag, If-Match, 412 on stale with nothing changed', async (t) => {
  await activatePlan(db.api, home.tenantId, owner.sub, 'family');
  const created = await call('POST', '/v1/ffcs', owner.accessToken, {}, { name: 'Etag circle' });
  const ffcId = created.json().ffcId as string;
  const url = `/v1/ffcs/${ffcId}`;
  const first = await call('GET', url, owner.accessToken);
  const etag = first.headers.etag as string;
  t.match(etag, /^W\//, 'a circle has an ETag');
  t.equal((await call('GET', url, owner.accessToken, { 'if-none-match': etag })).statusCode, 304, '304 while current');
  t.equal((await call('PATCH', url, owner.accessToken, { 'if-match': etag }, { name: 'Renamed' })).statusCode, 200);
  const stale = await call('PATCH', url, owner.accessToken, { 'if-match': etag }, { name: 'Lost' });
  t.same([stale.statusCode, stale.json().code], [412, 'precondition_failed'], 'a stale rename: 412');
  t.equal((await call('DELETE', url, owner.accessToken, { 'if-match': etag })).statusCode, 412, 'a stale delete: 412');
  t.equal((await call('GET', url, owner.accessToken)).json().name, 'Renamed', 'nothing changed');

  // A member, invited and accepted; the member's own URL carries the membership's ETag.
  const invite = await call(
    'POST',
    `${url}/invitations`,
    owner.accessToken,
    {},
    { email: neighbour.email, role: 'member' },
  );
  const accepted = await call(
    'POST',
    '/v1/ffc-invitations/accept',
    neighbour.accessToken,
    {},
    { token: invite.json().token },
  );
  t.ok(accepted.statusCode < 300, 'the neighbour joins');
  const memberUrl = `${url}/members/${neighbour.personaId}`;
  const member = await call('GET', memberUrl, owner.accessToken);
  t.match(member.json(), { ffcId, personaId: neighbour.personaId, role: 'member' });
  const memberTag = member.headers.etag as string;
  t.match(memberTag, /^W\//, 'a membership has an ETag');
  t.equal(
    (await call('PATCH', memberUrl, owner.accessToken, { 'if-match': memberTag }, { role: 'admin' })).statusCode,
    200,
    'the current ETag: the role changes',
  );
  const staleRole = await call('PATCH', memberUrl, owner.accessToken, { 'if-match': memberTag }, { role: 'viewer' });
  t.same([staleRole.statusCode, staleRole.json().code], [412, 'precondition_failed'], 'a stale role change: 412');
  t.equal(
    (await call('DELETE', memberUrl, owner.accessToken, { 'if-match': memberTag })).statusCode,
    412,
    'a stale removal: 412',
  );
  t.equal((await call('GET', memberUrl, owner.accessToken)).json().role, 'admin', 'still an admin, still a member');

  // Two owners' concurrent edits with one ETag: exactly one wins.
  const roleTag = (await call('GET', memberUrl, owner.accessToken)).headers.etag as string;
  const roles = await Promise.all(
    ['viewer', 'member'].map((role) => call('PATCH', memberUrl, owner.accessToken, { 'if-match': roleTag }, { role })),
  );
  t.same(roles.map((r) => r.statusCode).sort(), [200, 412], 'membership: one 200, one 412');
  const winner = roles.find((r) => r.statusCode === 200)!.json().role;
  t.equal((await call('GET', memberUrl, owner.accessToken)).json().role, winner, 'the winner stands');
  const circleTag = (await call('GET', url, owner.accessToken)).headers.etag as string;
  const renames = await Promise.all(
    ['Left', 'Right'].map((name) => call('PATCH', url, owner.accessToken, { 'if-match': circleTag }, { name })),
  );
  t.same(renames.map((r) => r.statusCode).sort(), [200, 412], 'circle: one 200, one 412');
  const raced = await Promise.all([
    call('DELETE', url, owner.accessToken, { 'if-match': circleTag }),
    call(
      'PATCH',
      url,
      owner.accessToken,
      { 'if-match': (await call('GET', url, owner.accessToken)).headers.etag as string },
      { name: 'Last' },
    ),
  ]);
  t.equal(raced[0].statusCode, 412, 'a delete with a tag a rename already replaced: 412');
  t.equal(raced[1].statusCode, 200);

  // Outsiders get what a random id gets, whatever If-Match says; never 412.
  for (const [who, token] of [['a stranger of another tenant', stranger.accessToken]] as const) {
    for (const target of [url, memberUrl]) {
      const random = await call(
        'PATCH',
        target.replace(ffcId, randomUUID()),
        token,
        { 'if-match': '*' },
        target === url ? { name: 'x' } : { role: 'viewer' },
      );
      const res = await call(
        'PATCH',
        target,
        token,
        { 'if-match': '"x"' },
        target === url ? { name: 'x' } : { role: 'viewer' },
      );
      t.same([res.statusCode, res.json().code], [random.statusCode, random.json().code], `${who}: as a random id`);
      t.not(res.statusCode, 412);
    }
  }
  const current = (await call('GET', memberUrl, owner.accessToken)).headers.etag as string;
  t.equal(
    (await call('DELETE', memberUrl, owner.accessToken, { 'if-match': current })).statusCode,
    204,
    'the current ETag: removed',
  );
  t.equal((await call('GET', memberUrl, owner.accessToken)).json().code, 'member_not_found', 'no longer a member');
  const lastTag = (await call('GET', url, owner.accessToken)).headers.etag as string;
  t.equal((await call('DELETE', url, owner.accessToken, { 'if-match': lastTag })).statusCode, 204, 'deleted');
});

t.test('the published contract declares the headers', async (t) => {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  type Op = { parameters?: Array<{ in: string; name: string }>; responses: Record<string, { headers?: object }> };
  const headersOf = (op: Op) => (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
  const paths = doc.paths as Record<string, Record<string, Op>>;
  for (const [path, ops] of Object.entries(paths)) {
    if (ops.post && path.startsWith('/v1/') && !path.startsWith('/v1/webhooks') && !UNSTORED_ANSWER_ROUTES.has(path))
      t.ok(headersOf(ops.post).includes('idempotency-key'), `POST ${path} declares Idempotency-Key`);
  }
  t.notOk(headersOf(paths['/v1/webhooks/stripe']!.post!).includes('idempotency-key'), 'not the webhook');
  t.ok(paths['/v1/assets/{assetId}']!.get!.responses['200']!.headers, 'GET asset declares its ETag');
  t.ok(paths['/v1/assets/{assetId}']!.get!.responses['304'], 'and 304');
  t.ok(headersOf(paths['/v1/assets/{assetId}']!.patch!).includes('if-match'), 'PATCH asset declares If-Match');
  t.ok(paths['/v1/personas/{personaId}']!.patch!.responses['412'], 'and 412');
});
