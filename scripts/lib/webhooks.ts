// The outbox's webhook dispatcher (issue 13, docs/webhooks.md): claims due events under a lease
// (support.sp_claim_webhook_deliveries, FOR UPDATE SKIP LOCKED), POSTs each one to its tenant's
// endpoint signed the Standard Webhooks way (webhook-id = the event id, the same on every retry;
// webhook-timestamp; webhook-signature v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>), and
// records the outcome (support.sp_record_webhook_delivery: delivered, or retried with backoff).
// Runs on the operators' login (`npm run operator -- deliver-webhooks`); the signing secrets come
// encrypted from the database and are decrypted here with FIELD_ENCRYPTION_KEYS.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { Webhook } from 'standardwebhooks';
import type { FieldCipher } from '../../server/field_cipher.ts';
import { asSupport } from '../../server/plugins/db.ts';
import {
  claimWebhookDeliveries,
  recordWebhookDelivery,
  type IClaimWebhookDeliveriesResult,
} from '../../generated/webhooks.queries.ts';

/** A new signing secret in the Standard Webhooks form: whsec_ and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What the dispatcher POSTs: the event as operators read it (sp_list_outbox_events), without seq. */
export interface WebhookEvent {
  tenantId: string;
  eventId: string;
  eventType: string;
  aggregateKind: string;
  aggregateId: string;
  payload: unknown;
  occurredAt: Date;
}

/** The request body: the same bytes on every attempt of an event (only the timestamp header changes). */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    eventId: event.eventId,
    eventType: event.eventType,
    tenantId: event.tenantId,
    aggregateKind: event.aggregateKind,
    aggregateId: event.aggregateId,
    payload: event.payload,
    occurredAt: event.occurredAt.toISOString(),
  });
}

/** The webhook-signature header: one `v1,<signature>` per secret (two while a rotation's grace runs). */
export function webhookSignature(secrets: string[], id: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(' ');
}

export interface DeliverOptions {
  /** The operators' login (estate_operator). */
  pool: pg.Pool;
  /** Who acts, for the audit log. */
  operator: string;
  /** FIELD_ENCRYPTION_KEYS: decrypts the signing secrets. */
  cipher: FieldCipher;
  /** Events claimed (and sent at the same time) per round: 20. */
  batchSize?: number;
  /** A pass stops after this many events: 1000. */
  maxEvents?: number;
  /** One request's limit, connection to the end of the answer: 10 s. */
  timeoutMs?: number;
  /** The instant the database compares due times and leases with (tests); its own clock otherwise. */
  now?: Date;
  /** Plain http (to localhost only, the database's rule): allowed unless NODE_ENV=production. */
  allowHttp?: boolean;
  /** Stops the pass between rounds. */
  signal?: AbortSignal;
  /** One line per failed attempt. */
  log?: (message: string) => void;
}

export interface DeliverSummary {
  rounds: number;
  claimed: number;
  delivered: number;
  /** Failed, to be tried again after the backoff. */
  retrying: number;
  /** Failed for the last time: given up (operators: webhook-deliveries --state failed, requeue-webhooks). */
  failed: number;
  /** Outcome not recorded: the lease ended and another dispatcher claimed the event. */
  leaseLost: number;
}

type Outcome = { ok: true } | { ok: false; error: string };

/** The start of an answer, as one line, for last_error: at most `max` characters. */
async function answerStart(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The answer's status is what counts; a body cut short still says what it had.
  } finally {
    await reader.cancel().catch(() => {});
  }
  // One line of printable text: control characters and runs of white space become one space.
  const text = [...Buffer.concat(chunks).toString('utf8')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch))
    .join('');
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Why a request failed, as one line: the timeout, or the network error's code. */
function networkError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `request failed: ${cause ? `${cause} (${e.message})` : (e?.message ?? String(error))}`;
}

