import { envReader, type Env } from '../../platform/config';
import { npspSettings, type NpspSettings } from '../../adapters/npsp/settings';

/** Settings of the dossiers subgraph beyond the common ones, read once at start. */
export interface DossiersConfig {
  /** The procedures subgraph, asked at intake whether a procedure is published (R-DOS-5). */
  proceduresUrl: string;
  /** Public status lookups allowed per client and minute (R-DOS-4). */
  publicLookupsPerMinute: number;
  /** How often the outbox relay looks for unpublished events. */
  outboxIntervalMs: number;
  /** The SMS gateway for status lookups by SMS (R-DOS-4); absent, the SMS webhook answers 503. */
  sms: { gatewayUrl: string; apiKey: string; webhookSecret: string } | null;
  /** SMS lookups answered per phone number and hour. */
  smsLookupsPerHour: number;
  /** The national portal that receives every dossier change (R-INT-2); null: no push. */
  npsp: NpspSettings | null;
  /** How often the portal push looks for new changes and due retries. */
  portalSyncIntervalMs: number;
  /** Retry backoff of the portal push: first wait up to baseMs, doubling, at most maxMs (full jitter). */
  portalSyncRetry: { baseMs: number; maxMs: number };
  /** How often status pushes to I-VAN partners look for new changes and due retries (R-INT-1). */
  ivanDeliveryIntervalMs: number;
  /** Backoff of those pushes, for a refused change and for a partner's outage alike (full jitter). */
  ivanDeliveryRetry: { baseMs: number; maxMs: number };
  /** Bound on one delivery to a partner's callback, connection to answer. */
  ivanDeliveryTimeoutMs: number;
}

export function loadDossiersConfig(env: Env): DossiersConfig {
  const e = envReader(env);
  const perMinute = Number(e.string('PUBLIC_LOOKUPS_PER_MINUTE', '30'));
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error('PUBLIC_LOOKUPS_PER_MINUTE must be a positive integer');
  const outboxIntervalMs = Number(e.string('OUTBOX_INTERVAL_MS', '250'));
  if (!Number.isInteger(outboxIntervalMs) || outboxIntervalMs < 10) throw new Error('OUTBOX_INTERVAL_MS must be an integer ≥ 10');
  const smsUrl = e.optional('SMS_GATEWAY_URL');
  const sms = smsUrl
    ? { gatewayUrl: e.url('SMS_GATEWAY_URL'), apiKey: e.string('SMS_API_KEY'), webhookSecret: e.string('SMS_WEBHOOK_SECRET') }
    : null;
  const smsLookupsPerHour = Number(e.string('SMS_LOOKUPS_PER_HOUR', '10'));
  if (!Number.isInteger(smsLookupsPerHour) || smsLookupsPerHour < 1) throw new Error('SMS_LOOKUPS_PER_HOUR must be a positive integer');
  return {
    proceduresUrl: e.url('PROCEDURES_URL', 'http://127.0.0.1:4002/graphql'),
    publicLookupsPerMinute: perMinute,
    outboxIntervalMs,
    sms,
    smsLookupsPerHour,
    npsp: npspSettings(env),
    portalSyncIntervalMs: e.int('PORTAL_SYNC_INTERVAL_MS', 1000, 10),
    portalSyncRetry: { baseMs: e.int('PORTAL_SYNC_RETRY_BASE_MS', 1000, 1), maxMs: e.int('PORTAL_SYNC_RETRY_MAX_MS', 300_000, 1) },
    ivanDeliveryIntervalMs: e.int('IVAN_DELIVERY_INTERVAL_MS', 1000, 10),
    ivanDeliveryRetry: { baseMs: e.int('IVAN_DELIVERY_RETRY_BASE_MS', 1000, 1), maxMs: e.int('IVAN_DELIVERY_RETRY_MAX_MS', 300_000, 1) },
    ivanDeliveryTimeoutMs: e.int('IVAN_DELIVERY_TIMEOUT_MS', 5000, 100),
  };
}
