import { envReader, type Env } from '../kit/config';

/** Settings of the identity subgraph beyond the common ones, read once at start. */
export interface IdentityConfig {
  /** The national population database's SOAP endpoint; unset, verification answers UPSTREAM_UNAVAILABLE. */
  populationUrl: string | null;
  /** How long a verification answer is reused (R-ID-2: a bounded time). */
  populationCacheSeconds: number;
}

export function loadIdentityConfig(env: Env): IdentityConfig {
  const e = envReader(env);
  const seconds = Number(e.string('POPULATION_CACHE_SECONDS', '86400'));
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error('POPULATION_CACHE_SECONDS must be a whole number of seconds');
  return { populationUrl: e.optional('POPULATION_URL') ? e.url('POPULATION_URL') : null, populationCacheSeconds: seconds };
}
