// Response schema of the Stripe webhook route.
import { Type } from 'typebox';

export const StripeAcknowledgement = Type.Object({
  received: Type.Literal(true),
  eventId: Type.String(),
  outcome: Type.String({
    description:
      'applied; duplicate (already received: nothing changed); stale (older than the state applied); ignored (not acted on); unroutable (old, and naming nothing known here: not stored)',
  }),
});
