// Prometheus metrics (prom-client), served on their own port (METRICS_PORT: server/main.ts) so
// that they never share the public listener: requests by route pattern and status, their latency,
// the pool's connections and waiters, and database errors. docs/operations.md.
import http from 'node:http';
import fp from 'fastify-plugin';
import client from 'prom-client';
import { guardPool, isDatabaseUnavailable } from '../db_faults.ts';
import { droppedLogLines } from '../log_destination.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: client.Registry;
  }
}

/** The label of a request's route: its pattern (`/v1/assets/:assetId`), never the URL itself. */
const routeOf = (url: string | undefined) => url ?? 'unmatched';

export default fp(
  async (fastify) => {
    const registry = new client.Registry();
    client.collectDefaultMetrics({ register: registry });
    const labelNames = ['method', 'route', 'status'] as const;
    const requests = new client.Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames,
      registers: [registry],
    });
    const duration = new client.Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const databaseErrors = new client.Counter({
      name: 'database_errors_total',
      help: 'Database errors: lost or refused connections (kind=unavailable) and failed statements (kind=statement), by SQLSTATE or error code',
      labelNames: ['kind', 'code'],
      registers: [registry],
    });
    const pool = fastify.db.api;
    const gauge = (name: string, help: string, read: () => number) =>
      new client.Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    gauge('db_pool_connections_total', 'Connections the API pool holds (idle and in use)', () => pool.totalCount);
    gauge('db_pool_connections_idle', 'Idle connections of the API pool', () => pool.idleCount);
    gauge('db_pool_requests_waiting', 'Requests waiting for a connection of the API pool', () => pool.waitingCount);
    new client.Counter({
      name: 'log_lines_dropped_total',
      help: 'Log lines dropped because 16 MiB were waiting to be written to stdout (server/log_destination.ts)',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(droppedLogLines());
      },
    });

    const replica = fastify.db.replica;
    if (replica) {
      const reads = new client.Counter({
        name: 'db_replica_reads_total',
        help: 'GETs with a database read, by where they were served: reason=replica, or why the primary served them',
        labelNames: ['reason'],
        registers: [registry],
      });
      replica.onRead = (reason) => reads.inc({ reason });
      gauge('db_replica_lag_seconds', 'How far the replica lags behind the primary (+Inf: down or unknown)', () => {
        const { lagMs } = replica.status();
        return lagMs / 1000;
      });
    }

    const countDatabaseError = (error: unknown) => {
      const code = String((error as { code?: unknown })?.code ?? 'none');
      if (isDatabaseUnavailable(error)) databaseErrors.inc({ kind: 'unavailable', code });
      else if (/^[0-9A-Z]{5}$/.test(code) && typeof (error as { severity?: unknown }).severity === 'string')
        databaseErrors.inc({ kind: 'statement', code });
    };
    // Connections that fail outside any request (idle in the pool) count too.
    guardPool(pool, (error) => countDatabaseError(error));
    fastify.addHook('onError', async (_request, _reply, error) => countDatabaseError(error));
    fastify.addHook('onResponse', async (request, reply) => {
      const labels = { method: request.method, route: routeOf(request.routeOptions.url), status: reply.statusCode };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    });
    fastify.decorate('metrics', registry);
  },
  { name: 'metrics', dependencies: ['db'] },
);

/** Serves GET /metrics of a registry on host:port (port 0: any free one); close() stops it. */
export async function startMetricsServer(registry: client.Registry, host: string, port: number) {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
