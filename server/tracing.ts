// OpenTelemetry traces (docs/operations.md, "Traces"): off by default; on when the standard
// environment asks for them (OTEL_TRACES_EXPORTER=otlp|console, or an OTLP endpoint). A span per
// HTTP request (named by its route pattern, with the tenant id) and per pg query (with the tenant
// id; the statement's literal values removed: they carry names, emails, amounts). Never PII: no
// query strings, no client addresses, no user ids, no statement values.
//
// server/main.ts starts it before it imports the application, so that the instrumentations see
// `pg` and `node:http` being loaded (require-in-the-middle: node-postgres and Fastify are CommonJS,
// and their prototypes are patched). Nothing here is loaded when tracing is off.
import { context, createContextKey, trace, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** The span attribute naming the tenant (a random UUID: not personal data). */
export const TENANT_ATTRIBUTE = 'estate.tenant_id';
const TENANT = createContextKey('estate.tenant_id');
/** Set by startTracing: until then the helpers below do nothing (no cost on an untraced request). */
let started = false;

/** True once startTracing has run in this process. */
export const tracingStarted = () => started;

/** True when the environment asks for traces (the OpenTelemetry variables). */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Runs fn with the tenant in the OpenTelemetry context (the pg spans it makes carry it); a no-op
 *  without tracing (the API's no-op context manager just calls fn). */
export function withTenantContext<T>(tenantId: string | null, fn: () => T): T {
  if (!started || !tenantId) return fn();
  return context.with(context.active().setValue(TENANT, tenantId), fn);
}

/** Names the request's HTTP span by its route pattern and, once authenticated, its tenant. */
export function annotateHttpSpan(method: string, route: string | undefined, tenantId?: string | null) {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (route) {
    span.setAttribute('http.route', route);
    span.updateName(`${method} ${route}`);
  }
  if (tenantId) span.setAttribute(TENANT_ATTRIBUTE, tenantId);
}

const tenantOf = (active: Context) => active.getValue(TENANT) as string | undefined;

/** Removes a URL's query string (search terms are personal data). */
const withoutQuery = (value: unknown) => (typeof value === 'string' ? value.replace(/\?.*$/s, '') : value);
/** SQL with its quoted literals replaced by `?` (withOpening inlines values: server/plugins/db.ts). */
export const redactStatement = (value: unknown) =>
  typeof value === 'string' ? value.replace(/(?:\b[Ee])?'(?:[^']|'')*'/g, '?') : value;

const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.path'];
const DROPPED_ATTRIBUTES = [
  'url.query',
  'http.client_ip',
  'client.address',
  'net.peer.ip',
  'net.sock.peer.addr',
  'network.peer.address',
  'net.peer.port',
  'network.peer.port',
  'db.postgresql.values',
];
const STATEMENT_ATTRIBUTES = ['db.statement', 'db.query.text'];

/** Wraps the exporting processor: every span is scrubbed before it leaves the process. */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}
  onStart(span: Span, parent: Context) {
    this.next.onStart(span, parent);
  }
  onEnd(span: ReadableSpan) {
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of URL_ATTRIBUTES) if (key in attributes) attributes[key] = withoutQuery(attributes[key]);
    for (const key of DROPPED_ATTRIBUTES) delete attributes[key];
    for (const key of STATEMENT_ATTRIBUTES) if (key in attributes) attributes[key] = redactStatement(attributes[key]);
    this.next.onEnd(span);
  }
  forceFlush() {
    return this.next.forceFlush();
  }
  shutdown() {
    return this.next.shutdown();
  }
}

export interface Tracing {
  /** Exports what is pending and stops (at shutdown). */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing as the environment says: the exporter (OTEL_TRACES_EXPORTER otlp, the default
 * with an endpoint, or console), the OTLP endpoint and headers (read by the exporter itself),
 * OTEL_SERVICE_NAME (default estate-vault-api), the sampler (OTEL_TRACES_SAMPLER) and the batch
 * settings (OTEL_BSP_*). Call it before importing the application.
 */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<Tracing> {
  const [{ NodeTracerProvider, BatchSpanProcessor, ConsoleSpanExporter }, { resourceFromAttributes }] =
    await Promise.all([import('@opentelemetry/sdk-trace-node'), import('@opentelemetry/resources')]);
  const [{ registerInstrumentations }, { HttpInstrumentation }, { PgInstrumentation }] = await Promise.all([
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const kind = env.OTEL_TRACES_EXPORTER?.trim() || 'otlp';
  let exporter;
  if (kind === 'console') exporter = new ConsoleSpanExporter();
  else if (kind === 'otlp') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    exporter = new OTLPTraceExporter();
  } else throw new Error(`OTEL_TRACES_EXPORTER=${kind} is not supported here (otlp, console or none)`);

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || 'estate-vault-api' }),
    spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(exporter))],
  });
  // The global provider, AsyncLocalStorage context, W3C traceparent propagation.
  provider.register();
  started = true;
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Load balancers' probes are not traced.
        ignoreIncomingRequestHook: (request) => (request.url ?? '').startsWith('/health/'),
      }),
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requestHook: (span) => {
          const tenantId = tenantOf(context.active());
          if (tenantId) span.setAttribute(TENANT_ATTRIBUTE, tenantId);
        },
      }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
