// Load shedding: when the event loop lags or too many requests already wait for a database
// connection, new requests are refused at once with 503 `server_busy` and Retry-After instead of
// queueing without bound (memory climbing, every answer late). docs/operations.md.
import fp from 'fastify-plugin';
import underPressure, { TYPE_EVENT_LOOP_DELAY } from '@fastify/under-pressure';
import { HttpProblem } from './errors.ts';

export interface LoadShedding {
  /** Mean event loop delay (ms, sampled each sampleIntervalMs) above which requests are refused; 0: off. */
  maxEventLoopDelayMs: number;
  /** Requests waiting for a pooled connection at which new ones are refused; 0: off. */
  maxPoolWaiting: number;
  sampleIntervalMs: number;
}

export const DEFAULT_LOAD_SHEDDING: LoadShedding = {
  maxEventLoopDelayMs: 1000,
  maxPoolWaiting: 50,
  sampleIntervalMs: 1000,
};

const busy = () => new HttpProblem(503, 'server_busy', 'the server is overloaded; retry later', { 'retry-after': '1' });

export default fp<LoadShedding>(
  async (fastify, options) => {
    if (options.maxEventLoopDelayMs > 0) {
      // Each sample covers the interval before it and stands until the next, so one that reaches
      // back before the first request can stand until two intervals after it. Such a sample
      // measured the start-up (loading and compiling the routes), not requests: the event-loop
      // check counts from then on. (A start-up that held the loop through a whole interval shed
      // the first requests, readiness probes included: test/operations.http.test.ts.)
      let firstRequestAt: number | undefined;
      fastify.addHook('onRequest', (_request, _reply, done) => {
        firstRequestAt ??= performance.now();
        done();
      });
      await fastify.register(underPressure, {
        maxEventLoopDelay: options.maxEventLoopDelayMs,
        sampleInterval: options.sampleIntervalMs,
        pressureHandler: (_request, _reply, type) => {
          if (type === TYPE_EVENT_LOOP_DELAY && performance.now() - firstRequestAt! < 2 * options.sampleIntervalMs)
            return;
          return Promise.reject(busy());
        },
      });
    }
    if (options.maxPoolWaiting > 0) {
      fastify.addHook('onRequest', async (request) => {
        // Liveness answers whatever the load: an orchestrator must not restart a busy instance.
        if (request.routeOptions.config.shedLoad === false) return;
        if (fastify.db.api.waitingCount >= options.maxPoolWaiting) throw busy();
      });
    }
  },
  { name: 'load-shedding', dependencies: ['db', 'errors'] },
);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route answers even when the server sheds load (liveness). */
    shedLoad?: boolean;
  }
}
