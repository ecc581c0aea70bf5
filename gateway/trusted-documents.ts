import { readFileSync } from 'node:fs';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { z } from 'zod';
import { ConfigError } from '../platform/config';
import { sha256Hex } from '../platform/digest';
import { appError, ErrorCode } from '../platform/errors';
import type { ClientType } from '../platform/principal';

/**
 * Trusted documents (issue 13): for the client types named in TRUSTED_DOCUMENTS_FOR, the gateway
 * runs only the operations listed in TRUSTED_DOCUMENTS, a file in Apollo's persisted-query manifest
 * format (what `generate-persisted-query-manifest` writes). A partner whose operations are known
 * then cannot send anything else, however it is shaped. The listed operations are also preloaded
 * as persisted queries, so those clients may send just `extensions.persistedQuery.sha256Hash`.
 */
const Manifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(['query', 'mutation', 'subscription']), body: z.string() })),
});

export interface TrustedDocuments {
  /** Throws OPERATION_NOT_TRUSTED when `client` is held to the list and the query is not on it. */
  check(client: ClientType, queryHash: string): void;
  /** The persisted-query cache: the listed operations first, then what signed-in clients register. */
  cache: KeyValueCache<string>;
}


/**
 * `own`: the gateway's own operations (the SOAP endpoint's), trusted whatever the manifest says.
 * `registered`: where the operations clients register are kept (Redis, shared by the workers).
 */
export function loadTrustedDocuments(
  path: string | undefined,
  clients: ClientType[],
  own: readonly string[] = [],
  registered: KeyValueCache<string> = new InMemoryLRUCache<string>(),
): TrustedDocuments {
  const bodies = new Map<string, string>(own.map((body) => [sha256Hex(body), body]));
  if (path) {
    let manifest: z.infer<typeof Manifest>;
    try {
      manifest = Manifest.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (err) {
      throw new ConfigError(`TRUSTED_DOCUMENTS ${path} is not a persisted-query manifest: ${(err as Error).message.split('\n')[0]}`);
    }
    for (const op of manifest.operations) {
      if (sha256Hex(op.body) !== op.id) throw new ConfigError(`TRUSTED_DOCUMENTS: operation ${op.name}'s id is not the SHA-256 of its body`);
      bodies.set(op.id, op.body);
    }
  } else if (clients.length) {
    throw new ConfigError('TRUSTED_DOCUMENTS_FOR needs TRUSTED_DOCUMENTS, the manifest of the operations to allow');
  }
  const held = new Set(clients);
  // Apollo Server keys persisted queries as "apq:<sha256>" in the cache it is given.
  const APQ = 'apq:';
  return {
    check(client, queryHash) {
      if (held.has(client) && !bodies.has(queryHash)) {
        throw appError(ErrorCode.OPERATION_NOT_TRUSTED, `${client} clients may run only the operations in the trusted-documents list; this one is not on it`);
      }
    },
    cache: {
      async get(key) {
        return (key.startsWith(APQ) ? bodies.get(key.slice(APQ.length)) : undefined) ?? registered.get(key);
      },
      async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
        await registered.set(key, value, options);
      },
      async delete(key) {
        return registered.delete(key);
      },
    },
  };
}
