// The example white-label app: a partner's page on its own origin. It signs in with
// amazon-cognito-identity-js (USER_PASSWORD_AUTH), then calls the API across origins (CORS) through
// the typed client: the tenant's branding, the user's personas, assets and net worth, and a new
// valuation. Its settings come from ./config.json (written by whoever serves the page).
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { createEstateVaultClient, type Problem } from '../../clients/typescript/index.ts';

/** ./config.json: where the API and the tenant's user pool are. */
interface ExampleConfig {
  apiUrl: string;
  /** cognito-local's endpoint; absent for a real Cognito pool. */
  cognitoEndpoint?: string | null;
  userPoolId: string;
  clientId: string;
  /** The currency net worth is shown in. */
  currency?: string;
}

const byId = <T extends HTMLElement>(id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

function say(message: string, isError = false) {
  const status = byId('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

const problemText = (problem: Problem | undefined, status: number) =>
  problem ? `${problem.title}: ${problem.detail ?? problem.code} (${problem.code})` : `HTTP ${status}`;

function signIn(config: ExampleConfig, email: string, password: string): Promise<CognitoUserSession> {
  const pool = new CognitoUserPool({
    UserPoolId: config.userPoolId,
    ClientId: config.clientId,
    ...(config.cognitoEndpoint ? { endpoint: config.cognitoEndpoint.replace(/\/+$/, '') + '/' } : {}),
  });
  const user = new CognitoUser({ Username: email, Pool: pool });
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: resolve,
      onFailure: (error: { message?: string }) => reject(new Error(error?.message ?? String(error))),
      newPasswordRequired: () => reject(new Error('this account must set a new password first')),
    });
  });
}

async function main() {
  const config = (await (await fetch('./config.json')).json()) as ExampleConfig;
  const currency = config.currency ?? 'USD';
  let accessToken: string | null = null;
  const api = createEstateVaultClient({ baseUrl: config.apiUrl, accessToken: () => accessToken });
  let personaId: string | null = null;

  async function showAssetsAndNetWorth() {
    const assets = await api.GET('/v1/assets', { params: { query: { limit: 100 } } });
    if (!assets.data) throw new Error(problemText(assets.error, assets.response.status));
    const rows = byId('assets');
    const select = byId<HTMLSelectElement>('valuation-asset');
    const chosen = select.value;
    rows.replaceChildren();
    select.replaceChildren();
    for (const asset of assets.data.items) {
      const row = document.createElement('tr');
      row.dataset.assetId = asset.assetId;
      const value = asset.currentValue == null ? '—' : `${asset.currentValue} ${asset.currentValueCurrency}`;
      for (const [text, className] of [
        [asset.name, 'name'],
        [asset.assetType, 'type'],
        [value, 'money'],
        [asset.valuedOn ?? '', 'date'],
      ]) {
        const cell = document.createElement('td');
        cell.className = className;
        cell.textContent = text;
        row.append(cell);
      }
      rows.append(row);
      if (asset.myAccess !== 'view') select.append(new Option(asset.name, asset.assetId));
    }
    if (chosen) select.value = chosen;

    if (!personaId) return;
    const netWorth = await api.GET('/v1/personas/{personaId}/net-worth', {
      params: { path: { personaId }, query: { currency } },
    });
    if (!netWorth.data) throw new Error(problemText(netWorth.error, netWorth.response.status));
    byId('net-worth').textContent = `${netWorth.data.netWorth} ${netWorth.data.currency}`;
    byId('net-worth-as-of').textContent = `as of ${netWorth.data.asOf}, ${netWorth.data.assetCount} assets`;
  }

  async function showVault() {
    const me = await api.GET('/v1/me');
    if (!me.data) throw new Error(problemText(me.error, me.response.status));
    const branding = me.data.tenantBranding as { displayName?: unknown; primaryColor?: unknown };
    const brandName = typeof branding.displayName === 'string' ? branding.displayName : me.data.tenantName;
    byId('brand-name').textContent = brandName;
    document.title = brandName;
    if (typeof branding.primaryColor === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(branding.primaryColor)) {
      document.documentElement.style.setProperty('--brand', branding.primaryColor);
    }
    byId('user-name').textContent = [me.data.firstName, me.data.lastName].filter(Boolean).join(' ');
    personaId = me.data.personaId;

    const personas = await api.GET('/v1/personas');
    if (!personas.data) throw new Error(problemText(personas.error, personas.response.status));
    byId('personas').replaceChildren(
      ...personas.data.items.map((persona) => {
        const item = document.createElement('li');
        item.dataset.personaId = persona.personaId;
        item.textContent = `${persona.preferredName ?? persona.firstName} ${persona.lastName} (${persona.linkKind})`;
        return item;
      }),
    );
    await showAssetsAndNetWorth();
    byId<HTMLInputElement>('valuation-date').value = new Date().toISOString().slice(0, 10);
    byId('sign-in').hidden = true;
    byId('vault').hidden = false;
  }

  byId<HTMLFormElement>('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    say('Signing in…');
    const email = byId<HTMLInputElement>('email').value;
    const password = byId<HTMLInputElement>('password').value;
    signIn(config, email, password)
      .then((session) => {
        accessToken = session.getAccessToken().getJwtToken();
        return showVault();
      })
      .then(
        () => say(''),
        (error: Error) => say(`Sign-in failed: ${error.message}`, true),
      );
  });

  byId<HTMLFormElement>('valuation').addEventListener('submit', (event) => {
    event.preventDefault();
    const assetId = byId<HTMLSelectElement>('valuation-asset').value;
    const amount = byId<HTMLInputElement>('valuation-amount').value;
    const valuedOn = byId<HTMLInputElement>('valuation-date').value;
    say('Saving…');
    api
      .POST('/v1/assets/{assetId}/valuations', {
        params: { path: { assetId }, header: { 'idempotency-key': crypto.randomUUID() } },
        body: { amount, valuedOn, source: 'manual' },
      })
      .then(async ({ data, error, response }) => {
        if (!data) throw new Error(problemText(error, response.status));
        await showAssetsAndNetWorth();
        say(`Valuation saved: ${data.amount} ${data.currency} on ${data.valuedOn}`);
      })
      .catch((error: Error) => say(`The valuation was not saved: ${error.message}`, true));
  });
}

main().catch((error: Error) => say(`The app could not start: ${error.message}`, true));
