// GDPR through the API: consents given and withdrawn; an export's archive parses into its files
// with the user's own account number opened; an erasure ends the person's sign-in and leaves
// nothing support finds by email or name; another user's, another tenant's and a made-up request
// id are refused alike; support lists and reads requests with the requester masked.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const home = await makePoolTenant(db, 'gdpr-home');
const away = await makePoolTenant(db, 'gdpr-away');
const app = await testApp(t, db);
const staff = await (await makeStaffPool(db, 'gdpr-staff')).addStaff();

const ann = await registerThroughApi(app, home, 'Annabel', 'Lee');
const bob = await registerThroughApi(app, home, 'Bob', 'Ray');
const otto = await registerThroughApi(app, away, 'Otto', 'Fay');

const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

t.test('consents: given, withdrawn, listed with the current state; malformed ones refused', async (t) => {
  const given = await call(ann.accessToken, 'POST', '/v1/me/consents', {
    purpose: 'product_analytics',
    version: '2026-01',
    decision: 'given',
  });
  t.equal(given.statusCode, 201);
  t.match(given.json(), { purpose: 'product_analytics', decision: 'given', isCurrent: true });
  const withdrawn = await call(ann.accessToken, 'POST', '/v1/me/consents', {
    purpose: 'product_analytics',
    version: '2026-01',
    decision: 'withdrawn',
  });
  t.equal(withdrawn.statusCode, 201);
  const again = await call(ann.accessToken, 'POST', '/v1/me/consents', {
    purpose: 'product_analytics',
    version: '2026-01',
    decision: 'withdrawn',
  });
  t.equal(again.statusCode, 409);
  t.equal(again.json().code, 'consent_not_given');
  const list = (await call(ann.accessToken, 'GET', '/v1/me/consents?limit=10')).json();
  t.equal(list.total, 2);
  t.same(
    list.items.map((c: { decision: string; isCurrent: boolean }) => [c.decision, c.isCurrent]),
    [
      ['withdrawn', true],
      ['given', false],
    ],
  );
  const bad = await call(ann.accessToken, 'POST', '/v1/me/consents', {
    purpose: 'spam',
    version: '1',
    decision: 'given',
  });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().code, 'invalid_request');
  t.equal((await call(bob.accessToken, 'GET', '/v1/me/consents')).json().total, 0, "Bob sees none of Ann's");
});

t.test('an export round-trips: a JSON archive of files with her own data, account number opened', async (t) => {
  const asset = await call(ann.accessToken, 'POST', '/v1/assets', {
    assetType: 'bank_account',
    categoryCode: 'checking',
    name: 'Annabel checking',
    currency: 'USD',
    ownerPersonaId: ann.personaId,
    initialValue: '1000.00',
    valuedOn: '2026-01-31',
    identifier: '9876-5432-1098',
    details: { institutionName: 'First Bank', accountKind: 'checking' },
  });
  t.equal(asset.statusCode, 201, asset.body);
  const created = await call(ann.accessToken, 'POST', '/v1/me/data-requests', { kind: 'export' });
  t.equal(created.statusCode, 201, created.body);
  const request = created.json();
  t.match(request, { kind: 'export', status: 'completed' });
  t.equal(created.headers.location, `/v1/me/data-requests/${request.requestId}`);
  t.equal(Date.parse(request.dueAt) - Date.parse(request.receivedAt), 30 * 86_400_000, 'due in 30 days');

  const archive = await call(ann.accessToken, 'GET', `/v1/me/data-requests/${request.requestId}/archive`);
  t.equal(archive.statusCode, 200, archive.body);
  t.match(archive.headers['content-disposition'], /^attachment; filename="estate-vault-export-.*\.json"$/);
  const parsed = JSON.parse(archive.body) as { requestId: string; files: Record<string, unknown> };
  t.equal(parsed.requestId, request.requestId);
  t.ok(Object.keys(parsed.files).length >= 13, 'one file per domain');
  t.match(parsed.files['identity.json'], { email: ann.email });
  t.match(parsed.files['personas.json'], {
    own: [{ personaId: ann.personaId, firstName: 'Annabel', lastName: 'Lee' }],
  });
  const [exported] = parsed.files['assets.json'] as Array<Record<string, unknown>>;
  t.match(exported, { name: 'Annabel checking', identifier: '9876-5432-1098', identifierLast4: '1098' });
  t.notOk('identifierSealed' in exported, 'the ciphertext itself stays inside');
  t.match(parsed.files['valuations.json'], [{ amount: '1000.00', currency: 'USD' }]);

  const detail = (await call(ann.accessToken, 'GET', `/v1/me/data-requests/${request.requestId}`)).json();
  t.same(
    detail.events.map((e: { toStatus: string }) => e.toStatus),
    ['received', 'in_progress', 'completed', 'completed'],
    'received, carried out, completed, downloaded',
  );
  const listed = (await call(ann.accessToken, 'GET', '/v1/me/data-requests')).json();
  t.match(listed, { total: 1, items: [{ requestId: request.requestId, status: 'completed' }] });

  // Another user's, another tenant's and a made-up id: the same 404; a malformed one: 400.
  const answers = [];
  for (const [token, id] of [
    [bob.accessToken, request.requestId],
    [otto.accessToken, request.requestId],
    [ann.accessToken, randomUUID()],
  ])
    for (const suffix of ['', '/archive']) {
      const res = await call(token, 'GET', `/v1/me/data-requests/${id}${suffix}`);
      answers.push([res.statusCode, res.json().code]);
    }
  t.same(new Set(answers.map((a) => a.join(' '))), new Set(['404 data_request_not_found']));
  t.equal((await call(ann.accessToken, 'GET', '/v1/me/data-requests/not-a-uuid')).statusCode, 400);
  const badKind = await call(ann.accessToken, 'POST', '/v1/me/data-requests', { kind: 'rectify' });
  t.equal(badKind.statusCode, 400);
});

