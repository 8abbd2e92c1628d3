// The latest valuation of each asset, kept by triggers (app.asset_latest_valuations, migration
// 0017): later, backdated and same-day valuations, deleted valuations and deleted assets; and net
// worth on every date equal to the figure computed from the whole history.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as netWorth from '../generated/net_worth.queries.ts';
import { makeTenant, makeUser, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'latest');
const carol = await makeUser(db, tenant, 'Carol');
const { as } = db;
await db.asSupport((c) =>
  netWorth.setExchangeRate.run({ baseCurrency: 'EUR', quoteCurrency: 'USD', rateDate: '2026-01-01', rate: '1.10' }, c),
);

async function create(name: string, currency: string, value: string, valuedOn: string, isDebt = false) {
  const [row] = await as(carol, (c) =>
    assets.createAsset.run(
      {
        assetType: isDebt ? 'debt' : 'misc',
        categoryCode: isDebt ? 'loan' : 'other',
        name,
        currency,
        ownerPersonaId: carol.personaId,
        initialValue: value,
        valuedOn,
        details: (isDebt ? { lenderName: 'Bank', debtKind: 'personal_loan', interestRatePercent: '4' } : {}) as never,
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
      },
      c,
    ),
  );
  return row.assetId;
}
const value = (assetId: string, amount: string, valuedOn: string, currency?: string) =>
  as(carol, (c) => assets.updateAssetValue.run({ assetId, amount, valuedOn, source: 'manual', currency }, c)).then(
    ([row]) => row.valuationId,
  );
const latest = async (assetId: string) => {
  const { rows } = await db.admin.query<{ id: string; valued_on: string; amount: string; currency: string }>(
    `select id, valued_on::text, amount::text, currency from app.asset_latest_valuations where asset_id = $1`,
    [assetId],
  );
  return rows.map((r) => [r.valued_on, r.amount, r.currency]);
};
const worth = (asOf: string) =>
  as(carol, (c) => netWorth.calculateNetWorth.run({ personaId: carol.personaId, asOf, currency: 'USD' }, c)).then(
    ([row]) => [row.totalAssets, row.totalLiabilities, row.netWorth, row.assetCount],
  );

const car = await create('Car', 'USD', '100.00', '2026-01-10');
const loan = await create('Loan', 'USD', '40.00', '2026-01-10', true);

t.test('a later valuation replaces the latest; a backdated one does not', async (t) => {
  t.same(await latest(car), [['2026-01-10', '100.00', 'USD']], 'the first valuation is the latest');
  await value(car, '50.00', '2026-01-05');
  t.same(await latest(car), [['2026-01-10', '100.00', 'USD']], 'a backdated valuation leaves it');
  t.same(await worth('2026-01-07'), ['50.00', '0.00', '50.00', 1], 'but counts before the latest one (history)');
  t.same(await worth('2026-01-12'), ['100.00', '40.00', '60.00', 2]);
  await value(car, '200.00', '2026-02-01');
  t.same(await latest(car), [['2026-02-01', '200.00', 'USD']], 'a later one replaces it');
  await value(car, '300.00', '2026-02-01', 'EUR');
  t.same(await latest(car), [['2026-02-01', '300.00', 'EUR']], 'of two on one day, the one recorded last');
  t.same(await worth('2026-02-02'), ['330.00', '40.00', '290.00', 2], '300 EUR at 1.10');
  t.same(await worth('2026-01-20'), ['100.00', '40.00', '60.00', 2], 'dates before the latest read the history');
});

t.test('deleting valuations restores the next latest; deleting the asset removes it', async (t) => {
  // No procedure deletes a single valuation; the table must still follow if one is deleted.
  await db.admin.query(
    `delete from app.asset_valuations where id = (select id from app.asset_latest_valuations where asset_id = $1)`,
    [car],
  );
  t.same(await latest(car), [['2026-02-01', '200.00', 'USD']], 'the same-day one recorded before');
  await db.admin.query(`delete from app.asset_valuations where asset_id = $1 and valued_on >= '2026-01-10'`, [car]);
  t.same(await latest(car), [['2026-01-05', '50.00', 'USD']], 'several at once: the backdated one is left');
  await db.admin.query(`delete from app.asset_valuations where asset_id = $1 and valued_on = '2026-01-05'`, [car]);
  t.same(await latest(car), [], 'no valuation, no latest');
  t.same(await worth('2026-03-01'), ['0.00', '40.00', '-40.00', 1], 'an asset without a valuation is left out');
  await value(car, '70.00', '2026-01-20');
  t.same(await latest(car), [['2026-01-20', '70.00', 'USD']]);
  const [deleted] = await as(carol, (c) => assets.deleteAsset.run({ assetId: loan }, c));
  t.ok(deleted, 'the loan is deleted');
  t.same(await latest(loan), [], "a deleted asset's latest goes with it");
  t.same(await worth('2026-03-01'), ['70.00', '0.00', '70.00', 1]);
});

