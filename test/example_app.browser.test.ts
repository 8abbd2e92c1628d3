// The example white-label app (examples/white_label) in headless Chromium: served on its own
// origin, it signs in against cognito-local, shows the tenant's branding, the user's personas,
// assets and net worth, and adds a valuation, all through the typed client across origins (CORS);
// the valuation is then read from the API and the database. One browser launch for the file.
// Skipped, with the reason, only where there is no Chromium (Debian: apt-get install chromium;
// elsewhere CHROMIUM_PATH names one).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Request } from 'playwright-core';
import t from 'tap';
import { setTenantAllowedOrigins } from '../generated/tenancy.queries.ts';
import { startExampleApp } from '../scripts/lib/example_app.ts';
import { bearer, cognitoEndpoint, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync(CHROMIUM)) {
  t.plan(0, `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
} else {
  const db = await testDatabase(t);
  const tenant = await makePoolTenant(db, 'harbor', {
    branding: { displayName: 'Harbor Wealth', primaryColor: '#0b6e4f' },
  });
  // The page's origin is allowed after the API starts: its CORS table is reloaded every 0.5 s.
  const app = await testApp(t, db, { authRoutingMaxAgeMs: 1000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const example = await startExampleApp({
    host: '127.0.0.1',
    port: 0,
    config: { apiUrl, cognitoEndpoint: cognitoEndpoint(), userPoolId: tenant.userPoolId, clientId: tenant.clientId },
  });
  t.teardown(() => example.close());
  // The page's origin (another port: another origin) is the one the tenant allows.
  await db.asSupport((c) => setTenantAllowedOrigins.run({ tenantId: tenant.tenantId, origins: [example.url] }, c));

  const paula = await registerThroughApi(app, tenant, 'Paula', 'Partner');
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: bearer(paula.accessToken), payload });
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await post('/v1/personas', { firstName: 'Kit', lastName: 'Partner' });
  const checking = await post('/v1/assets', {
    assetType: 'bank_account',
    categoryCode: 'checking',
    name: 'Harbor checking',
    currency: 'USD',
    ownerPersonaId: paula.personaId,
    initialValue: '2500.50',
    valuedOn: '2026-01-31',
    details: { institutionName: 'Harbor Bank', accountKind: 'checking' },
  });
  await post('/v1/assets', {
    assetType: 'vehicle',
    categoryCode: 'car',
    name: 'Family car',
    currency: 'USD',
    ownerPersonaId: paula.personaId,
    initialValue: '18000.00',
    valuedOn: '2026-01-31',
    details: { make: 'Volvo', model: 'V60' },
  });

  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'estate-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  t.teardown(async () => {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: Array<{ text: string; url: string }> = [];
  page.on('pageerror', (error) => pageErrors.push({ text: error.message, url: page.url() }));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push({ text: message.text(), url: message.location().url });
  });
  const apiCalls: Array<Promise<{ call: string; origin: string | undefined }>> = [];
  page.on('requestfinished', (request: Request) => {
    if (!request.url().startsWith(apiUrl)) return;
    apiCalls.push(
      request.allHeaders().then((headers) => ({
        call: `${request.method()} ${new URL(request.url()).pathname}`,
        origin: headers.origin,
      })),
    );
  });
  const text = async (selector: string) => (await page.locator(selector).textContent())?.trim();
  const signInWith = async (password: string) => {
    await page.fill('#email', paula.email);
    await page.fill('#password', password);
    await page.click('#sign-in button[type=submit]');
  };

  t.test('a wrong password is refused by the user pool and the page says so', async (t) => {
    await page.goto(example.url);
    await signInWith('Not-the-Passw0rd!');
    await page.locator('#status.error').waitFor();
    t.match(await text('#status'), /^Sign-in failed: /);
    t.equal(await page.locator('#vault').isHidden(), true, 'nothing of the vault is shown');
  });

  t.test("signed in: the tenant's branding, the personas, assets and net worth", async (t) => {
    await signInWith(paula.password);
    await page
      .locator('#vault')
      .waitFor({ state: 'visible' })
      .catch(async (error: Error) => {
        // What the page said is the reason worth reading.
        throw new Error(
          `${error.message.split('\n')[0]}; the page says: ${await text('#status')}; console: ${JSON.stringify(pageErrors)}`,
        );
      });
    t.equal(await page.locator('#sign-in').isHidden(), true, 'the sign-in form is gone');
    t.equal(await text('#brand-name'), 'Harbor Wealth', "the tenant's display name");
    t.equal(await page.title(), 'Harbor Wealth');
    t.equal(
      await page.locator('header').evaluate((header) => getComputedStyle(header).backgroundColor),
      'rgb(11, 110, 79)',
      "the tenant's primary colour",
    );
    t.equal(await text('#user-name'), 'Paula Partner');
    const personas = await page.locator('#personas li').allTextContents();
    t.equal(personas.length, 2, 'both personas');
    t.match(personas.sort(), [/^Kit Partner \(/, /^Paula Partner \(self\)$/]);
    const assets = await page
      .locator('#assets tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent)));
    t.same(
      assets.sort(),
      [
        ['Family car', 'vehicle', '18000.00 USD', '2026-01-31'],
        ['Harbor checking', 'bank_account', '2500.50 USD', '2026-01-31'],
      ],
      'the assets with their latest values',
    );
    t.equal(await text('#net-worth'), '20500.50 USD', 'net worth: both assets');
  });

  t.test('a valuation added on the page is shown and stored', async (t) => {
    await page.selectOption('#valuation-asset', checking.assetId);
    await page.fill('#valuation-amount', '3100.25');
    const today = new Date().toISOString().slice(0, 10);
    t.equal(await page.inputValue('#valuation-date'), today, 'dated today by default');
    await page.click('#valuation button[type=submit]');
    await page.locator('#status', { hasText: 'Valuation saved' }).waitFor();
    t.equal(await text('#status'), `Valuation saved: 3100.25 USD on ${today}`);
    t.equal(await text(`#assets tr[data-asset-id="${checking.assetId}"] td.money`), '3100.25 USD', 'the new value');
    t.equal(await text('#net-worth'), '21100.25 USD', 'net worth follows');

    const { rows } = await db.admin.query(
      `select amount::text, currency, source, valued_on::text from app.asset_valuations
        where asset_id = $1 order by created_at`,
      [checking.assetId],
    );
    t.same(
      rows,
      [
        { amount: '2500.50', currency: 'USD', source: 'manual', valued_on: '2026-01-31' },
        { amount: '3100.25', currency: 'USD', source: 'manual', valued_on: today },
      ],
      'stored once, exactly',
    );
    const read = await app.inject({
      method: 'GET',
      url: `/v1/assets/${checking.assetId}`,
      headers: bearer(paula.accessToken),
    });
    t.match(read.json(), { currentValue: '3100.25', currentValueCurrency: 'USD' }, 'and the API reads it back');
  });

  t.test('every call went to the API across origins, and the page raised no error', async (t) => {
    const calls = await Promise.all(apiCalls);
    const pageOrigin = new URL(example.url).origin;
    t.not(pageOrigin, new URL(apiUrl).origin, 'the page is on another origin than the API');
    t.same(
      [...new Set(calls.map(({ call }) => call.replace(/[0-9a-f-]{36}/g, ':id')))].sort(),
      [
        'GET /v1/assets',
        'GET /v1/me',
        'GET /v1/personas',
        'GET /v1/personas/:id/net-worth',
        'POST /v1/assets/:id/valuations',
      ],
      'the calls the page makes',
    );
    t.same(
      calls.filter(({ origin }) => origin !== pageOrigin),
      [],
      "each sent the page's origin",
    );
    // The browser logs the refused sign-in's 400 from cognito-local: the only error expected.
    t.same(
      pageErrors.filter(({ url }) => !url.startsWith(cognitoEndpoint())),
      [],
      'no page errors',
    );
  });
}