t.test('an erasure ends the sign-in and leaves nothing support finds by email or name', async (t) => {
  const cleo = await registerThroughApi(app, home, 'Cleopatra', 'Zed');
  t.equal(
    (await call(cleo.accessToken, 'POST', `/v1/personas/${cleo.personaId}/phones`, { phoneNumber: '+15555550142' }))
      .statusCode,
    201,
  );
  const erased = await call(cleo.accessToken, 'POST', '/v1/me/data-requests', { kind: 'erasure' });
  t.equal(erased.statusCode, 201, erased.body);
  t.match(erased.json(), { kind: 'erasure', status: 'completed', outcome: { phones: 1, personas: 1 } });
  const after = await call(cleo.accessToken, 'GET', '/v1/me');
  t.equal(after.statusCode, 403);
  t.equal(after.json().code, 'user_not_registered', 'her token finds no user any more');

  for (const q of [cleo.email, 'Cleopatra', 'Zed', cleo.sub]) {
    const found = await app.inject({
      method: 'GET',
      url: `/support/v1/tenants/${home.tenantId}/users?q=${encodeURIComponent(q)}`,
      headers: bearer(staff.accessToken),
    });
    t.equal(found.statusCode, 200);
    t.same(found.json().items, [], `support's search for "${q}" finds no one`);
  }
  const requests = await app.inject({
    method: 'GET',
    url: `/support/v1/tenants/${home.tenantId}/data-requests?kind=erasure`,
    headers: bearer(staff.accessToken),
  });
  t.equal(requests.statusCode, 200, requests.body);
  const [row] = requests.json().items;
  t.match(row, { requestId: erased.json().requestId, status: 'completed', overdue: false, emailMasked: /^e\*\*\*@/ });
  const one = await app.inject({
    method: 'GET',
    url: `/support/v1/tenants/${home.tenantId}/data-requests/${row.requestId}`,
    headers: bearer(staff.accessToken),
  });
  t.equal(one.statusCode, 200);
  t.match(one.json(), { outcome: { phones: 1 }, events: [{ toStatus: 'received' }, {}, { toStatus: 'completed' }] });
  const elsewhere = await app.inject({
    method: 'GET',
    url: `/support/v1/tenants/${away.tenantId}/data-requests/${row.requestId}`,
    headers: bearer(staff.accessToken),
  });
  t.equal(elsewhere.statusCode, 404);
  t.equal(elsewhere.json().code, 'data_request_not_found');
  const tenantToken = await app.inject({
    method: 'GET',
    url: `/support/v1/tenants/${home.tenantId}/data-requests`,
    headers: bearer(ann.accessToken),
  });
  t.equal(tenantToken.statusCode, 401, "a tenant's token never reaches the support door");
});

t.test('an erasure sent with an Idempotency-Key answers its retry with the first answer', async (t) => {
  const dora = await registerThroughApi(app, home, 'Dorothea', 'Quill');
  const send = () =>
    app.inject({
      method: 'POST',
      url: '/v1/me/data-requests',
      headers: { ...bearer(dora.accessToken), 'idempotency-key': 'erase-me-once' },
      payload: { kind: 'erasure' },
    });
  const first = await send();
  t.equal(first.statusCode, 201, first.body);
  t.equal(first.json().status, 'completed');
  const retry = await send();
  t.equal(retry.statusCode, 201, retry.body);
  t.equal(retry.headers['idempotency-replayed'], 'true', 'the retry is the stored answer');
  t.equal(retry.json().requestId, first.json().requestId, 'nothing is erased twice');
  t.notOk(retry.body.includes(dora.email), 'the stored answer holds no personal data');
});
