// Fiduciaries at the procedures: a ranked succession per (appointer, role, ward) whose acting
// fiduciary is the first accepted one; the appointee's acceptance, declination and resignation and
// the appointer's removal and reorder, each with its outbox event (no PII); racing writers on one
// succession; guardians of minors; trusts appointing their trustees; and every refusal an attacker
// meets (another tenant, another user of the tenant, a removed circle member, a random id,
// malformed input), each leaving nothing behind.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import * as estate from '../generated/estate.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as fid from '../generated/fiduciaries.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'fiduciaries');
const otherTenant = await makeTenant(db, 'elsewhere');
const { as } = db;
const alice = await makeUser(db, tenant, 'Alice', 'advisor');
const bob = await makeUser(db, tenant, 'Bob');
const carol = await makeUser(db, tenant, 'Carol');
const dan = await makeUser(db, tenant, 'Dan');
const eve = await makeUser(db, tenant, 'Eve');
const mallory = await makeUser(db, otherTenant, 'Mallory');

// Alice's circle holds Bob, Carol, Dan and Eve: she may name each of them.
const [circle] = await as(alice, (c) => ffc.createFfc.run({ name: 'Alice family' }, c));
for (const who of [bob, carol, dan, eve]) {
  const [invite] = await as(alice, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: who.email, role: 'member', validHours: 1 }, c),
  );
  await as(who, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
}

const persona = async (owner: TestUser, firstName: string, dateOfBirth: string | null) =>
  (
    await as(owner, (c) =>
      identity.createPersona.run(
        {
          firstName,
          lastName: 'Tester',
          middleName: null,
          preferredName: null,
          dateOfBirth,
          livingStatus: null,
          dateOfDeath: null,
        },
        c,
      ),
    )
  )[0].personaId;
const minor = await persona(alice, 'Kid', `${new Date().getUTCFullYear() - 8}-03-01`);
const grown = await persona(alice, 'Grown', '1990-03-01');
const undated = await persona(alice, 'Undated', null);

interface Appoint {
  personaId?: string | null;
  entityId?: string | null;
  role: string;
  appointeePersonaId: string;
  wardPersonaId?: string | null;
  rank?: number | null;
  documentId?: string | null;
  notes?: string | null;
}
const appoint = (who: TestUser, p: Appoint) =>
  as(who, (c) =>
    fid.appointFiduciary.run(
      { personaId: null, entityId: null, wardPersonaId: null, rank: null, documentId: null, notes: null, ...p },
      c,
    ),
  ).then((rows) => rows[0]);
const list = (
  who: TestUser,
  personaId: string | null,
  role: string | null = null,
  includeEnded = false,
  entityId = null as string | null,
) =>
  as(who, (c) =>
    fid.listFiduciaryAppointments.run({ personaId, entityId, role, includeEnded, limit: 100, offset: 0 }, c),
  );
const mine = (who: TestUser, status: string | null = null) =>
  as(who, (c) => fid.listMyFiduciaryAppointments.run({ status, limit: 100, offset: 0 }, c));
const steps = {
  accept: fid.acceptFiduciaryAppointment,
  decline: fid.declineFiduciaryAppointment,
  resign: fid.resignFiduciaryAppointment,
  remove: fid.removeFiduciaryAppointment,
};
type Step = keyof typeof steps;
const step = (who: TestUser, name: Step, appointmentId: string) =>
  as(who, (c) => steps[name].run({ appointmentId }, c)).then((rows) => rows[0]);
const reorder = (
  who: TestUser,
  personaId: string | null,
  role: string,
  appointmentIds: string[],
  wardPersonaId: string | null = null,
  entityId: string | null = null,
) =>
  as(who, (c) => fid.reorderFiduciaryAppointments.run({ personaId, entityId, role, wardPersonaId, appointmentIds }, c));
const events = async (aggregateId: string) =>
  (
    await db.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
      'select event_type, payload from app.outbox_events where aggregate_id = $1 order by seq',
      [aggregateId],
    )
  ).rows;
