import { readEnv, requiredWith, setting, type Env } from '../../platform/config';
import { NPSP_RULES, NPSP_SETTINGS, npspSettingsOf, type NpspSettings } from '../../adapters/npsp/settings';

/** Settings of the dossiers subgraph beyond the common ones, read once at start. */
export interface DossiersConfig {
  /** The procedures subgraph, asked at intake whether a procedure is published (R-DOS-5). */
  proceduresUrl: string;
  /** The identity subgraph, asked at intake whether an organisation's signature holds (R-ID-4). */
  identityUrl: string;
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

const DOSSIERS_SETTINGS = {
  PROCEDURES_URL: setting.url('http://127.0.0.1:4002/graphql'),
  IDENTITY_URL: setting.url('http://127.0.0.1:4001/graphql'),
  PUBLIC_LOOKUPS_PER_MINUTE: setting.int(30, 1),
  OUTBOX_INTERVAL_MS: setting.int(250, 10),
  SMS_GATEWAY_URL: setting.url().optional(),
  SMS_API_KEY: setting.text().optional(),
  SMS_WEBHOOK_SECRET: setting.text().optional(),
  SMS_LOOKUPS_PER_HOUR: setting.int(10, 1),
  ...NPSP_SETTINGS,
  PORTAL_SYNC_INTERVAL_MS: setting.int(1000, 10),
  PORTAL_SYNC_RETRY_BASE_MS: setting.int(1000, 1),
  PORTAL_SYNC_RETRY_MAX_MS: setting.int(300_000, 1),
  IVAN_DELIVERY_INTERVAL_MS: setting.int(1000, 10),
  IVAN_DELIVERY_RETRY_BASE_MS: setting.int(1000, 1),
  IVAN_DELIVERY_RETRY_MAX_MS: setting.int(300_000, 1),
  IVAN_DELIVERY_TIMEOUT_MS: setting.int(5000, 100),
};
const DOSSIERS_RULES = [requiredWith('SMS_API_KEY', 'SMS_GATEWAY_URL'), requiredWith('SMS_WEBHOOK_SECRET', 'SMS_GATEWAY_URL'), ...NPSP_RULES];

export function loadDossiersConfig(env: Env): DossiersConfig {
  const v = readEnv(DOSSIERS_SETTINGS, env, DOSSIERS_RULES);
  return {
    proceduresUrl: v.PROCEDURES_URL,
    identityUrl: v.IDENTITY_URL,
    publicLookupsPerMinute: v.PUBLIC_LOOKUPS_PER_MINUTE,
    outboxIntervalMs: v.OUTBOX_INTERVAL_MS,
    sms: v.SMS_GATEWAY_URL ? { gatewayUrl: v.SMS_GATEWAY_URL, apiKey: v.SMS_API_KEY ?? '', webhookSecret: v.SMS_WEBHOOK_SECRET ?? '' } : null,
    smsLookupsPerHour: v.SMS_LOOKUPS_PER_HOUR,
    npsp: npspSettingsOf(v),
    portalSyncIntervalMs: v.PORTAL_SYNC_INTERVAL_MS,
    portalSyncRetry: { baseMs: v.PORTAL_SYNC_RETRY_BASE_MS, maxMs: v.PORTAL_SYNC_RETRY_MAX_MS },
    ivanDeliveryIntervalMs: v.IVAN_DELIVERY_INTERVAL_MS,
    ivanDeliveryRetry: { baseMs: v.IVAN_DELIVERY_RETRY_BASE_MS, maxMs: v.IVAN_DELIVERY_RETRY_MAX_MS },
    ivanDeliveryTimeoutMs: v.IVAN_DELIVERY_TIMEOUT_MS,
  };
}
