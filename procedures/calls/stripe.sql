/* Typed calls of the Stripe event procedure: one annotated query per procedure. */

/* @name recordStripeEvent */
SELECT stripe_event_id AS "stripeEventId!", event_type AS "eventType!", outcome AS "outcome!"
FROM api.sp_record_stripe_event(p_event => :event!);