const allEvents = async () =>
  (
    await db.admin.query<{ n: number }>(
      `select count(*)::int as n from app.outbox_events where event_type like 'fiduciary.%'`,
    )
  ).rows[0].n;
/** The rows of the table, to show that a refusal changed nothing. */
const table = async () =>
  JSON.stringify((await db.admin.query('select * from app.fiduciary_appointments order by id')).rows);
/** app.acting_fiduciary_id, the query later work builds on, in the tenant's context. */
async function actingId(appointerId: string, role: string, wardPersonaId: string | null = null) {
  const client = await db.admin.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('app.tenant_id', $1, true)", [tenant]);
    const { rows } = await client.query<{ id: string | null }>('select app.acting_fiduciary_id($1, $2, $3) as id', [
      appointerId,
      role,
      wardPersonaId,
    ]);
    return rows[0].id;
  } finally {
    await client.query('rollback');
    client.release();
  }
}
const order = (rows: Array<{ appointeePersonaId: string; rank: number; status: string; acting: boolean }>) =>
  rows.map((r) => [r.appointeePersonaId, r.rank, r.status, r.acting]);

t.test(
  'a succession: the first accepted in rank order acts; declines and resignations move successors up',
  async (t) => {
    const first = await appoint(alice, {
      personaId: alice.personaId,
      role: 'executor',
      appointeePersonaId: bob.personaId,
      notes: '  named in the 2024 will  ',
    });
    t.match(
      await rejection(
        appoint(alice, {
          personaId: alice.personaId,
          role: 'durable_poa_agent',
          appointeePersonaId: bob.personaId,
          documentId: randomUUID(),
        }),
      ),
      { code: 'document_not_found' },
      'the appointing document is a vault document the appointer may read',
    );
    t.match(first, {
      appointerKind: 'persona',
      appointerPersonaId: alice.personaId,
      appointerName: 'Alice Tester',
      role: 'executor',
      appointeeName: 'Bob Tester',
      rank: 1,
      status: 'nominated',
      acting: false,
      notes: 'named in the 2024 will',
    });
    const second = await appoint(alice, {
      personaId: alice.personaId,
      role: 'executor',
      appointeePersonaId: carol.personaId,
    });
    const third = await appoint(alice, {
      personaId: alice.personaId,
      role: 'executor',
      appointeePersonaId: dan.personaId,
    });
    t.same(order(await list(alice, alice.personaId, 'executor')), [
      [bob.personaId, 1, 'nominated', false],
      [carol.personaId, 2, 'nominated', false],
      [dan.personaId, 3, 'nominated', false],
    ]);

    // Carol accepts first: she acts, though Bob ranks above her, until Bob accepts.
    t.match(await step(carol, 'accept', second.appointmentId), { status: 'accepted', acting: true, notes: null });
    t.match(await step(bob, 'accept', first.appointmentId), { status: 'accepted', acting: true });
    t.same(order(await list(alice, alice.personaId, 'executor')), [
      [bob.personaId, 1, 'accepted', true],
      [carol.personaId, 2, 'accepted', false],
      [dan.personaId, 3, 'nominated', false],
    ]);
    // Dan declines; Bob resigns: Carol is primary and acts.
    t.match(await step(dan, 'decline', third.appointmentId), { status: 'declined', rank: 3 });
    t.match(await step(bob, 'resign', first.appointmentId), { status: 'resigned', acting: false });
    t.same(order(await list(alice, alice.personaId, 'executor')), [[carol.personaId, 1, 'accepted', true]]);
    t.same(
      order(await list(alice, alice.personaId, 'executor', true)),
      [
        [carol.personaId, 1, 'accepted', true],
        [bob.personaId, 1, 'resigned', false],
        [dan.personaId, 3, 'declined', false],
      ],
      'ended appointments are listed after the live ones on request, with the rank they last held',
    );
    t.match(await rejection(step(bob, 'accept', first.appointmentId)), {
      sqlState: 'PT409',
      code: 'fiduciary_wrong_status',
    });
    t.match(await rejection(step(dan, 'resign', third.appointmentId)), { code: 'fiduciary_wrong_status' });

    t.same(
      (await events(first.appointmentId)).map((e) => [e.event_type, e.payload.previousStatus, e.payload.by]),
      [
        ['fiduciary.appointed', null, 'appointer'],
        ['fiduciary.accepted', 'nominated', 'appointee'],
        ['fiduciary.resigned', 'accepted', 'appointee'],
      ],
    );
    t.same(
      (await events(second.appointmentId)).map((e) => [e.event_type, e.payload.actingAppointmentId]),
      [
        ['fiduciary.appointed', null],
        ['fiduciary.accepted', second.appointmentId],
      ],
      'each event names the acting appointment after it',
    );
    t.equal((await events(first.appointmentId)).at(-1)?.payload.actingAppointmentId, second.appointmentId);
    const payload = (await events(first.appointmentId))[0].payload;
    t.same(Object.keys(payload).sort(), [
      'actingAppointmentId',
      'appointeePersonaId',
      'appointerEntityId',
      'appointerPersonaId',
      'appointmentId',
      'by',
      'previousStatus',
      'rank',
      'role',
      'status',
      'wardPersonaId',
    ]);
    t.notOk(JSON.stringify(await events(first.appointmentId)).match(/alice|bob|tester|will|example\.com/i), 'no PII');

    // The appointees see their own appointments, without the appointer's notes.
    t.match(await mine(bob), [
      { appointmentId: first.appointmentId, status: 'resigned', notes: null, appointerName: 'Alice Tester' },
    ]);
    t.same(await mine(bob, 'accepted'), []);
    t.match(await rejection(mine(bob, 'acting')), { sqlState: 'PT400', code: 'invalid_fiduciary_status' });
    t.equal(
      await actingId(alice.personaId, 'executor'),
      second.appointmentId,
      "the later work's query: the acting executor of Alice",
    );
    t.equal(await actingId(alice.personaId, 'trustee'), null, 'nobody acts in a role without appointments');
  },
);

