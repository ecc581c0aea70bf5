import { envReader, type Env } from '../../platform/config';
import { npspSettings, type NpspSettings } from '../../adapters/npsp/settings';

/** Settings of the identity subgraph beyond the common ones, read once at start. */
export interface IdentityConfig {
  /** The national population database's SOAP endpoint; unset, verification answers UPSTREAM_UNAVAILABLE. */
  populationUrl: string | null;
  /** How long a verification answer is reused (R-ID-2: a bounded time). */
  populationCacheSeconds: number;
  /** The national portal (account check before registration, R-ID-3); null when not configured. */
  npsp: NpspSettings | null;
  /** The notification service (credentials, one-time passwords); null when not configured. */
  notifyUrl: string | null;
  /** Key of the one-time-password hashes; every identity process must share it. */
  otpSecret: string;
  /** Key the I-VAN SOAP passwords are derived from (services/ivan-credentials.ts); every identity process and `npm run ivan:credentials` must share it. */
  ivanCredentialSecret: string;
}

export function loadIdentityConfig(env: Env): IdentityConfig {
  const e = envReader(env);
  const seconds = Number(e.string('POPULATION_CACHE_SECONDS', '86400'));
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error('POPULATION_CACHE_SECONDS must be a whole number of seconds');
  const otpSecret = e.string('OTP_SECRET', 'dev-only-otp-secret');
  if (e.optional('NODE_ENV') === 'production' && otpSecret === 'dev-only-otp-secret') throw new Error('OTP_SECRET is required in production');
  const ivanCredentialSecret = e.string('IVAN_CREDENTIAL_SECRET', 'dev-only-ivan-credential-secret');
  if (e.optional('NODE_ENV') === 'production' && ivanCredentialSecret === 'dev-only-ivan-credential-secret') throw new Error('IVAN_CREDENTIAL_SECRET is required in production');
  return {
    populationUrl: e.optional('POPULATION_URL') ? e.url('POPULATION_URL') : null,
    populationCacheSeconds: seconds,
    npsp: npspSettings(env),
    notifyUrl: e.optional('NOTIFY_URL') ? e.url('NOTIFY_URL') : null,
    otpSecret,
    ivanCredentialSecret,
  };
}
