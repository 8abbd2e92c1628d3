/** Types generated for queries found in "procedures/calls/billing.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ListPlans' parameters type */
export type IListPlansParams = void;

/** 'ListPlans' return type */
export interface IListPlansResult {
  billingInterval: string | null;
  currency: string;
  description: string;
  isCurrent: boolean;
  maxAssets: string | null;
  maxFfcs: string | null;
  maxSeats: string | null;
  maxStorageMb: string | null;
  name: string;
  planCode: string;
  priceAmount: string;
}

/** 'ListPlans' query type */
export interface IListPlansQuery {
  params: IListPlansParams;
  result: IListPlansResult;
}

const listPlansIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT plan_code AS \"planCode!\", name AS \"name!\", description AS \"description!\", price_amount AS \"priceAmount!\",\n       currency AS \"currency!\", billing_interval AS \"billingInterval\", max_ffcs AS \"maxFfcs\", max_seats AS \"maxSeats\",\n       max_assets AS \"maxAssets\", max_storage_mb AS \"maxStorageMb\", is_current AS \"isCurrent!\"\nFROM api.sp_list_plans()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT plan_code AS "planCode!", name AS "name!", description AS "description!", price_amount AS "priceAmount!",
 *        currency AS "currency!", billing_interval AS "billingInterval", max_ffcs AS "maxFfcs", max_seats AS "maxSeats",
 *        max_assets AS "maxAssets", max_storage_mb AS "maxStorageMb", is_current AS "isCurrent!"
 * FROM api.sp_list_plans()
 * ```
 */
export const listPlans = new PreparedQuery<IListPlansParams,IListPlansResult>(listPlansIR);


/** 'AssignFreePlan' parameters type */
export type IAssignFreePlanParams = void;

/** 'AssignFreePlan' return type */
export interface IAssignFreePlanResult {
  planCode: string;
  status: string;
  subscriptionId: string;
}

/** 'AssignFreePlan' query type */
export interface IAssignFreePlanQuery {
  params: IAssignFreePlanParams;
  result: IAssignFreePlanResult;
}

const assignFreePlanIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT subscription_id AS \"subscriptionId!\", plan_code AS \"planCode!\", status AS \"status!\"\nFROM api.sp_assign_free_plan()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", status AS "status!"
 * FROM api.sp_assign_free_plan()
 * ```
 */
export const assignFreePlan = new PreparedQuery<IAssignFreePlanParams,IAssignFreePlanResult>(assignFreePlanIR);


/** 'GetMySubscription' parameters type */
export type IGetMySubscriptionParams = void;

/** 'GetMySubscription' return type */
export interface IGetMySubscriptionResult {
  billingInterval: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  createdAt: Date;
  currency: string;
  currentPeriodEnd: Date | null;
  currentPeriodStart: Date | null;
  effectivePlanCode: string;
  endedAt: Date | null;
  pendingPlanCode: string | null;
  planCode: string;
  planName: string;
  priceAmount: string;
  status: string;
  stripeLinked: boolean;
  subscriptionId: string;
  updatedAt: Date;
}

/** 'GetMySubscription' query type */
export interface IGetMySubscriptionQuery {
  params: IGetMySubscriptionParams;
  result: IGetMySubscriptionResult;
}

const getMySubscriptionIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT subscription_id AS \"subscriptionId!\", plan_code AS \"planCode!\", plan_name AS \"planName!\", status AS \"status!\",\n       effective_plan_code AS \"effectivePlanCode!\", pending_plan_code AS \"pendingPlanCode\", price_amount AS \"priceAmount!\",\n       currency AS \"currency!\",\n       billing_interval AS \"billingInterval\", cancel_at_period_end AS \"cancelAtPeriodEnd!\",\n       current_period_start AS \"currentPeriodStart\", current_period_end AS \"currentPeriodEnd\", canceled_at AS \"canceledAt\",\n       ended_at AS \"endedAt\", stripe_linked AS \"stripeLinked!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_my_subscription()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
 *        effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
 *        currency AS "currency!",
 *        billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
 *        current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
 *        ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_my_subscription()
 * ```
 */
export const getMySubscription = new PreparedQuery<IGetMySubscriptionParams,IGetMySubscriptionResult>(getMySubscriptionIR);


/** 'CreateSubscription' parameters type */
export interface ICreateSubscriptionParams {
  planCode: string;
}

/** 'CreateSubscription' return type */
export interface ICreateSubscriptionResult {
  billingInterval: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  createdAt: Date;
  currency: string;
  currentPeriodEnd: Date | null;
  currentPeriodStart: Date | null;
  effectivePlanCode: string;
  endedAt: Date | null;
  pendingPlanCode: string | null;
  planCode: string;
  planName: string;
  priceAmount: string;
  status: string;
  stripeLinked: boolean;
  subscriptionId: string;
  updatedAt: Date;
}

/** 'CreateSubscription' query type */
export interface ICreateSubscriptionQuery {
  params: ICreateSubscriptionParams;
  result: ICreateSubscriptionResult;
}

const createSubscriptionIR: any = {"usedParamSet":{"planCode":true},"params":[{"name":"planCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":656,"b":665}]}],"statement":"SELECT subscription_id AS \"subscriptionId!\", plan_code AS \"planCode!\", plan_name AS \"planName!\", status AS \"status!\",\n       effective_plan_code AS \"effectivePlanCode!\", pending_plan_code AS \"pendingPlanCode\", price_amount AS \"priceAmount!\",\n       currency AS \"currency!\",\n       billing_interval AS \"billingInterval\", cancel_at_period_end AS \"cancelAtPeriodEnd!\",\n       current_period_start AS \"currentPeriodStart\", current_period_end AS \"currentPeriodEnd\", canceled_at AS \"canceledAt\",\n       ended_at AS \"endedAt\", stripe_linked AS \"stripeLinked!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_subscription(p_plan_code => :planCode!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
 *        effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
 *        currency AS "currency!",
 *        billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
 *        current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
 *        ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_subscription(p_plan_code => :planCode!)
 * ```
 */
export const createSubscription = new PreparedQuery<ICreateSubscriptionParams,ICreateSubscriptionResult>(createSubscriptionIR);


/** 'UpgradeSubscription' parameters type */
export interface IUpgradeSubscriptionParams {
  planCode: string;
}

/** 'UpgradeSubscription' return type */
export interface IUpgradeSubscriptionResult {
  billingInterval: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  createdAt: Date;
  currency: string;
  currentPeriodEnd: Date | null;
  currentPeriodStart: Date | null;
  effectivePlanCode: string;
  endedAt: Date | null;
  pendingPlanCode: string | null;
  planCode: string;
  planName: string;
  priceAmount: string;
  status: string;
  stripeLinked: boolean;
  subscriptionId: string;
  updatedAt: Date;
}

/** 'UpgradeSubscription' query type */
export interface IUpgradeSubscriptionQuery {
  params: IUpgradeSubscriptionParams;
  result: IUpgradeSubscriptionResult;
}

