/* Typed calls of the billing procedures: one annotated query per procedure. */

/* @name listPlans */
SELECT plan_code AS "planCode!", name AS "name!", description AS "description!", price_amount AS "priceAmount!",
       currency AS "currency!", billing_interval AS "billingInterval", max_ffcs AS "maxFfcs", max_seats AS "maxSeats",
       max_assets AS "maxAssets", max_storage_mb AS "maxStorageMb", is_current AS "isCurrent!"
FROM api.sp_list_plans();

/* @name assignFreePlan */
SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", status AS "status!"
FROM api.sp_assign_free_plan();

/* @name getMySubscription */
SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
       effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
       currency AS "currency!",
       billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
       current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
       ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_my_subscription();

/* @name createSubscription */
SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
       effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
       currency AS "currency!",
       billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
       current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
       ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_subscription(p_plan_code => :planCode!);

/* @name upgradeSubscription */
SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
       effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
       currency AS "currency!",
       billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
       current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
       ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_upgrade_subscription(p_plan_code => :planCode!);

/* @name cancelSubscription */
SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
       effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
       currency AS "currency!",
       billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
       current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
       ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_cancel_subscription(p_at_period_end => :atPeriodEnd!);

/* @name listSubscriptionChanges */
SELECT change_id AS "changeId!", subscription_id AS "subscriptionId!", from_plan_code AS "fromPlanCode",
       to_plan_code AS "toPlanCode!", change_kind AS "changeKind!", source AS "source!", changed_at AS "changedAt!",
       total AS "total!"
FROM api.sp_list_subscription_changes(p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name listSubscriptionSeats */
SELECT seat_id AS "seatId!", persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!",
       first_ffc_id AS "firstFfcId!", ffc_name AS "ffcName!", assigned_at AS "assignedAt!"
FROM api.sp_list_subscription_seats();

/* @name calculateUsage */
SELECT metric AS "metric!", used AS "used!", usage_limit AS "limit", remaining AS "remaining", plan_code AS "planCode!"
FROM api.sp_calculate_usage();

/* @name addPaymentMethod */
SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
       exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
FROM api.sp_add_payment_method(p_stripe_payment_method_id => :stripePaymentMethodId!, p_kind => :kind!, p_brand => :brand!,
                               p_last4 => :last4!, p_exp_month => :expMonth, p_exp_year => :expYear,
                               p_make_default => :makeDefault!);

/* @name listPaymentMethods */
SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
       exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
FROM api.sp_list_payment_methods();

/* @name removePaymentMethod */
SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
       exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
FROM api.sp_remove_payment_method(p_payment_method_id => :paymentMethodId!);

/* @name listInvoices */
SELECT invoice_id AS "invoiceId!", subscription_id AS "subscriptionId!", number AS "number", status AS "status!",
       currency AS "currency!", amount_due AS "amountDue!", amount_paid AS "amountPaid!", amount_remaining AS "amountRemaining!",
       period_start AS "periodStart", period_end AS "periodEnd", finalized_at AS "finalizedAt", paid_at AS "paidAt",
       created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_invoices(p_status => :status, p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name getInvoice */
SELECT invoice_id AS "invoiceId!", subscription_id AS "subscriptionId!", number AS "number", status AS "status!",
       currency AS "currency!", amount_due AS "amountDue!", amount_paid AS "amountPaid!", amount_remaining AS "amountRemaining!",
       attempt_count AS "attemptCount!", billing_reason AS "billingReason", period_start AS "periodStart",
       period_end AS "periodEnd", hosted_invoice_url AS "hostedInvoiceUrl", finalized_at AS "finalizedAt", paid_at AS "paidAt",
       payments AS "payments!", created_at AS "createdAt!"
FROM api.sp_get_invoice(p_invoice_id => :invoiceId!);

/* @name setTenantPlan */
SELECT plan_code AS "planCode!", is_available AS "isAvailable!", price_amount AS "priceAmount!", currency AS "currency!",
       stripe_price_id AS "stripePriceId", max_ffcs AS "maxFfcs", max_seats AS "maxSeats", max_assets AS "maxAssets",
       max_storage_mb AS "maxStorageMb"
FROM support.sp_set_tenant_plan(p_tenant_id => :tenantId!, p_plan_code => :planCode!, p_is_available => :isAvailable!,
                                p_price_amount => :priceAmount, p_currency => :currency, p_stripe_price_id => :stripePriceId,
                                p_feature_limits => :featureLimits!);

/* @name getPaymentSummary */
SELECT currency AS "currency!", payments_total AS "paymentsTotal!", refunds_total AS "refundsTotal!", balance AS "balance!",
       payment_count AS "paymentCount!", refund_count AS "refundCount!", failed_payment_count AS "failedPaymentCount!",
       last_posted_at AS "lastPostedAt!"
FROM support.sp_get_payment_summary(p_tenant_id => :tenantId!);

/* @name listActiveSubscriptions */
SELECT subscription_id AS "subscriptionId!", user_id AS "userId!", email_masked AS "emailMasked", plan_code AS "planCode!",
       status AS "status!", seats_used AS "seatsUsed!", current_period_end AS "currentPeriodEnd",
       cancel_at_period_end AS "cancelAtPeriodEnd!", created_at AS "createdAt!"
FROM support.sp_list_active_subscriptions(p_tenant_id => :tenantId!, p_limit => :limit!, p_offset => :offset!);
