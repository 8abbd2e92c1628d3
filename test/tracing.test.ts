// OpenTelemetry traces (issue 15, docs/operations.md "Traces"): the production entry
// (server/main.ts, in a process of its own) with OTEL_TRACES_EXPORTER=otlp exports to a tiny OTLP
// HTTP receiver: a server span per request named by its route pattern, pg spans under it, both
// with the tenant id, and nothing personal (no query string, no statement values, no client
// address). Off by default: without the variables main.ts loads no OpenTelemetry SDK.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { redactStatement, tracingRequested } from '../server/tracing.ts';
import { freePort } from '../scripts/lib/embedded_postgres.ts';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  attributes: Array<{ key: string; value: OtlpValue }>;
}

const db = await testDatabase(t);
const inProcess = await testApp(t, db);
const tenant = await makePoolTenant(db, 'tracing');
const user = await registerThroughApi(inProcess, tenant, 'Tracy', 'Tracing');

// The receiver: OTLP/HTTP JSON on /v1/traces, every span kept.
const spans: OtlpSpan[] = [];
const received: string[] = [];
const receiver = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
    try {
      const payload = JSON.parse(body) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
      };
      for (const resource of payload.resourceSpans ?? [])
        for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
    } catch {
      // not JSON: counted in `received`, no span
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
t.teardown(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
const receiverPort = (receiver.address() as AddressInfo).port;

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
};

/** server/main.ts with the given tracing variables; GETs a few routes, then SIGTERM (flushes). */
async function runMain(otel: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_API_URL: db.apiUrl,
      FIELD_ENCRYPTION_KEYS: generateFieldKeys('tracing'),
      IDENTITY_PROVIDER: 'cognito-local',
      DATABASE_CONNECT_TIMEOUT_MS: '10000',
      // A loaded test machine's event loop is not this API's load.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...otel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server/main.ts exited at start: ${output}`);
    if ((await fetch(`${url}/health/live`).catch(() => undefined))?.status === 200) break;
    if (i > 300) throw new Error(`server/main.ts did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const me = await fetch(`${url}/v1/me`, { headers: bearer(user.accessToken) });
  const search = await fetch(`${url}/v1/assets/search?q=${encodeURIComponent("Grandma's-secret")}`, {
    headers: bearer(user.accessToken),
  });
  child.kill('SIGTERM');
  const code = await exited;
  return { me: me.status, search: search.status, code, output };
}

t.test('off by default: on only when the OpenTelemetry variables ask', async (t) => {
  t.notOk(tracingRequested({}), 'no OTEL_* variable: off');
  t.notOk(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x' }), 'none: off');
  t.notOk(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }), 'OTEL_SDK_DISABLED: off');
  t.ok(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }), 'an OTLP endpoint: on');
  t.ok(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' }), 'OTEL_TRACES_EXPORTER=otlp: on');
});

t.test('on: an HTTP span per request and pg spans, with the tenant, without personal data', async (t) => {
  const run = await runMain({
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${receiverPort}/v1/traces`,
    OTEL_SERVICE_NAME: 'estate-vault-test',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  });
  t.match(run, { me: 200, search: 200, code: 0 }, `served and stopped (${run.output.slice(0, 300)})`);
  t.ok(received.length > 0, `exported to the receiver (${received[0]})`);

  const server = spans.filter((span) => span.kind === 2);
  const me = server.find((span) => span.name === 'GET /v1/me');
  t.ok(me, `an HTTP server span named by the route (${server.map((span) => span.name).join(', ')})`);
  t.equal(attribute(me!, 'http.route'), '/v1/me');
  t.equal(attribute(me!, 'estate.tenant_id'), tenant.tenantId, 'the HTTP span names the tenant');

  const pgSpans = spans.filter(
    (span) =>
      span.traceId === me!.traceId &&
      (attribute(span, 'db.system') ?? attribute(span, 'db.system.name')) === 'postgresql',
  );
  t.ok(pgSpans.length >= 1, `pg spans in the request's trace (${pgSpans.map((span) => span.name).join(', ')})`);
  const call = pgSpans.find((span) =>
    (attribute(span, 'db.statement') ?? attribute(span, 'db.query.text') ?? '').includes('api.sp_get_current_user'),
  );
  t.ok(call, 'the procedure call is a span');
  t.equal(attribute(call!, 'estate.tenant_id'), tenant.tenantId, 'the pg span names the tenant');

  const everything = JSON.stringify(spans);
  for (const secret of [user.sub, user.email, "Grandma's-secret", 'Grandma', user.accessToken.slice(-20)]) {
    t.notOk(everything.includes(secret), `no span carries ${secret.slice(0, 12)}...`);
  }
  const addresses = ['client.address', 'net.peer.ip', 'network.peer.address', 'http.client_ip', 'url.query'];
  t.same(
    spans.flatMap((span) => span.attributes.filter((entry) => addresses.includes(entry.key)).map((entry) => entry.key)),
    [],
    'no client address, no query',
  );
  const search = server.find((span) => span.name === 'GET /v1/assets/search');
  t.ok(search, 'the search request is a span');
  t.notOk(JSON.stringify(search).includes('?q='), 'without its query string');
});

t.test('statement values are removed', async (t) => {
  t.equal(
    redactStatement(
      "begin; select set_config('app.actor_id', E'a\\\\b''c', true); select * from api.sp_x(p => 'O''Brien')",
    ),
    'begin; select set_config(?, ?, true); select * from api.sp_x(p => ?)',
  );
});
