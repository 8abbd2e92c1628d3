// Acting for a person, at the database (procedures/acting_for.sql): the settings a procedure writes
// once it accepted a request acting for someone are not a key by themselves. A login that writes
// them itself (as a compromised or buggy API could) reaches nobody it has no basis for; a request
// that names someone reaches only the procedures that accept it; and a basis that ends inside a
// request's transaction ends the reach of its next statement.
import t from 'tap';
import type pg from 'pg';
import * as assets from '../generated/assets.queries.ts';
import * as ea from '../generated/emergency_access.queries.ts';
import { calculateNetWorth } from '../generated/net_worth.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'acting-db');
const ada = await makeUser(db, tenant, 'Ada');
const ben = await makeUser(db, tenant, 'Ben');

await db.as(ada, (c) =>
  assets.createAsset.run(
    {
      assetType: 'misc',
      categoryCode: 'other',
      name: 'Ada cabin',
      currency: 'USD',
      ownerPersonaId: ada.personaId,
      initialValue: '250000.00',
      valuedOn: '2026-01-15',
      details: {},
      ownershipPercentage: '100',
      ownershipForm: 'sole',
      valuationSource: 'manual',
      description: null,
      identifierCiphertext: null,
      identifierLast4: null,
    },
    c,
  ),
);

/** Ben's transaction with extra settings written before the call, as the API login may. */
const asBenWith = <T>(settings: Record<string, string>, fn: (c: pg.PoolClient) => Promise<T>, actingFor?: string) =>
  db.withContext(
    { tenantId: tenant, actorKind: 'user', actorId: ben.sub, requestId: 'forged', actingFor },
    async (c) => {
      for (const [name, value] of Object.entries(settings))
        await c.query('select set_config($1, $2, true)', [name, value]);
      return fn(c);
    },
  );
const netWorthOf = (who: TestUser) => (c: pg.PoolClient) =>
  calculateNetWorth.run({ personaId: who.personaId as string, asOf: '2026-11-30', currency: 'USD' }, c);

t.test('forged settings open nothing without a basis', async (t) => {
  const forged = { 'app.acting_for_user': ben.userId as string, 'app.acting_for_persona': ada.personaId as string };
  t.match(await rejection(asBenWith(forged, netWorthOf(ada))), { code: 'persona_not_found' }, 'without Acting-For');
  t.match(
    await rejection(
      asBenWith({ ...forged, 'app.acting_for_procedure': 'api.sp_calculate_net_worth' }, netWorthOf(ada)),
    ),
    { code: 'persona_not_found' },
    'with the acceptance forged too',
  );
  t.match(
    await rejection(asBenWith({}, netWorthOf(ada), ada.personaId as string)),
    { code: 'persona_not_found' },
    'named in the request, without a grant',
  );
  const acts = await db.admin.query(`select count(*)::int as n from audit.audit_log where operation = 'ACT'`);
  t.equal(acts.rows[0].n, 0, 'nothing recorded');
});

t.test('a basis that ends mid-transaction ends the reach of the next statement', async (t) => {
  const [grant] = await db.as(ada, (c) =>
    ea.createEmergencyAccess.run(
      { granteeUserId: ben.userId ?? null, granteeEmail: null, scope: 'act_for', waitDays: 1 },
      c,
    ),
  );
  await db.as(ben, (c) => ea.acceptEmergencyAccess.run({ grantId: grant.grantId }, c));
  await db.as(ada, (c) => ea.confirmEmergencyAccess.run({ grantId: grant.grantId }, c));
  await db.as(ben, (c) => ea.requestEmergencyAccess.run({ grantId: grant.grantId }, c));
  await db.as(ada, (c) => ea.approveEmergencyAccess.run({ grantId: grant.grantId }, c));
  const [worth] = await asBenWith({}, netWorthOf(ada), ada.personaId as string);
  t.equal(worth.netWorth, '250000.00', 'approved: Ben reads her net worth acting for her');
  // In one transaction: accepted, then the grant is revoked (committed by another session, as a
  // concurrent revocation would be), then the same call again.
  const second = await asBenWith(
    {},
    async (c) => {
      await netWorthOf(ada)(c);
      await db.admin.query(
        `update app.emergency_access_grants set state = 'revoked', revoked_at = now(), revoked_by = 'grantor' where id = $1`,
        [grant.grantId],
      );
      return rejection(netWorthOf(ada)(c));
    },
    ada.personaId as string,
  );
  t.match(second, { code: 'persona_not_found' }, 'the revoked grant no longer opens her persona');
});
