// Large synthetic data, set-based (one INSERT ... SELECT per table, not one call per row), for
// benchmarks and load: tenants whose personas own N assets each, with two valuations per asset.
// Written by an administrative login with triggers off (session_replication_role = replica):
// the rows are consistent by construction (including each user's subscription, on the unlimited
// plan, and usage counters), and the audit log is not wanted for synthetic data.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface ScalePersona {
  personaId: string;
  userSub: string;
  assetCount: number;
}

export interface ScaleTenant {
  tenantId: string;
  personas: ScalePersona[];
}

export interface ScaleOptions {
  /** The users' Cognito subjects, one per entry of assetCounts (random when absent). */
  userSubs?: string[];
  /** Asset ids that a load generator can name without a lookup: the n-th asset (from 1) of the
   *  k-th persona (from 0) is predictableAssetId(k, n). Random ids when false. */
  predictableAssetIds?: boolean;
}

/** The id of persona k's n-th asset when built with predictableAssetIds. */
export const predictableAssetId = (k: number, n: number) =>
  `${String(k).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One tenant with one user and persona per entry of assetCounts, each owning that many assets. */
export async function buildScaleTenant(
  admin: pg.ClientBase,
  slug: string,
  assetCounts: number[],
  options: ScaleOptions = {},
): Promise<ScaleTenant> {
  const tenantId = randomUUID();
  const personas: ScalePersona[] = [];
  await admin.query('begin');
  try {
    await admin.query('set local session_replication_role = replica');
    await admin.query(`insert into app.tenants (tenant_id, slug, name) values ($1, $2, $3)`, [
      tenantId,
      slug,
      `Scale ${slug}`,
    ]);
    await admin.query(`insert into app.exchange_rates (base_currency, quote_currency, rate_date, rate)
                       values ('EUR', 'USD', '2026-01-01', 1.0850) on conflict do nothing`);
    for (const [index, assetCount] of assetCounts.entries()) {
      const userId = randomUUID();
      const personaId = randomUUID();
      const userSub = options.userSubs?.[index] ?? randomUUID();
      await admin.query(`insert into app.users (tenant_id, id, cognito_sub, email) values ($1, $2, $3, $4)`, [
        tenantId,
        userId,
        userSub,
        `scale-${index}-${userSub.slice(0, 8)}@example.com`,
      ]);
      await admin.query(
        `insert into app.personas (tenant_id, id, first_name, last_name, created_by_user_id) values ($1, $2, 'Scale', $3, $4)`,
        [tenantId, personaId, `Persona ${index}`, userId],
      );
      await admin.query(
        `insert into app.user_personas (tenant_id, user_id, persona_id, link_kind) values ($1, $2, $3, 'self')`,
        [tenantId, userId, personaId],
      );
      await admin.query(
        `
        create temp table scale_assets on commit drop as
        select case when $2 then pg_catalog.format('%s-0000-4000-8000-%s', pg_catalog.lpad($3::text, 8, '0'), pg_catalog.lpad(i::text, 12, '0'))::uuid
                    else gen_random_uuid() end as id,
               i, (i % 10 = 0) as is_debt, case when i % 4 = 0 then 'EUR' else 'USD' end as currency
          from generate_series(1, $1::int) i`,
        [assetCount, options.predictableAssetIds ?? false, index],
      );
      await admin.query(
        `
        insert into app.assets (tenant_id, id, asset_type, category_code, name, currency, is_liability, created_by_user_id)
        select $1, id, case when is_debt then 'debt' else 'misc' end, case when is_debt then 'loan' else 'other' end,
               'Asset ' || i, currency, is_debt, $2 from scale_assets`,
        [tenantId, userId],
      );
      await admin.query(
        `insert into app.asset_misc (tenant_id, id) select $1, id from scale_assets where not is_debt`,
        [tenantId],
      );
      await admin.query(
        `insert into app.asset_debts (tenant_id, id, lender_name, debt_kind, interest_rate_percent)
                         select $1, id, 'Scale Bank', 'personal_loan', 4.5 from scale_assets where is_debt`,
        [tenantId],
      );
      await admin.query(
        `
        insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
        select $1, id, $2, case when i % 3 = 0 then 50 else 100 end, case when i % 3 = 0 then 'tenants_in_common' else 'sole' end
          from scale_assets`,
        [tenantId, personaId],
      );
      // What the ownership trigger would have appended: each share, held since the start of 2026.
      await admin.query(
        `
        insert into app.asset_ownership_history (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form, effective_at)
        select tenant_id, asset_id, persona_id, ownership_percentage, ownership_form, timestamptz '2026-01-01 00:00:00+00'
          from app.asset_ownerships where tenant_id = $1 and persona_id = $2`,
        [tenantId, personaId],
      );
      await admin.query(
        `
        insert into app.asset_valuations (tenant_id, asset_id, valued_on, amount, currency, source)
        select $1, a.id, d.valued_on, ((a.i * 7919) % 500000 + 1000) * d.factor, a.currency, 'import'
          from scale_assets a cross join (values (date '2026-01-15', 1.00), (date '2026-06-15', 1.03)) d(valued_on, factor)`,
        [tenantId],
      );
      await admin.query(
        `
        insert into app.asset_latest_valuations (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                                 is_liability, is_active)
        select distinct on (v.asset_id) v.tenant_id, v.id, v.asset_id, v.valued_on, v.created_at, v.amount, v.currency,
               a.is_debt, true
          from app.asset_valuations v join scale_assets a on a.id = v.asset_id
         where v.tenant_id = $1
         order by v.asset_id, v.valued_on desc, v.created_at desc, v.id desc`,
        [tenantId],
      );
      // What the triggers would have kept: the ownership history and each asset's latest valuation (above), an unlimited plan for this many assets, and its usage.
      await admin.query(
        `
        insert into app.subscriptions (tenant_id, user_id, plan_id, status)
        select $1, $2, p.id, 'active' from app.subscription_plans p where p.code = 'advisor_pro'`,
        [tenantId, userId],
      );
      await admin.query(
        `
        insert into app.usage_records (tenant_id, user_id, metric, quantity)
        select $1, $2, m.metric, m.quantity
          from (select 'assets' as metric, count(*) as quantity from app.assets where tenant_id = $1 and created_by_user_id = $2
                union all
                select 'storage_bytes', coalesce(sum(pg_column_size(a.*)), 0) from app.assets a where a.tenant_id = $1 and a.created_by_user_id = $2
                union all select 'ffcs', 0 union all select 'seats', 0) m`,
        [tenantId, userId],
      );
      await admin.query('drop table scale_assets');
      personas.push({ personaId, userSub, assetCount });
    }
    await admin.query('commit');
  } catch (error) {
    await admin.query('rollback');
    throw error;
  }
  return { tenantId, personas };
}