t.test('inserting at a rank moves the later ones down; the appointer reorders the whole succession', async (t) => {
  const agent = (p: TestUser, rank: number | null = null) =>
    appoint(alice, { personaId: alice.personaId, role: 'durable_poa_agent', appointeePersonaId: p.personaId, rank });
  const b = await agent(bob);
  const c = await agent(carol);
  const d = await agent(dan, 1);
  t.equal(d.rank, 1, 'inserted as the primary');
  t.same(
    (await list(alice, alice.personaId, 'durable_poa_agent')).map((r) => r.appointmentId),
    [d.appointmentId, b.appointmentId, c.appointmentId],
  );
  t.same(await rejection(agent(eve, 5)), {
    sqlState: 'PT400',
    code: 'invalid_fiduciary_rank',
    message: 'rank must be 1 to 4: after the last, or before one of them',
  });
  t.match(await rejection(agent(eve, 0)), { code: 'invalid_fiduciary_rank' });
  t.match(await rejection(agent(bob)), { sqlState: 'PT409', code: 'fiduciary_already_appointed' });

  const reordered = await reorder(alice, alice.personaId, 'durable_poa_agent', [
    c.appointmentId,
    d.appointmentId,
    b.appointmentId,
  ]);
  t.same(
    reordered.map((r) => [r.appointmentId, r.rank]),
    [
      [c.appointmentId, 1],
      [d.appointmentId, 2],
      [b.appointmentId, 3],
    ],
  );
  const [reorderEvent] = await events(alice.personaId);
  t.match(reorderEvent, {
    event_type: 'fiduciary.reordered',
    payload: { role: 'durable_poa_agent', appointmentIds: [c.appointmentId, d.appointmentId, b.appointmentId] },
  });

  const before = await table();
  const stale = { sqlState: 'PT409', code: 'fiduciary_order_stale' };
  t.match(
    await rejection(reorder(alice, alice.personaId, 'durable_poa_agent', [c.appointmentId, d.appointmentId])),
    stale,
    'one missing',
  );
  t.match(
    await rejection(
      reorder(alice, alice.personaId, 'durable_poa_agent', [
        c.appointmentId,
        d.appointmentId,
        b.appointmentId,
        randomUUID(),
      ]),
    ),
    stale,
    'a random one added',
  );
  t.match(
    await rejection(reorder(alice, alice.personaId, 'executor', [c.appointmentId, d.appointmentId, b.appointmentId])),
    stale,
    "another role's succession",
  );
  t.match(
    await rejection(
      reorder(alice, alice.personaId, 'durable_poa_agent', [c.appointmentId, c.appointmentId, b.appointmentId]),
    ),
    { sqlState: 'PT400', code: 'invalid_fiduciary_order' },
  );
  t.match(await rejection(reorder(alice, alice.personaId, 'durable_poa_agent', [])), {
    code: 'invalid_fiduciary_order',
  });
  t.match(await rejection(reorder(alice, alice.personaId, 'durable_poa_agent', [c.appointmentId], alice.personaId)), {
    code: 'invalid_fiduciary_ward',
  });
  t.equal(await table(), before, 'nothing changed by a refused reorder');

  t.match(await step(alice, 'remove', d.appointmentId), { status: 'removed', rank: 2 });
  t.same(
    (await list(alice, alice.personaId, 'durable_poa_agent')).map((r) => [r.appointmentId, r.rank]),
    [
      [c.appointmentId, 1],
      [b.appointmentId, 2],
    ],
    'the removed one leaves no gap',
  );
  t.match(await rejection(step(alice, 'remove', d.appointmentId)), { code: 'fiduciary_wrong_status' });
  t.match(
    await rejection(
      reorder(alice, alice.personaId, 'durable_poa_agent', [d.appointmentId, c.appointmentId, b.appointmentId]),
    ),
    stale,
    'an ended one is not in the succession',
  );
});

