import { randomUUID } from 'node:crypto';
import { internalSigningKey, signInternalToken } from '../../../platform/internal-token';
import { keyStoreOf } from '../../../platform/key-store';
import { mintDevToken } from '../../../platform/dev-token';
import { CALLERS, type CallerName } from './workloads';

/** Internal tokens live 60 s (platform/internal-token.ts); re-signing this often keeps one valid through any run. */
const REFRESH_MS = 20_000;

export interface Tokens {
  /** The dev JWT our gateway is sent (Authorization: Bearer); undefined for anonymous. */
  dev(caller: CallerName): string | undefined;
  /** A valid internal token for the paths that skip our gateway, as our gateway would sign it. */
  internal(caller: CallerName): string;
  stop(): void;
}

/**
 * The tokens each caller sends. The stock and Hive gateways and the direct path get the internal
 * token itself, signed here with the gateway's key for the same principal and client key, and
 * re-signed every 20 s for as long as the benchmark runs.
 */
export async function startTokens(keysDir: string): Promise<Tokens> {
  const signing = await internalSigningKey(keyStoreOf({ dir: keysDir }));
  const names = Object.keys(CALLERS) as CallerName[];
  const dev = new Map<CallerName, string>();
  for (const name of names) {
    const spec = CALLERS[name].devToken;
    if (spec) dev.set(name, await mintDevToken(keysDir, { ...spec, ttlSeconds: 6 * 3600 }));
  }
  const internal = new Map<CallerName, string>();
  const sign = async () => {
    for (const name of names) {
      const { principal, clientKey } = CALLERS[name];
      internal.set(name, await signInternalToken(principal, `bench-${randomUUID()}`, signing, clientKey));
    }
  };
  await sign();
  const timer = setInterval(() => void sign(), REFRESH_MS);
  timer.unref();
  return {
    dev: (caller) => dev.get(caller),
    internal: (caller) => internal.get(caller)!,
    stop: () => clearInterval(timer),
  };
}
