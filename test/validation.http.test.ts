// Validation problems list every error at once (Ajv's allErrors), each naming the request's own
// field in the request's spelling (`body.details.modelYear`, `query.limit`), an unknown field by
// its name; at most MAX_VALIDATION_ERRORS of them.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import { MAX_VALIDATION_ERRORS } from '../server/plugins/errors.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { rejection, testDatabase } from './helpers/db.ts';

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
    'body.details.model',
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
    { message: 'unknown field extra' },
    "a field the vehicle type does not have, named by the vehicle's own schema",
  );
  t.match(
    errors.find((error) => error.path === 'body.details.model'),
    { message: 'is required' },
  );
});

t.test("details are validated against the asset type's own schema (POST), by the database (PATCH)", async (t) => {
  const post = (body: object) =>
    app.inject({ method: 'POST', url: '/v1/assets', headers: bearer(vera.accessToken), payload: body });
  const vehicleWithNotes = await post({ ...asset, details: { make: 'Ford', model: 'T', notes: 'a misc field' } });
  t.equal(vehicleWithNotes.statusCode, 400);
  t.match(vehicleWithNotes.json(), {
    code: 'invalid_details',
    errors: [{ path: 'body.details.notes', message: 'unknown field notes' }],
  });
  t.equal(vehicleWithNotes.json().errors.length, 1, "another type's field: one error, naming it");
  const miscWithMake = await post({ ...asset, assetType: 'misc', categoryCode: 'other', details: { make: 'Ford' } });
  t.match(miscWithMake.json(), { code: 'invalid_details', errors: [{ path: 'body.details.make' }] });
  const wrongEnum = await post({
    ...asset,
    assetType: 'bank_account',
    categoryCode: 'checking',
    details: { institutionName: 'B', accountKind: 'brokerage' },
  });
  t.match(wrongEnum.json(), { code: 'invalid_details', errors: [{ path: 'body.details.accountKind' }] });
  const noSuchType = await post({ ...asset, assetType: 'spaceship' });
  t.match(noSuchType.json(), {
    code: 'invalid_request',
    errors: [{ path: 'body.assetType', message: 'no such assetType: "spaceship"' }],
  });
  const noType = await post({ ...asset, assetType: undefined });
  t.match(noType.json(), { code: 'invalid_request', errors: [{ path: 'body.assetType', message: 'is required' }] });
  const misc = await post({ ...asset, assetType: 'misc', categoryCode: 'other', details: undefined, name: 'Misc' });
  t.equal(misc.statusCode, 201, `a type without required fields may leave details out: ${misc.body}`);
  const created = await post({ ...asset, name: 'Patched van' });
  t.equal(created.statusCode, 201);
  // PATCH names no type: the database checks the fields against the stored type, naming the field.
  const patched = await app.inject({
    method: 'PATCH',
    url: `/v1/assets/${created.json().assetId}`,
    headers: bearer(vera.accessToken),
    payload: { details: { notes: 'a misc field' } },
  });
  t.equal(patched.statusCode, 400);
  t.match(patched.json(), { code: 'invalid_details', detail: /notes/ });
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

// Numbers inside details: decimals are strings, as at the top level.
const crypto = (units: unknown) => ({
  ...asset,
  assetType: 'cryptocurrency',
  categoryCode: 'crypto_wallet',
  name: 'Coins',
  details: { symbol: 'BTC', units, custody: 'exchange' },
});

t.test('a decimal detail sent as a JSON number is refused, not rounded; its string is stored exactly', async (t) => {
  // 123456789.123456789012 as a number is not even what JSON.parse returns: refused by the schema.
  const rounded = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: { ...bearer(vera.accessToken), 'content-type': 'application/json' },
    payload: JSON.stringify(crypto('UNITS')).replace('"UNITS"', '123456789.123456789012'),
  });
  t.equal(rounded.statusCode, 400, rounded.body);
  t.match(rounded.json(), { code: 'invalid_details', errors: [{ path: 'body.details.units', message: /string/ }] });
  // A whole number for a decimal field: the cryptocurrency schema says units is a string.
  const whole = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: crypto(2),
  });
  t.equal(whole.statusCode, 400, whole.body);
  t.match(whole.json(), { code: 'invalid_details', errors: [{ path: 'body.details.units', message: /string/ }] });
  const stored = (await db.admin.query(`select count(*)::int as n from app.assets where name = 'Coins'`)).rows[0].n;
  t.equal(stored, 0, 'nothing stored');

  const exact = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: crypto('123456789.123456789012'),
  });
  t.equal(exact.statusCode, 201, exact.body);
  const read = await app.inject({
    method: 'GET',
    url: `/v1/assets/${exact.json().assetId}`,
    headers: bearer(vera.accessToken),
  });
  t.equal(read.json().details.units, '123456789.123456789012', 'stored and read back exactly');
});

t.test('an integer detail (modelYear) may still be a JSON number', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(vera.accessToken),
    payload: asset,
  });
  t.equal(res.statusCode, 201, res.body);
  const read = await app.inject({
    method: 'GET',
    url: `/v1/assets/${res.json().assetId}`,
    headers: bearer(vera.accessToken),
  });
  t.equal(read.json().details.modelYear, 2020);
});

t.test('the database refuses a number for a decimal detail to a caller without the schema', async (t) => {
  const call = (details: Record<string, unknown>) =>
    db.asUser(home.tenantId, vera.sub, (c) =>
      assets.createAsset.run(
        {
          ...crypto(null),
          details,
          ownershipPercentage: '100',
          ownershipForm: 'sole',
          valuationSource: 'manual',
        } as Parameters<typeof assets.createAsset.run>[0],
        c,
      ),
    );
  t.match(await rejection(call({ symbol: 'ETH', units: 1.5, custody: 'exchange' })), {
    sqlState: 'PT400',
    code: 'invalid_details',
    message: /details\.units must be a decimal string/,
  });
  const [made] = await call({ symbol: 'ETH', units: '1.5', custody: 'exchange' });
  t.ok(made.assetId, 'the string form is accepted');
  t.match(
    await rejection(
      db.asUser(home.tenantId, vera.sub, (c) =>
        assets.updateAsset.run({ assetId: made.assetId, name: null, description: null, details: { units: 2.5 } }, c),
      ),
    ),
    { code: 'invalid_details', message: /details\.units/ },
    'and on update',
  );
});