t.test('racing writers on one succession: distinct ranks, and a stale reorder is refused', async (t) => {
  const friends: string[] = [];
  for (let i = 0; i < 6; i++) friends.push(await persona(alice, `Friend${i}`, '1970-01-01'));
  const results = await Promise.allSettled(
    friends.map((f, i) =>
      appoint(alice, {
        personaId: alice.personaId,
        role: 'springing_poa_agent',
        appointeePersonaId: f,
        rank: i % 2 === 0 ? 1 : null,
      }),
    ),
  );
  t.same(
    results.filter((r) => r.status === 'rejected'),
    [],
    'every racing appointment goes through in turn',
  );
  const live = await list(alice, alice.personaId, 'springing_poa_agent');
  t.same(
    live.map((r) => r.rank),
    [1, 2, 3, 4, 5, 6],
    'ranks 1..6, none shared, no gap',
  );
  t.same(new Set(live.map((r) => r.appointeePersonaId)), new Set(friends));

  // A reorder and a removal race: whichever runs second sees the first's succession.
  for (let round = 0; round < 4; round++) {
    const ids = (await list(alice, alice.personaId, 'springing_poa_agent')).map((r) => r.appointmentId);
    const [reordered, removed] = await Promise.allSettled([
      reorder(alice, alice.personaId, 'springing_poa_agent', [...ids].reverse()),
      step(alice, 'remove', ids[0]),
    ]);
    t.equal(removed.status, 'fulfilled', 'the removal goes through');
    if (reordered.status === 'rejected')
      t.equal((reordered.reason as { hint?: string }).hint, 'fiduciary_order_stale', 'a reorder after it is stale');
    const after = await list(alice, alice.personaId, 'springing_poa_agent');
    t.same(
      after.map((r) => r.rank),
      after.map((_, i) => i + 1),
      'ranks stay 1..n',
    );
    t.notOk(after.some((r) => r.appointmentId === ids[0]));
  }
});

