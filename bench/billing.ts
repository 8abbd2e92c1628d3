// `npm run bench:billing`: what billing costs where the work happens, measured as the server
// calls procedures (estate_api, request context, one transaction per call): sp_create_asset with
// the usage trigger (limit check under the counter's row lock), and with that trigger disabled,
// to isolate its cost. The webhook's throughput: `npm run bench:stripe` (bench/stripe.ts).
// Runs on a throwaway database: embedded PostgreSQL, or DATABASE_URL's server.
import { createAsset } from '../generated/assets.queries.ts';
import { ITERATIONS, ms, report, withBenchTenant } from './lib/harness.ts';

await withBenchTenant('billing', async ({ admin, personaId, as }) => {
  const createOne = (i: number) =>
    as((c) =>
      createAsset.run(
        {
          assetType: 'misc',
          categoryCode: 'other',
          name: `Bench asset ${i}`,
          currency: 'USD',
          ownerPersonaId: personaId,
          initialValue: '1000.00',
          valuedOn: '2026-01-01',
          details: {},
          description: null,
          ownershipPercentage: '100',
          ownershipForm: 'sole',
          valuationSource: 'manual',
          identifierCiphertext: null,
          identifierLast4: null,
        },
        c,
      ),
    );
  for (let i = 0; i < 20; i++) await createOne(i); // warm up
  for (const [label, trigger] of [
    ['sp_create_asset, usage trigger on', 'enable'],
    ['sp_create_asset, usage trigger off (baseline)', 'disable'],
    ['sp_create_asset, usage trigger on (again)', 'enable'],
  ] as const) {
    await admin.query(`alter table app.assets ${trigger} trigger _300_usage`);
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = process.hrtime.bigint();
      await createOne(i);
      times.push(ms(start));
    }
    report(label, times);
  }
  await admin.query('alter table app.assets enable trigger _300_usage');
});