t.test("the asset's flags follow it: an archived asset leaves net worth", async (t) => {
  // No procedure archives an asset today; an operator may, and the copy must follow.
  await db.admin.query(`update app.assets set status = 'archived' where id = $1`, [car]);
  t.same(await worth('2026-03-01'), ['0.00', '0.00', '0.00', 0]);
  await db.admin.query(`update app.assets set status = 'active' where id = $1`, [car]);
  t.same(await worth('2026-03-01'), ['70.00', '0.00', '70.00', 1]);
  const { rows } = await db.admin.query(
    `select l.asset_id from app.asset_latest_valuations l join app.assets a on a.tenant_id = l.tenant_id and a.id = l.asset_id
      where l.is_liability <> a.is_liability or l.is_active <> (a.status = 'active')`,
  );
  t.same(rows, [], 'every copy equals its asset');
});

t.test('the table always equals the history, and so does net worth on any date', async (t) => {
  // Many assets and valuations in random order of dates, some on the same day.
  const ids: string[] = [];
  for (let i = 0; i < 12; i++)
    ids.push(await create(`A${i}`, i % 3 ? 'USD' : 'EUR', `${i + 1}0.00`, '2026-01-15', i % 5 === 0));
  const days = ['2026-01-01', '2026-01-15', '2026-02-10', '2026-03-03', '2026-03-03', '2026-04-30', '2026-02-01'];
  for (let round = 0; round < 3; round++) {
    for (const [i, id] of ids.entries()) {
      await value(id, `${(i + 1) * (round + 2)}.${round}5`, days[(i * 5 + round * 3) % days.length]);
    }
  }
  const { rows: mismatch } = await db.admin.query(`
    select a.id from app.assets a
      left join app.asset_latest_valuations l on l.tenant_id = a.tenant_id and l.asset_id = a.id
      left join lateral (select v.id from app.asset_valuations v where v.tenant_id = a.tenant_id and v.asset_id = a.id
                          order by v.valued_on desc, v.created_at desc, v.id desc limit 1) h on true
     where l.id is distinct from h.id`);
  t.same(mismatch, [], "every asset's row is its greatest (valued_on, created_at, id)");

  // Net worth from the history alone, the way it was computed before the table existed.
  const reference = async (asOf: string) => {
    const { rows } = await db.admin.query<{ assets: string; liabilities: string; n: number }>(
      `select round(coalesce(sum(v.amount * case when v.currency = 'EUR' then 1.10 else 1 end * o.ownership_percentage / 100)
                              filter (where not a.is_liability), 0), 2)::text as assets,
              round(coalesce(sum(v.amount * case when v.currency = 'EUR' then 1.10 else 1 end * o.ownership_percentage / 100)
                              filter (where a.is_liability), 0), 2)::text as liabilities,
              count(*)::int as n
         from app.asset_ownerships o
         join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id and a.status = 'active'
         cross join lateral (select x.amount, x.currency from app.asset_valuations x
                              where x.tenant_id = a.tenant_id and x.asset_id = a.id and x.valued_on <= $2
                              order by x.valued_on desc, x.created_at desc, x.id desc limit 1) v
        where o.persona_id = $1`,
      [carol.personaId, asOf],
    );
    return [rows[0].assets, rows[0].liabilities, rows[0].n];
  };
  for (const asOf of ['2026-01-10', '2026-01-15', '2026-02-05', '2026-03-03', '2026-04-01', '2026-05-01']) {
    const [assetsTotal, liabilities, , n] = await worth(asOf);
    t.same([assetsTotal, liabilities, n], await reference(asOf), `as of ${asOf}`);
  }
});
