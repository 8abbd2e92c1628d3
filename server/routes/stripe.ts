// Stripe's webhook: no user token, Stripe's signature instead. The signature covers the exact
// bytes Stripe sent, so this scope keeps bodies raw; a verified event is stored and applied in
// one transaction by one procedure, which finds the tenant from the ids the event names.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsync } from 'fastify';
import Stripe from 'stripe';
import * as stripe from '../../generated/stripe.queries.ts';
import { HttpProblem } from '../plugins/errors.ts';
import { jsonDeeperThan, jsonTooDeep, STRIPE_JSON_MAX_DEPTH } from '../plugins/limits.ts';
import { problemResponses } from '../schemas/common.ts';
import { StripeAcknowledgement } from '../schemas/stripe.ts';

export interface StripeWebhookOptions {
  /** The endpoint's signing secret (whsec_...); without it the endpoint answers 503. */
  secret?: string;
  /** How old a signature's timestamp may be, in seconds (Stripe's default: 300). */
  toleranceSeconds: number;
}

const stripeRoutes: FastifyPluginAsync<StripeWebhookOptions> = async (app, options) => {
  app.addHook('onRoute', tagRoutes(TAGS.webhooks));
  // Any content type, as raw bytes; up to 1 MiB (an invoice with many lines outgrows the API's 256 KiB).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/stripe',
    {
      schema: {
        summary: 'Receives a Stripe event: verifies its signature, stores it once and applies it',
        response: { 200: StripeAcknowledgement, ...problemResponses },
      },
    },
    async (request) => {
      if (!options.secret)
        throw new HttpProblem(503, 'stripe_webhook_not_configured', 'STRIPE_WEBHOOK_SECRET is not set');
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || !Buffer.isBuffer(request.body)) {
        throw new HttpProblem(
          400,
          'stripe_signature_invalid',
          'a Stripe-Signature header and the raw body are required',
        );
      }
      // Stripe's events are shallow; a body nested thousands deep is refused before anything parses it.
      if (jsonDeeperThan(request.body, STRIPE_JSON_MAX_DEPTH)) throw jsonTooDeep(STRIPE_JSON_MAX_DEPTH);
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(request.body, signature, options.secret, options.toleranceSeconds);
      } catch {
        // Bad signature, wrong secret, or a timestamp outside the tolerance (a replay): nothing is stored.
        throw new HttpProblem(400, 'stripe_signature_invalid', 'the Stripe-Signature header does not verify this body');
      }
      const [result] = await app.db.inContext(
        { tenantId: null, actorKind: 'system', actorId: 'stripe-webhook', requestId: request.id },
        (db) => stripe.recordStripeEvent.run({ event: event as unknown as stripe.Json }, db),
      );
      request.log.info(
        { stripeEventId: result.stripeEventId, type: result.eventType, outcome: result.outcome },
        'stripe event',
      );
      return { received: true as const, eventId: result.stripeEventId, outcome: result.outcome };
    },
  );
};

export default stripeRoutes;