t.test('a guardian is for a minor ward, as far as the birth date tells; wards belong to two roles only', async (t) => {
  const guardian = (ward: string | null, role = 'guardian_of_minor') =>
    appoint(alice, { personaId: alice.personaId, role, appointeePersonaId: bob.personaId, wardPersonaId: ward });
  t.match(await guardian(minor), { role: 'guardian_of_minor', wardPersonaId: minor, wardName: 'Kid Tester', rank: 1 });
  t.match(
    await guardian(undated),
    { rank: 1 },
    'an unknown birth date is not refused; each ward has its own succession',
  );
  t.same(await rejection(guardian(grown)), {
    sqlState: 'PT422',
    code: 'fiduciary_ward_not_minor',
    message: 'the ward is 18 or older: a guardian of a minor is for a minor',
  });
  t.match(await guardian(grown, 'custodian'), { role: 'custodian' }, 'a custodian is not held to 18');
  t.match(await rejection(guardian(null)), { sqlState: 'PT400', code: 'invalid_fiduciary_ward' });
  t.match(await rejection(guardian(minor, 'executor')), { code: 'invalid_fiduciary_ward' });
  t.match(
    await rejection(guardian(bob.personaId)),
    { code: 'invalid_fiduciary_ward' },
    'the appointee as their own ward',
  );
  t.match(await rejection(guardian(alice.personaId)), { code: 'invalid_fiduciary_ward' });
  t.match(await rejection(guardian(mallory.personaId)), { sqlState: 'PT404', code: 'persona_not_found' });
});

t.test('a trust appoints its trustees: a grantor’s people write, its controllers read', async (t) => {
  const [trust] = await as(alice, (c) =>
    estate.createLegalEntity.run(
      {
        entityKind: 'revocable_trust',
        name: 'Alice Living Trust',
        jurisdiction: 'CA',
        effectiveDate: '2020-05-01',
        roles: JSON.stringify([
          { personaId: alice.personaId, role: 'grantor' },
          { personaId: alice.personaId, role: 'trustee' },
          { personaId: bob.personaId, role: 'trustee' },
        ]),
      },
      c,
    ),
  );
  const made = await appoint(alice, { entityId: trust.entityId, role: 'trustee', appointeePersonaId: carol.personaId });
  t.match(made, {
    appointerKind: 'entity',
    appointerEntityId: trust.entityId,
    appointerName: 'Alice Living Trust',
    rank: 1,
  });
  t.match(
    await appoint(alice, { entityId: trust.entityId, role: 'trustee', appointeePersonaId: alice.personaId }),
    { rank: 2 },
    'the grantor may be a successor trustee',
  );
  t.equal((await list(bob, null, null, false, trust.entityId)).length, 2, 'a co-trustee reads the succession');
  t.same(
    await rejection(appoint(bob, { entityId: trust.entityId, role: 'trustee', appointeePersonaId: bob.personaId })),
    {
      sqlState: 'PT403',
      code: 'fiduciary_grantor_only',
      message: 'only a grantor of the trust appoints, removes or reorders its trustees',
    },
  );
  t.match(await rejection(step(bob, 'remove', made.appointmentId)), { code: 'fiduciary_grantor_only' });
  for (const who of [carol, mallory])
    t.match(await rejection(list(who, null, null, false, trust.entityId)), {
      sqlState: 'PT404',
      code: 'entity_not_found',
    });
  t.match(
    await rejection(
      appoint(alice, { entityId: trust.entityId, role: 'executor', appointeePersonaId: carol.personaId }),
    ),
    {
      code: 'invalid_fiduciary_role',
    },
  );
  const [llc] = await as(alice, (c) =>
    estate.createLegalEntity.run(
      {
        entityKind: 'llc',
        name: 'Alice LLC',
        jurisdiction: null,
        effectiveDate: null,
        roles: JSON.stringify([{ personaId: alice.personaId, role: 'manager' }]),
      },
      c,
    ),
  );
  t.match(
    await rejection(appoint(alice, { entityId: llc.entityId, role: 'trustee', appointeePersonaId: carol.personaId })),
    {
      code: 'invalid_fiduciary_role',
    },
  );
  t.match(
    await rejection(
      appoint(alice, {
        personaId: alice.personaId,
        entityId: trust.entityId,
        role: 'trustee',
        appointeePersonaId: carol.personaId,
      }),
    ),
    { code: 'invalid_fiduciary_appointer' },
  );
  // Carol accepts; the trust's deletion takes its succession with it.
  t.match(await step(carol, 'accept', made.appointmentId), { acting: true });
  await as(alice, (c) => estate.deleteLegalEntity.run({ entityId: trust.entityId }, c));
  t.notOk(
    (await mine(carol)).some((r) => r.appointmentId === made.appointmentId),
    'gone with the trust',
  );
});