/** One attempt: decrypts the secrets, signs and POSTs the event; never throws. */
export async function sendWebhook(
  event: IClaimWebhookDeliveriesResult,
  options: Pick<DeliverOptions, 'cipher' | 'timeoutMs' | 'allowHttp'>,
): Promise<Outcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const secrets: string[] = [];
  try {
    secrets.push(options.cipher.decrypt(event.secretCiphertext));
  } catch (error) {
    return { ok: false, error: `cannot decrypt the signing secret: ${(error as Error).message}` };
  }
  // The previous secret (a rotation's grace) signs too when it still decrypts; it is never required.
  if (event.previousSecretCiphertext) {
    try {
      secrets.push(options.cipher.decrypt(event.previousSecretCiphertext));
    } catch {
      // Its key is gone from FIELD_ENCRYPTION_KEYS: the current secret's signature is enough.
    }
  }
  const allowHttp = options.allowHttp ?? process.env.NODE_ENV !== 'production';
  if (!allowHttp && !event.url.startsWith('https://')) {
    return { ok: false, error: 'plain http is refused under NODE_ENV=production: the endpoint must be https' };
  }
  const body = webhookBody(event);
  // The attempt's own time (Standard Webhooks: receivers refuse one more than 5 minutes off).
  const timestamp = new Date();
  try {
    const response = await fetch(event.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'estate-vault-webhooks/1',
        'webhook-id': event.eventId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': webhookSignature(secrets, event.eventId, timestamp, body),
      },
      body,
      // A redirect is not followed (the signed request would go where nobody configured it).
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true };
    }
    const start = await answerStart(response, 200);
    return { ok: false, error: `HTTP ${response.status}${start ? `: ${start}` : ''}` };
  } catch (error) {
    return { ok: false, error: networkError(error, timeoutMs) };
  }
}

/**
 * One pass: rounds of claim (up to batchSize events), send them all at once, record each outcome,
 * until a round finds fewer than it asked for or maxEvents were claimed. The lease covers one
 * request's timeout with a margin: an event is recorded within it, or claimed again after it.
 */
export async function deliverWebhooks(options: DeliverOptions): Promise<DeliverSummary> {
  const batchSize = options.batchSize ?? 20;
  const maxEvents = options.maxEvents ?? 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseSeconds = Math.min(3600, Math.ceil(timeoutMs / 1000) + 30);
  const now = options.now ?? null;
  const as = <T>(fn: (db: pg.PoolClient) => Promise<T>) => asSupport(options.pool, options.operator, fn);
  const summary: DeliverSummary = { rounds: 0, claimed: 0, delivered: 0, retrying: 0, failed: 0, leaseLost: 0 };
  while (summary.claimed < maxEvents && !options.signal?.aborted) {
    const limit = Math.min(batchSize, maxEvents - summary.claimed);
    const claimed = await as((db) => claimWebhookDeliveries.run({ limit, leaseSeconds, now }, db));
    if (!claimed.length) break;
    summary.rounds++;
    summary.claimed += claimed.length;
    const settled = await Promise.allSettled(
      claimed.map(async (event) => {
        const outcome = await sendWebhook(event, { ...options, timeoutMs });
        const [recorded] = await as((db) =>
          recordWebhookDelivery.run(
            {
              tenantId: event.tenantId,
              eventId: event.eventId,
              leaseToken: event.leaseToken,
              delivered: outcome.ok,
              error: outcome.ok ? null : outcome.error,
              now,
            },
            db,
          ),
        );
        if (!outcome.ok) {
          options.log?.(
            `webhook ${event.eventId} (tenant ${event.tenantId}, attempt ${event.attempt}): ${outcome.error} -> ${recorded.state}`,
          );
        }
        return recorded.state;
      }),
    );
    for (const result of settled) {
      if (result.status === 'rejected') throw result.reason;
      if (result.value === 'delivered') summary.delivered++;
      else if (result.value === 'retrying') summary.retrying++;
      else if (result.value === 'failed') summary.failed++;
      else summary.leaseLost++;
    }
    if (claimed.length < limit) break;
  }
  return summary;
}
