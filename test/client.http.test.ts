// The typed client (@estate-vault/client, generated from openapi/openapi.json) against the API on
// a real port: it signs in with a real token, registers, reads /v1/me, creates an asset and reads
// it back, and gets problems typed. tsc checks the calls against the committed contract, so a
// route whose schema changes without `npm run openapi` breaks this file's types or its answers.
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { createEstateVaultClient, type Problem } from '../clients/typescript/index.ts';
import { makePoolTenant, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
await app.listen({ host: '127.0.0.1', port: 0 });
const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const tenant = await makePoolTenant(db, 'client');

t.test('a partner app signs in, registers, creates an asset and reads it back through the client', async (t) => {
  const user = await tenant.signUp();
  let token: string | null = user.accessToken;
  const api = createEstateVaultClient({ baseUrl, accessToken: () => token });

  const registered = await api.POST('/v1/registrations', {
    body: { idToken: user.idToken, firstName: 'Clara', lastName: 'Client' },
  });
  t.equal(registered.response.status, 201, 'registered');
  const personaId = registered.data!.personaId;

  const me = await api.GET('/v1/me');
  t.equal(me.response.status, 200);
  t.equal(me.data?.email, user.email, '/v1/me is the signed-in user');
  t.equal(me.data?.personaId, personaId, 'with the persona the registration created');

  const created = await api.POST('/v1/assets', {
    body: {
      assetType: 'bank_account',
      categoryCode: 'checking',
      name: 'Client checking',
      currency: 'EUR',
      ownerPersonaId: personaId,
      initialValue: '2500.50',
      valuedOn: '2026-01-31',
      identifier: 'DE89 3704 0044',
      details: { institutionName: 'Client Bank', accountKind: 'checking' },
    },
  });
  t.equal(created.response.status, 201, JSON.stringify(created.error));
  t.equal(created.response.headers.get('location'), `/v1/assets/${created.data!.assetId}`);

  const read = await api.GET('/v1/assets/{assetId}', { params: { path: { assetId: created.data!.assetId } } });
  t.equal(read.response.status, 200);
  t.match(
    read.data,
    {
      name: 'Client checking',
      currentValue: '2500.50',
      currentValueCurrency: 'EUR',
      identifierMasked: '****0044',
      details: { institutionName: 'Client Bank', accountKind: 'checking' },
      ownerships: [{ personaId, percentage: '100.0000', form: 'sole' }],
    },
    'the asset reads back as created, money exact and the identifier masked',
  );

  const missing = await api.GET('/v1/assets/{assetId}', {
    params: { path: { assetId: '00000000-0000-4000-8000-000000000000' } },
  });
  t.equal(missing.response.status, 404);
  t.match(missing.response.headers.get('content-type'), /^application\/problem\+json/);
  const problem: Problem | undefined = missing.error;
  t.equal(problem?.status, 404, 'the error is the typed problem document');
  t.type(problem?.code, 'string');

  const invalid = await api.POST('/v1/assets/{assetId}/valuations', {
    params: { path: { assetId: created.data!.assetId } },
    // @ts-expect-error money is a decimal string: the client's types refuse a number, as the API does
    body: { amount: 12.5, valuedOn: '2026-02-01' },
  });
  t.equal(invalid.response.status, 400, 'a number for money is refused');
  t.equal(invalid.error?.code, 'invalid_request');

  token = null;
  const anonymous = await api.GET('/v1/me');
  t.equal(anonymous.response.status, 401, 'without a token the middleware sends none and the API refuses');
});
