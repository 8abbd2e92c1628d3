// Validation problems list every error at once (Ajv's allErrors), each naming the request's own
// field in the request's spelling (`body.details.modelYear`, `query.limit`), an unknown field by
// its name; at most MAX_VALIDATION_ERRORS of them.
import t from 'tap';
import { MAX_VALIDATION_ERRORS } from '../server/plugins/errors.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'valid');
const vera = await registerThroughApi(app, home, 'Vera', 'Valid');

const asset = {
  assetType: 'vehicle',
  categoryCode: 'car',
  name: 'Van',
  currency: 'USD',
  ownerPersonaId: vera.personaId,
  initialValue: '1000.00',
  valuedOn: '2026-01-15',
  details: { make: 'Ford', model: 'Transit', modelYear: 2020 },
};

t.test('three bad fields and an unknown one: four errors, each naming its field', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: { ...asset, name: '', currency: 'usd', initialValue: 1000, fooBar: 1 },
  });
  t.equal(res.statusCode, 400, res.body);
  t.equal(res.json().code, 'invalid_request');
  const errors = res.json().errors as Array<{ path: string; message: string }>;
  t.same(
    errors.map((error) => error.path).sort(),
    ['body.currency', 'body.fooBar', 'body.initialValue', 'body.name'],
    'all four, in the request spelling',
  );
  t.match(
    errors.find((error) => error.path === 'body.fooBar'),
    { message: 'unknown field fooBar' },
  );
  t.match(
    errors.find((error) => error.path === 'body.initialValue'),
    { message: /string/ },
  );
  const count = (await db.admin.query(`select count(*)::int as n from app.assets where name = 'Van'`)).rows[0].n;
  t.equal(count, 0, 'nothing stored');
});

t.test('a nested field, a missing field and a union are named once each', async (t) => {
  const { valuedOn, ...withoutDate } = asset;
  void valuedOn;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: { ...withoutDate, ownershipForm: 'shared', details: { make: 'Ford', model_year: 2020, extra: {} } },
  });
  t.equal(res.statusCode, 400, res.body);
  const errors = res.json().errors as Array<{ path: string; message: string }>;
  t.same(errors.map((error) => error.path).sort(), [
    'body.details.extra',
    'body.details.model_year',
    'body.ownershipForm',
    'body.valuedOn',
  ]);
  t.match(
    errors.find((error) => error.path === 'body.valuedOn'),
    { message: 'is required' },
  );
  t.match(
    errors.find((error) => error.path === 'body.ownershipForm'),
    { message: /must be one of "sole",/ },
  );
  t.match(
    errors.find((error) => error.path === 'body.details.model_year'),
    { message: /unknown field model_year/ },
  );
  t.match(
    errors.find((error) => error.path === 'body.details.extra'),
    { message: /must be string or/ },
  );
});

t.test('a query: query.limit, and the unknown parameter named', async (t) => {
  const res = await app.inject({
    method: 'GET',
    url: `/v1/personas/${vera.personaId}/assets?limit=0&offset=-1&as_of=2026-01-01`,
    headers: bearer(vera.accessToken),
  });
  t.equal(res.statusCode, 400, res.body);
  t.same((res.json().errors as Array<{ path: string }>).map((error) => error.path).sort(), [
    'query.as_of',
    'query.limit',
    'query.offset',
  ]);
});

t.test('the errors listed are capped', async (t) => {
  const unknown = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field${i}`, i]));
  const res = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: { ...asset, ...unknown },
  });
  t.equal(res.statusCode, 400);
  t.equal(res.json().errors.length, MAX_VALIDATION_ERRORS, `${MAX_VALIDATION_ERRORS} of 100`);
});
