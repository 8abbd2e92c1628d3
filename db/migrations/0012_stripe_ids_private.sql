-- Stripe ids that name a person's payment credentials or their Stripe customer stay out of the
-- audit log, and a payment-method token is unique per user, not per tenant.
--
-- The audit log keeps what changed for years and is read by support: a PaymentMethod id (pm_) is
-- a payment credential's handle and a Customer id (cus_) opens the person's Stripe profile, so
-- both are stored as "[redacted]" there (the live rows keep them). app.stripe_routes' routing
-- keys include customer ids: redacted too. Subscription, invoice, payment-intent and charge ids
-- stay in clear: they are what support reconciles with Stripe's dashboard. Audit rows written
-- before this migration are not rewritten (the log is append-only).
--
-- A pm_ token stored by another user of the tenant used to answer 409 payment_method_exists to
-- anyone who sent it: an oracle on other users' cards. Uniqueness is now the user's own
-- (sp_add_payment_method checks the caller's methods only).

drop trigger _500_audit on app.payment_methods;
create trigger _500_audit after insert or update or delete on app.payment_methods
  for each row execute function audit.tg_audit__row('stripe_payment_method_id');

drop trigger _500_audit on app.subscriptions;
create trigger _500_audit after insert or update or delete on app.subscriptions
  for each row execute function audit.tg_audit__row('stripe_customer_id');

drop trigger _500_audit on app.stripe_routes;
create trigger _500_audit after insert or update or delete on app.stripe_routes
  for each row execute function audit.tg_audit__row('routing_key');

drop index app.payment_methods_stripe_key;
create unique index payment_methods_stripe_key on app.payment_methods (tenant_id, user_id, stripe_payment_method_id)
  where status = 'active';