const upgradeSubscriptionIR: any = {"usedParamSet":{"planCode":true},"params":[{"name":"planCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":657,"b":666}]}],"statement":"SELECT subscription_id AS \"subscriptionId!\", plan_code AS \"planCode!\", plan_name AS \"planName!\", status AS \"status!\",\n       effective_plan_code AS \"effectivePlanCode!\", pending_plan_code AS \"pendingPlanCode\", price_amount AS \"priceAmount!\",\n       currency AS \"currency!\",\n       billing_interval AS \"billingInterval\", cancel_at_period_end AS \"cancelAtPeriodEnd!\",\n       current_period_start AS \"currentPeriodStart\", current_period_end AS \"currentPeriodEnd\", canceled_at AS \"canceledAt\",\n       ended_at AS \"endedAt\", stripe_linked AS \"stripeLinked!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_upgrade_subscription(p_plan_code => :planCode!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
 *        effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
 *        currency AS "currency!",
 *        billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
 *        current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
 *        ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_upgrade_subscription(p_plan_code => :planCode!)
 * ```
 */
export const upgradeSubscription = new PreparedQuery<IUpgradeSubscriptionParams,IUpgradeSubscriptionResult>(upgradeSubscriptionIR);


/** 'CancelSubscription' parameters type */
export interface ICancelSubscriptionParams {
  atPeriodEnd: boolean;
}

/** 'CancelSubscription' return type */
export interface ICancelSubscriptionResult {
  billingInterval: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  createdAt: Date;
  currency: string;
  currentPeriodEnd: Date | null;
  currentPeriodStart: Date | null;
  effectivePlanCode: string;
  endedAt: Date | null;
  pendingPlanCode: string | null;
  planCode: string;
  planName: string;
  priceAmount: string;
  status: string;
  stripeLinked: boolean;
  subscriptionId: string;
  updatedAt: Date;
}

/** 'CancelSubscription' query type */
export interface ICancelSubscriptionQuery {
  params: ICancelSubscriptionParams;
  result: ICancelSubscriptionResult;
}

const cancelSubscriptionIR: any = {"usedParamSet":{"atPeriodEnd":true},"params":[{"name":"atPeriodEnd","required":true,"transform":{"type":"scalar"},"locs":[{"a":660,"b":672}]}],"statement":"SELECT subscription_id AS \"subscriptionId!\", plan_code AS \"planCode!\", plan_name AS \"planName!\", status AS \"status!\",\n       effective_plan_code AS \"effectivePlanCode!\", pending_plan_code AS \"pendingPlanCode\", price_amount AS \"priceAmount!\",\n       currency AS \"currency!\",\n       billing_interval AS \"billingInterval\", cancel_at_period_end AS \"cancelAtPeriodEnd!\",\n       current_period_start AS \"currentPeriodStart\", current_period_end AS \"currentPeriodEnd\", canceled_at AS \"canceledAt\",\n       ended_at AS \"endedAt\", stripe_linked AS \"stripeLinked!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_cancel_subscription(p_at_period_end => :atPeriodEnd!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", plan_code AS "planCode!", plan_name AS "planName!", status AS "status!",
 *        effective_plan_code AS "effectivePlanCode!", pending_plan_code AS "pendingPlanCode", price_amount AS "priceAmount!",
 *        currency AS "currency!",
 *        billing_interval AS "billingInterval", cancel_at_period_end AS "cancelAtPeriodEnd!",
 *        current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt",
 *        ended_at AS "endedAt", stripe_linked AS "stripeLinked!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_cancel_subscription(p_at_period_end => :atPeriodEnd!)
 * ```
 */
export const cancelSubscription = new PreparedQuery<ICancelSubscriptionParams,ICancelSubscriptionResult>(cancelSubscriptionIR);


/** 'ListSubscriptionChanges' parameters type */
export interface IListSubscriptionChangesParams {
  limit: number;
  offset: number;
  sort?: string | null | void;
}

/** 'ListSubscriptionChanges' return type */
export interface IListSubscriptionChangesResult {
  changedAt: Date;
  changeId: string;
  changeKind: string;
  fromPlanCode: string | null;
  source: string;
  subscriptionId: string;
  toPlanCode: string;
  total: number;
}

/** 'ListSubscriptionChanges' query type */
export interface IListSubscriptionChangesQuery {
  params: IListSubscriptionChangesParams;
  result: IListSubscriptionChangesResult;
}

