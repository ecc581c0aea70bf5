import { readEnv, requiredInProduction, setting, type Env } from '../../platform/config';
import { NPSP_RULES, NPSP_SETTINGS, npspSettingsOf, type NpspSettings } from '../../adapters/npsp/settings';

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

// Development values, so that `npm start` needs no secrets; production refuses them.
const DEV_OTP_SECRET = 'dev-only-otp-secret';
const DEV_IVAN_CREDENTIAL_SECRET = 'dev-only-ivan-credential-secret';

const IDENTITY_SETTINGS = {
  POPULATION_URL: setting.url().optional(),
  POPULATION_CACHE_SECONDS: setting.int(86_400),
  NOTIFY_URL: setting.url().optional(),
  OTP_SECRET: setting.text(DEV_OTP_SECRET),
  IVAN_CREDENTIAL_SECRET: setting.text(DEV_IVAN_CREDENTIAL_SECRET),
  ...NPSP_SETTINGS,
};
const IDENTITY_RULES = [requiredInProduction('OTP_SECRET', DEV_OTP_SECRET), requiredInProduction('IVAN_CREDENTIAL_SECRET', DEV_IVAN_CREDENTIAL_SECRET), ...NPSP_RULES];

export function loadIdentityConfig(env: Env): IdentityConfig {
  const v = readEnv(IDENTITY_SETTINGS, env, IDENTITY_RULES);
  return {
    populationUrl: v.POPULATION_URL ?? null,
    populationCacheSeconds: v.POPULATION_CACHE_SECONDS,
    npsp: npspSettingsOf(v),
    notifyUrl: v.NOTIFY_URL ?? null,
    otpSecret: v.OTP_SECRET,
    ivanCredentialSecret: v.IVAN_CREDENTIAL_SECRET,
  };
}
