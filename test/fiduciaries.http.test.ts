// Fiduciaries over HTTP with real tokens: Olive names her circle's Pat as executor and a successor
// after him; Pat sees the nomination and accepts it; Olive reorders, and Pat, resigning, hands the
// office to the next accepted one. Another tenant's user and Pat himself (on the appointer's side)
// are answered 404, a malformed body 400 with the field named, a guardian for an adult 422.
import t from 'tap';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const olive = await registerThroughApi(app, home, 'Olive', 'Fiduciary');
const pat = await registerThroughApi(app, home, 'Pat', 'Fiduciary');
const sid = await registerThroughApi(app, away, 'Sid', 'Fiduciary');
await activatePlan(db.api, home.tenantId, olive.sub, 'family');

const send = (who: { accessToken: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(who.accessToken), ...(payload ? { payload } : {}) });
const ok = async (who: { accessToken: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await send(who, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const { ffcId } = await ok(olive, 'POST', '/v1/ffcs', { name: 'Olive family' });
const invite = await ok(olive, 'POST', `/v1/ffcs/${ffcId}/invitations`, { email: pat.email, role: 'member' });
await ok(pat, 'POST', '/v1/ffc-invitations/accept', { token: invite.token });
const quinn = await ok(olive, 'POST', '/v1/personas', { firstName: 'Quinn', lastName: 'Fiduciary' });
const adult = await ok(olive, 'POST', '/v1/personas', {
  firstName: 'Ada',
  lastName: 'Fiduciary',
  dateOfBirth: '1995-06-01',
});
const base = `/v1/personas/${olive.personaId}/fiduciaries`;

t.test('a succession over HTTP: appoint, accept, reorder, resign', async (t) => {
  const patRes = await send(olive, 'POST', base, {
    role: 'executor',
    appointeePersonaId: pat.personaId,
    notes: 'will',
  });
  t.equal(patRes.statusCode, 201, patRes.body);
  const patAppt = patRes.json();
  t.match(patAppt, { role: 'executor', rank: 1, status: 'nominated', acting: false, notes: 'will' });
  const quinnAppt = await ok(olive, 'POST', base, { role: 'executor', appointeePersonaId: quinn.personaId });
  t.equal(quinnAppt.rank, 2);

  const mine = await ok(pat, 'GET', '/v1/fiduciary-appointments?status=nominated');
  t.match(mine.items, [{ appointmentId: patAppt.appointmentId, appointerName: 'Olive Fiduciary', notes: null }]);
  t.match(await ok(pat, 'POST', `/v1/fiduciary-appointments/${patAppt.appointmentId}/accept`), {
    status: 'accepted',
    acting: true,
  });

  const reordered = await ok(olive, 'PUT', `${base}/order`, {
    role: 'executor',
    appointmentIds: [quinnAppt.appointmentId, patAppt.appointmentId],
  });
  t.same(
    reordered.items.map((r: { rank: number; acting: boolean }) => [r.rank, r.acting]),
    [
      [1, false],
      [2, true],
    ],
    'Quinn is primary but has not accepted: Pat still acts',
  );
  const stale = await send(olive, 'PUT', `${base}/order`, {
    role: 'executor',
    appointmentIds: [patAppt.appointmentId],
  });
  t.equal(stale.statusCode, 409);
  t.equal(stale.json().code, 'fiduciary_order_stale');

  t.match(await ok(pat, 'POST', `/v1/fiduciary-appointments/${patAppt.appointmentId}/resign`), { status: 'resigned' });
  const listed = await ok(olive, 'GET', `${base}?role=executor&includeEnded=true`);
  t.same(
    listed.items.map((r: { appointeePersonaId: string; status: string; acting: boolean }) => [
      r.appointeePersonaId,
      r.status,
      r.acting,
    ]),
    [
      [quinn.personaId, 'nominated', false],
      [pat.personaId, 'resigned', false],
    ],
  );
});

t.test('the wrong side, another tenant and malformed input', async (t) => {
  const appt = await ok(olive, 'POST', base, { role: 'durable_poa_agent', appointeePersonaId: pat.personaId });
  for (const [who, method, url] of [
    [sid, 'GET', base],
    [pat, 'GET', base],
    [sid, 'POST', `/v1/fiduciary-appointments/${appt.appointmentId}/accept`],
    [olive, 'POST', `/v1/fiduciary-appointments/${appt.appointmentId}/accept`],
    [pat, 'POST', `/v1/fiduciary-appointments/${appt.appointmentId}/remove`],
  ] as const) {
    const res = await send(who, method, url);
    t.equal(res.statusCode, 404, `${method} ${url}`);
    t.notOk(res.body.includes('Olive'), 'nothing of Olive in the answer');
  }
  const bad = await send(olive, 'POST', base, { role: 'regent', appointeePersonaId: pat.personaId });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().code, 'invalid_request');
  const long = await send(olive, 'POST', base, {
    role: 'executor',
    appointeePersonaId: quinn.personaId,
    notes: 'x'.repeat(1001),
  });
  t.equal(long.statusCode, 400);
  t.match(long.json().errors, [{ path: 'body.notes' }]);
  const grown = await send(olive, 'POST', base, {
    role: 'guardian_of_minor',
    appointeePersonaId: pat.personaId,
    wardPersonaId: adult.personaId,
  });
  t.equal(grown.statusCode, 422, grown.body);
  t.equal(grown.json().code, 'fiduciary_ward_not_minor');
});