const listSubscriptionChangesIR: any = {"usedParamSet":{"sort":true,"limit":true,"offset":true},"params":[{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":295,"b":299}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":313,"b":319}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":334,"b":341}]}],"statement":"SELECT change_id AS \"changeId!\", subscription_id AS \"subscriptionId!\", from_plan_code AS \"fromPlanCode\",\n       to_plan_code AS \"toPlanCode!\", change_kind AS \"changeKind!\", source AS \"source!\", changed_at AS \"changedAt!\",\n       total AS \"total!\"\nFROM api.sp_list_subscription_changes(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT change_id AS "changeId!", subscription_id AS "subscriptionId!", from_plan_code AS "fromPlanCode",
 *        to_plan_code AS "toPlanCode!", change_kind AS "changeKind!", source AS "source!", changed_at AS "changedAt!",
 *        total AS "total!"
 * FROM api.sp_list_subscription_changes(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listSubscriptionChanges = new PreparedQuery<IListSubscriptionChangesParams,IListSubscriptionChangesResult>(listSubscriptionChangesIR);


/** 'ListSubscriptionSeats' parameters type */
export type IListSubscriptionSeatsParams = void;

/** 'ListSubscriptionSeats' return type */
export interface IListSubscriptionSeatsResult {
  assignedAt: Date;
  ffcName: string;
  firstFfcId: string;
  firstName: string;
  lastName: string;
  personaId: string;
  seatId: string;
}

/** 'ListSubscriptionSeats' query type */
export interface IListSubscriptionSeatsQuery {
  params: IListSubscriptionSeatsParams;
  result: IListSubscriptionSeatsResult;
}

const listSubscriptionSeatsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT seat_id AS \"seatId!\", persona_id AS \"personaId!\", first_name AS \"firstName!\", last_name AS \"lastName!\",\n       first_ffc_id AS \"firstFfcId!\", ffc_name AS \"ffcName!\", assigned_at AS \"assignedAt!\"\nFROM api.sp_list_subscription_seats()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT seat_id AS "seatId!", persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!",
 *        first_ffc_id AS "firstFfcId!", ffc_name AS "ffcName!", assigned_at AS "assignedAt!"
 * FROM api.sp_list_subscription_seats()
 * ```
 */
export const listSubscriptionSeats = new PreparedQuery<IListSubscriptionSeatsParams,IListSubscriptionSeatsResult>(listSubscriptionSeatsIR);


/** 'CalculateUsage' parameters type */
export type ICalculateUsageParams = void;

/** 'CalculateUsage' return type */
export interface ICalculateUsageResult {
  limit: string | null;
  metric: string;
  planCode: string;
  remaining: string | null;
  used: string;
}

/** 'CalculateUsage' query type */
export interface ICalculateUsageQuery {
  params: ICalculateUsageParams;
  result: ICalculateUsageResult;
}

const calculateUsageIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT metric AS \"metric!\", used AS \"used!\", usage_limit AS \"limit\", remaining AS \"remaining\", plan_code AS \"planCode!\"\nFROM api.sp_calculate_usage()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT metric AS "metric!", used AS "used!", usage_limit AS "limit", remaining AS "remaining", plan_code AS "planCode!"
 * FROM api.sp_calculate_usage()
 * ```
 */
export const calculateUsage = new PreparedQuery<ICalculateUsageParams,ICalculateUsageResult>(calculateUsageIR);


/** 'AddPaymentMethod' parameters type */
export interface IAddPaymentMethodParams {
  brand: string;
  expMonth?: number | null | void;
  expYear?: number | null | void;
  kind: string;
  last4: string;
  makeDefault: boolean;
  stripePaymentMethodId: string;
}

/** 'AddPaymentMethod' return type */
export interface IAddPaymentMethodResult {
  brand: string;
  createdAt: Date;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  kind: string;
  last4: string;
  paymentMethodId: string;
}

/** 'AddPaymentMethod' query type */
export interface IAddPaymentMethodQuery {
  params: IAddPaymentMethodParams;
  result: IAddPaymentMethodResult;
}

const addPaymentMethodIR: any = {"usedParamSet":{"stripePaymentMethodId":true,"kind":true,"brand":true,"last4":true,"expMonth":true,"expYear":true,"makeDefault":true},"params":[{"name":"stripePaymentMethodId","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":296}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":309,"b":314}]},{"name":"brand","required":true,"transform":{"type":"scalar"},"locs":[{"a":328,"b":334}]},{"name":"last4","required":true,"transform":{"type":"scalar"},"locs":[{"a":379,"b":385}]},{"name":"expMonth","required":false,"transform":{"type":"scalar"},"locs":[{"a":403,"b":411}]},{"name":"expYear","required":false,"transform":{"type":"scalar"},"locs":[{"a":428,"b":435}]},{"name":"makeDefault","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":499}]}],"statement":"SELECT payment_method_id AS \"paymentMethodId!\", kind AS \"kind!\", brand AS \"brand!\", last4 AS \"last4!\",\n       exp_month AS \"expMonth\", exp_year AS \"expYear\", is_default AS \"isDefault!\", created_at AS \"createdAt!\"\nFROM api.sp_add_payment_method(p_stripe_payment_method_id => :stripePaymentMethodId!, p_kind => :kind!, p_brand => :brand!,\n                               p_last4 => :last4!, p_exp_month => :expMonth, p_exp_year => :expYear,\n                               p_make_default => :makeDefault!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
 *        exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
 * FROM api.sp_add_payment_method(p_stripe_payment_method_id => :stripePaymentMethodId!, p_kind => :kind!, p_brand => :brand!,
 *                                p_last4 => :last4!, p_exp_month => :expMonth, p_exp_year => :expYear,
 *                                p_make_default => :makeDefault!)
 * ```
 */
export const addPaymentMethod = new PreparedQuery<IAddPaymentMethodParams,IAddPaymentMethodResult>(addPaymentMethodIR);


/** 'ListPaymentMethods' parameters type */
export type IListPaymentMethodsParams = void;

/** 'ListPaymentMethods' return type */
export interface IListPaymentMethodsResult {
  brand: string;
  createdAt: Date;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  kind: string;
  last4: string;
  paymentMethodId: string;
}

/** 'ListPaymentMethods' query type */
export interface IListPaymentMethodsQuery {
  params: IListPaymentMethodsParams;
  result: IListPaymentMethodsResult;
}

const listPaymentMethodsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT payment_method_id AS \"paymentMethodId!\", kind AS \"kind!\", brand AS \"brand!\", last4 AS \"last4!\",\n       exp_month AS \"expMonth\", exp_year AS \"expYear\", is_default AS \"isDefault!\", created_at AS \"createdAt!\"\nFROM api.sp_list_payment_methods()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
 *        exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
 * FROM api.sp_list_payment_methods()
 * ```
 */
export const listPaymentMethods = new PreparedQuery<IListPaymentMethodsParams,IListPaymentMethodsResult>(listPaymentMethodsIR);


/** 'RemovePaymentMethod' parameters type */
export interface IRemovePaymentMethodParams {
  paymentMethodId: string;
}

/** 'RemovePaymentMethod' return type */
export interface IRemovePaymentMethodResult {
  brand: string;
  createdAt: Date;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  kind: string;
  last4: string;
  paymentMethodId: string;
}

/** 'RemovePaymentMethod' query type */
export interface IRemovePaymentMethodQuery {
  params: IRemovePaymentMethodParams;
  result: IRemovePaymentMethodResult;
}

const removePaymentMethodIR: any = {"usedParamSet":{"paymentMethodId":true},"params":[{"name":"paymentMethodId","required":true,"transform":{"type":"scalar"},"locs":[{"a":270,"b":286}]}],"statement":"SELECT payment_method_id AS \"paymentMethodId!\", kind AS \"kind!\", brand AS \"brand!\", last4 AS \"last4!\",\n       exp_month AS \"expMonth\", exp_year AS \"expYear\", is_default AS \"isDefault!\", created_at AS \"createdAt!\"\nFROM api.sp_remove_payment_method(p_payment_method_id => :paymentMethodId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT payment_method_id AS "paymentMethodId!", kind AS "kind!", brand AS "brand!", last4 AS "last4!",
 *        exp_month AS "expMonth", exp_year AS "expYear", is_default AS "isDefault!", created_at AS "createdAt!"
 * FROM api.sp_remove_payment_method(p_payment_method_id => :paymentMethodId!)
 * ```
 */
export const removePaymentMethod = new PreparedQuery<IRemovePaymentMethodParams,IRemovePaymentMethodResult>(removePaymentMethodIR);


/** 'ListInvoices' parameters type */
export interface IListInvoicesParams {
  limit: number;
  offset: number;
  sort?: string | null | void;
  status?: string | null | void;
}

/** 'ListInvoices' return type */
export interface IListInvoicesResult {
  amountDue: string;
  amountPaid: string;
  amountRemaining: string;
  createdAt: Date;
  currency: string;
  finalizedAt: Date | null;
  invoiceId: string;
  number: string | null;
  paidAt: Date | null;
  periodEnd: Date | null;
  periodStart: Date | null;
  status: string;
  subscriptionId: string;
  total: number;
}

/** 'ListInvoices' query type */
export interface IListInvoicesQuery {
  params: IListInvoicesParams;
  result: IListInvoicesResult;
}

const listInvoicesIR: any = {"usedParamSet":{"status":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":452,"b":458}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":471,"b":475}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":489,"b":495}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":510,"b":517}]}],"statement":"SELECT invoice_id AS \"invoiceId!\", subscription_id AS \"subscriptionId!\", number AS \"number\", status AS \"status!\",\n       currency AS \"currency!\", amount_due AS \"amountDue!\", amount_paid AS \"amountPaid!\", amount_remaining AS \"amountRemaining!\",\n       period_start AS \"periodStart\", period_end AS \"periodEnd\", finalized_at AS \"finalizedAt\", paid_at AS \"paidAt\",\n       created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_invoices(p_status => :status, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invoice_id AS "invoiceId!", subscription_id AS "subscriptionId!", number AS "number", status AS "status!",
 *        currency AS "currency!", amount_due AS "amountDue!", amount_paid AS "amountPaid!", amount_remaining AS "amountRemaining!",
 *        period_start AS "periodStart", period_end AS "periodEnd", finalized_at AS "finalizedAt", paid_at AS "paidAt",
 *        created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_invoices(p_status => :status, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listInvoices = new PreparedQuery<IListInvoicesParams,IListInvoicesResult>(listInvoicesIR);


/** 'GetInvoice' parameters type */
export interface IGetInvoiceParams {
  invoiceId: string;
}

/** 'GetInvoice' return type */
export interface IGetInvoiceResult {
  amountDue: string;
  amountPaid: string;
  amountRemaining: string;
  attemptCount: number;
  billingReason: string | null;
  createdAt: Date;
  currency: string;
  finalizedAt: Date | null;
  hostedInvoiceUrl: string | null;
  invoiceId: string;
  number: string | null;
  paidAt: Date | null;
  payments: Json;
  periodEnd: Date | null;
  periodStart: Date | null;
  status: string;
  subscriptionId: string;
}

/** 'GetInvoice' query type */
export interface IGetInvoiceQuery {
  params: IGetInvoiceParams;
  result: IGetInvoiceResult;
}

const getInvoiceIR: any = {"usedParamSet":{"invoiceId":true},"params":[{"name":"invoiceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":578,"b":588}]}],"statement":"SELECT invoice_id AS \"invoiceId!\", subscription_id AS \"subscriptionId!\", number AS \"number\", status AS \"status!\",\n       currency AS \"currency!\", amount_due AS \"amountDue!\", amount_paid AS \"amountPaid!\", amount_remaining AS \"amountRemaining!\",\n       attempt_count AS \"attemptCount!\", billing_reason AS \"billingReason\", period_start AS \"periodStart\",\n       period_end AS \"periodEnd\", hosted_invoice_url AS \"hostedInvoiceUrl\", finalized_at AS \"finalizedAt\", paid_at AS \"paidAt\",\n       payments AS \"payments!\", created_at AS \"createdAt!\"\nFROM api.sp_get_invoice(p_invoice_id => :invoiceId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invoice_id AS "invoiceId!", subscription_id AS "subscriptionId!", number AS "number", status AS "status!",
 *        currency AS "currency!", amount_due AS "amountDue!", amount_paid AS "amountPaid!", amount_remaining AS "amountRemaining!",
 *        attempt_count AS "attemptCount!", billing_reason AS "billingReason", period_start AS "periodStart",
 *        period_end AS "periodEnd", hosted_invoice_url AS "hostedInvoiceUrl", finalized_at AS "finalizedAt", paid_at AS "paidAt",
 *        payments AS "payments!", created_at AS "createdAt!"
 * FROM api.sp_get_invoice(p_invoice_id => :invoiceId!)
 * ```
 */
export const getInvoice = new PreparedQuery<IGetInvoiceParams,IGetInvoiceResult>(getInvoiceIR);


/** 'SetTenantPlan' parameters type */
export interface ISetTenantPlanParams {
  currency?: string | null | void;
  featureLimits: Json;
  isAvailable: boolean;
  planCode: string;
  priceAmount?: string | null | void;
  stripePriceId?: string | null | void;
  tenantId: string;
}

/** 'SetTenantPlan' return type */
export interface ISetTenantPlanResult {
  currency: string;
  isAvailable: boolean;
  maxAssets: string | null;
  maxFfcs: string | null;
  maxSeats: string | null;
  maxStorageMb: string | null;
  planCode: string;
  priceAmount: string;
  stripePriceId: string | null;
}

/** 'SetTenantPlan' query type */
export interface ISetTenantPlanQuery {
  params: ISetTenantPlanParams;
  result: ISetTenantPlanResult;
}

const setTenantPlanIR: any = {"usedParamSet":{"tenantId":true,"planCode":true,"isAvailable":true,"priceAmount":true,"currency":true,"stripePriceId":true,"featureLimits":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":327,"b":336}]},{"name":"planCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":354,"b":363}]},{"name":"isAvailable","required":true,"transform":{"type":"scalar"},"locs":[{"a":384,"b":396}]},{"name":"priceAmount","required":false,"transform":{"type":"scalar"},"locs":[{"a":449,"b":460}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":477,"b":485}]},{"name":"stripePriceId","required":false,"transform":{"type":"scalar"},"locs":[{"a":509,"b":522}]},{"name":"featureLimits","required":true,"transform":{"type":"scalar"},"locs":[{"a":577,"b":591}]}],"statement":"SELECT plan_code AS \"planCode!\", is_available AS \"isAvailable!\", price_amount AS \"priceAmount!\", currency AS \"currency!\",\n       stripe_price_id AS \"stripePriceId\", max_ffcs AS \"maxFfcs\", max_seats AS \"maxSeats\", max_assets AS \"maxAssets\",\n       max_storage_mb AS \"maxStorageMb\"\nFROM support.sp_set_tenant_plan(p_tenant_id => :tenantId!, p_plan_code => :planCode!, p_is_available => :isAvailable!,\n                                p_price_amount => :priceAmount, p_currency => :currency, p_stripe_price_id => :stripePriceId,\n                                p_feature_limits => :featureLimits!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT plan_code AS "planCode!", is_available AS "isAvailable!", price_amount AS "priceAmount!", currency AS "currency!",
 *        stripe_price_id AS "stripePriceId", max_ffcs AS "maxFfcs", max_seats AS "maxSeats", max_assets AS "maxAssets",
 *        max_storage_mb AS "maxStorageMb"
 * FROM support.sp_set_tenant_plan(p_tenant_id => :tenantId!, p_plan_code => :planCode!, p_is_available => :isAvailable!,
 *                                 p_price_amount => :priceAmount, p_currency => :currency, p_stripe_price_id => :stripePriceId,
 *                                 p_feature_limits => :featureLimits!)
 * ```
 */
export const setTenantPlan = new PreparedQuery<ISetTenantPlanParams,ISetTenantPlanResult>(setTenantPlanIR);


/** 'GetPaymentSummary' parameters type */
export interface IGetPaymentSummaryParams {
  tenantId: string;
}

/** 'GetPaymentSummary' return type */
export interface IGetPaymentSummaryResult {
  balance: string;
  currency: string;
  failedPaymentCount: string;
  lastPostedAt: Date;
  paymentCount: string;
  paymentsTotal: string;
  refundCount: string;
  refundsTotal: string;
}

/** 'GetPaymentSummary' query type */
export interface IGetPaymentSummaryQuery {
  params: IGetPaymentSummaryParams;
  result: IGetPaymentSummaryResult;
}

const getPaymentSummaryIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":337,"b":346}]}],"statement":"SELECT currency AS \"currency!\", payments_total AS \"paymentsTotal!\", refunds_total AS \"refundsTotal!\", balance AS \"balance!\",\n       payment_count AS \"paymentCount!\", refund_count AS \"refundCount!\", failed_payment_count AS \"failedPaymentCount!\",\n       last_posted_at AS \"lastPostedAt!\"\nFROM support.sp_get_payment_summary(p_tenant_id => :tenantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT currency AS "currency!", payments_total AS "paymentsTotal!", refunds_total AS "refundsTotal!", balance AS "balance!",
 *        payment_count AS "paymentCount!", refund_count AS "refundCount!", failed_payment_count AS "failedPaymentCount!",
 *        last_posted_at AS "lastPostedAt!"
 * FROM support.sp_get_payment_summary(p_tenant_id => :tenantId!)
 * ```
 */
export const getPaymentSummary = new PreparedQuery<IGetPaymentSummaryParams,IGetPaymentSummaryResult>(getPaymentSummaryIR);


/** 'ListActiveSubscriptions' parameters type */
export interface IListActiveSubscriptionsParams {
  limit: number;
  offset: number;
  tenantId: string;
}

/** 'ListActiveSubscriptions' return type */
export interface IListActiveSubscriptionsResult {
  cancelAtPeriodEnd: boolean;
  createdAt: Date;
  currentPeriodEnd: Date | null;
  emailMasked: string | null;
  planCode: string;
  seatsUsed: string;
  status: string;
  subscriptionId: string;
  userId: string;
}

/** 'ListActiveSubscriptions' query type */
export interface IListActiveSubscriptionsQuery {
  params: IListActiveSubscriptionsParams;
  result: IListActiveSubscriptionsResult;
}

const listActiveSubscriptionsIR: any = {"usedParamSet":{"tenantId":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":359,"b":368}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":382,"b":388}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":403,"b":410}]}],"statement":"SELECT subscription_id AS \"subscriptionId!\", user_id AS \"userId!\", email_masked AS \"emailMasked\", plan_code AS \"planCode!\",\n       status AS \"status!\", seats_used AS \"seatsUsed!\", current_period_end AS \"currentPeriodEnd\",\n       cancel_at_period_end AS \"cancelAtPeriodEnd!\", created_at AS \"createdAt!\"\nFROM support.sp_list_active_subscriptions(p_tenant_id => :tenantId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT subscription_id AS "subscriptionId!", user_id AS "userId!", email_masked AS "emailMasked", plan_code AS "planCode!",
 *        status AS "status!", seats_used AS "seatsUsed!", current_period_end AS "currentPeriodEnd",
 *        cancel_at_period_end AS "cancelAtPeriodEnd!", created_at AS "createdAt!"
 * FROM support.sp_list_active_subscriptions(p_tenant_id => :tenantId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listActiveSubscriptions = new PreparedQuery<IListActiveSubscriptionsParams,IListActiveSubscriptionsResult>(listActiveSubscriptionsIR);


