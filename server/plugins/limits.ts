// Limits plugin: what a request may cost before a route sees it. JSON bodies are parsed only up to
// a nesting depth (checked by one linear scan before parsing), only application/json is accepted
// as a body (anything else is 415), and a request naming its credentials twice is refused.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from './errors.ts';

/** The deepest JSON an API body may be: the schemas' deepest is 3 (an object in an object in a body). */
export const API_JSON_MAX_DEPTH = 16;
/** The deepest JSON a Stripe event may be (theirs reach about 10: an invoice's lines' prices). */
export const STRIPE_JSON_MAX_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/** True when the JSON text nests objects and arrays deeper than `max`: one pass, strings skipped. */
export function jsonDeeperThan(text: string | Buffer, max: number): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

export const jsonTooDeep = (max: number) =>
  new HttpProblem(400, 'json_too_deep', `the body nests objects and arrays more than ${max} levels deep`);

/** The one JSON parser of the API's routes: Fastify's own (prototype poisoning refused), after the depth check. */
export function useBoundedJsonParser(app: FastifyInstance, maxDepth: number) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if (jsonDeeperThan(body as Buffer, maxDepth)) return done(jsonTooDeep(maxDepth), undefined);
    return parse(request, (body as Buffer).toString('utf8'), done);
  });
}

export default fp(
  async (app) => {
    useBoundedJsonParser(app, API_JSON_MAX_DEPTH);
    // Node keeps the first of two Authorization headers and drops the other; which one a proxy
    // checked is then anyone's guess: a request naming two credentials is refused.
    app.addHook('onRequest', async (request) => {
      let seen = 0;
      for (let i = 0; i < request.raw.rawHeaders.length; i += 2) {
        if (request.raw.rawHeaders[i].toLowerCase() === 'authorization' && ++seen > 1)
          throw new HttpProblem(400, 'duplicate_header', 'the request has more than one Authorization header');
      }
    });
  },
  { name: 'limits', dependencies: ['errors'] },
);