t.test(
  'attackers: another user, another tenant, a random id and a removed member get not found and leave nothing',
  async (t) => {
    const made = await appoint(alice, {
      personaId: alice.personaId,
      role: 'custodian',
      appointeePersonaId: eve.personaId,
      wardPersonaId: minor,
    });
    const before = await table();
    const eventsBefore = await allEvents();
    const notFound = {
      sqlState: 'PT404',
      code: 'fiduciary_appointment_not_found',
      message: 'fiduciary appointment not found',
    };
    const personaNotFound = { sqlState: 'PT404', code: 'persona_not_found', message: 'persona not found' };
    // The appointee side: only Eve; the appointer side: only whoever acts for Alice.
    for (const [name, wrong] of [
      ['accept', [alice, bob, mallory]],
      ['decline', [alice, carol, mallory]],
      ['remove', [eve, bob, mallory]],
    ] as Array<[Step, TestUser[]]>) {
      for (const who of wrong)
        t.same(await rejection(step(who, name, made.appointmentId)), notFound, `${name} by ${who.email.split('-')[0]}`);
      t.same(await rejection(step(eve, name, randomUUID())), notFound, `${name}: a random id`);
    }
    for (const who of [bob, eve, mallory]) {
      t.same(
        await rejection(list(who, alice.personaId)),
        personaNotFound,
        'only those who act for Alice list her fiduciaries',
      );
      t.same(
        await rejection(
          appoint(who, {
            personaId: alice.personaId,
            role: 'executor',
            appointeePersonaId: who.personaId === alice.personaId ? bob.personaId : carol.personaId,
          }),
        ),
        personaNotFound,
      );
      t.same(await rejection(reorder(who, alice.personaId, 'custodian', [made.appointmentId], minor)), personaNotFound);
    }
    t.same(await rejection(list(alice, randomUUID())), personaNotFound);
    // Naming someone she may not name: another tenant's persona, a random id, a stranger of the tenant.
    const stranger = await makeUser(db, tenant, 'Stranger');
    for (const appointee of [mallory.personaId, randomUUID(), stranger.personaId])
      t.same(
        await rejection(
          appoint(alice, { personaId: alice.personaId, role: 'executor', appointeePersonaId: appointee }),
        ),
        personaNotFound,
      );
    t.equal(await table(), before, 'no refusal changed a row');
    t.equal(await allEvents(), eventsBefore, 'nor wrote an event');
    t.notOk((await mine(mallory)).length, "another tenant's user sees nothing of it");

    // Eve leaves the circle: she can no longer be named, but the appointment naming her stays hers.
    await as(alice, (c) => ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: eve.personaId }, c));
    t.same(
      await rejection(
        appoint(alice, { personaId: alice.personaId, role: 'executor', appointeePersonaId: eve.personaId }),
      ),
      personaNotFound,
    );
    t.match(await step(eve, 'decline', made.appointmentId), { status: 'declined' });
  },
);

t.test('malformed input is refused before anything is written', async (t) => {
  const before = await table();
  const base = { personaId: alice.personaId, appointeePersonaId: bob.personaId };
  t.match(await rejection(appoint(alice, { ...base, role: 'regent' })), {
    sqlState: 'PT400',
    code: 'invalid_fiduciary_role',
  });
  t.match(await rejection(appoint(alice, { ...base, role: 'executor', rank: 11 })), { code: 'invalid_fiduciary_rank' });
  t.match(await rejection(appoint(alice, { ...base, role: 'executor', notes: 'x'.repeat(1001) })), {
    code: 'invalid_fiduciary_notes',
  });
  t.match(await rejection(appoint(alice, { ...base, role: 'executor', appointeePersonaId: alice.personaId })), {
    code: 'fiduciary_self_appointment',
  });
  t.match(await rejection(appoint(alice, { role: 'executor', appointeePersonaId: bob.personaId })), {
    code: 'invalid_fiduciary_appointer',
  });
  t.match(await rejection(list(alice, alice.personaId, 'regent')), { code: 'invalid_fiduciary_role' });
  t.match(
    await rejection(
      as(alice, (c) => fid.listFiduciaryAppointments.run({ personaId: alice.personaId, limit: 0, offset: 0 }, c)),
    ),
    {
      code: 'invalid_page',
    },
  );
  t.equal(await table(), before);
});

t.test(
  'the planner’s checks: no executor, nobody accepted, everyone left, a deceased appointee, a ward of age',
  async (t) => {
    const checks = async (who: TestUser) =>
      (await as(who, (c) => fid.checkFiduciaries.run({ personaId: who.personaId }, c))).map((r) => [
        r.checkCode,
        r.role,
      ]);
    t.same(await checks(bob), [['no_executor', 'executor']], 'a persona without fiduciaries lacks an executor');
    const made = await appoint(bob, {
      personaId: bob.personaId,
      role: 'springing_poa_agent',
      appointeePersonaId: alice.personaId,
    });
    t.same(await checks(bob), [
      ['no_executor', 'executor'],
      ['role_without_acceptance', 'springing_poa_agent'],
    ]);
    await step(bob, 'remove', made.appointmentId);
    t.same(await checks(bob), [
      ['no_executor', 'executor'],
      ['role_without_appointee', 'springing_poa_agent'],
    ]);
    const guardian = await appoint(alice, {
      personaId: alice.personaId,
      role: 'guardian_of_minor',
      appointeePersonaId: carol.personaId,
      wardPersonaId: undated,
    });
    await db.admin.query(`update app.personas set date_of_birth = '2000-01-01' where id = $1`, [undated]);
    await db.admin.query(`update app.personas set living_status = 'deceased' where id = $1`, [carol.personaId]);
    t.teardown(() =>
      db.admin.query(`update app.personas set living_status = 'living' where id = $1`, [carol.personaId]),
    );
    const found = await as(alice, (c) => fid.checkFiduciaries.run({ personaId: alice.personaId }, c));
    t.ok(found.some((r) => r.checkCode === 'appointee_deceased' && r.appointmentId === guardian.appointmentId));
    t.ok(found.some((r) => r.checkCode === 'ward_no_longer_minor' && r.appointmentId === guardian.appointmentId));
    t.notOk(
      found.some((r) => r.checkCode === 'no_executor'),
      'Alice has an executor',
    );
    t.notOk(JSON.stringify(found).match(/tester/i), 'the checks name no one');
    for (const who of [bob, mallory])
      t.match(await rejection(as(who, (c) => fid.checkFiduciaries.run({ personaId: alice.personaId }, c))), {
        sqlState: 'PT404',
        code: 'persona_not_found',
      });
  },
);

t.test('a role holds at most ten live appointments; a rolled-back appointment announces nothing', async (t) => {
  const people: string[] = [];
  for (let i = 0; i < 11; i++) people.push(await persona(alice, `Heir${i}`, '1980-01-01'));
  for (const p of people.slice(0, 10))
    await appoint(alice, { personaId: alice.personaId, role: 'trustee', appointeePersonaId: p });
  t.same(
    await rejection(appoint(alice, { personaId: alice.personaId, role: 'trustee', appointeePersonaId: people[10] })),
    {
      sqlState: 'PT409',
      code: 'fiduciary_limit',
      message: 'a role holds at most 10 live appointments (a primary and 9 successors)',
    },
  );
  const eventsBefore = await allEvents();
  const boom = new Error('the request failed after the appointment');
  await t.rejects(
    as(alice, async (c) => {
      await fid.appointFiduciary.run(
        { personaId: alice.personaId, role: 'executor', appointeePersonaId: people[10] },
        c,
      );
      throw boom;
    }),
    boom,
  );
  t.equal(await allEvents(), eventsBefore, 'no event for the rolled-back appointment');
  t.notOk((await list(alice, alice.personaId, 'executor')).some((r) => r.appointeePersonaId === people[10]));
});
