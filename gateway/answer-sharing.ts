import { trace } from '@opentelemetry/api';
import { LRUCache } from 'lru-cache';
import type { Principal } from '../platform/principal';
import { currentTraceId } from '../platform/tracing';

/**
 * Subgraph answers shared between requests (issue 15), in two ways:
 *
 * - **In flight.** Identical query fetches to one subgraph on behalf of the same principal share
 *   one call while it runs: a partner polling a dossier twenty times at once costs one fetch.
 *   The key holds everything an answer may depend on in the principal, so two partners, two
 *   officers or two citizens never share one.
 * - **Cached.** An answer the subgraph marked public (`Cache-Control: public, max-age=N`, from
 *   `@cacheControl` hints in its SDL: agencies, published procedures, catalogue pages) is kept
 *   for N seconds, for callers of the same client type and scopes (scopes decide what a public
 *   field shows, e.g. drafts to those who publish). A subgraph's answers are dropped at once when
 *   its data changes (`invalidate`, driven by the procedure change events).
 *
 * Answers are kept as their JSON text and every caller parses its own copy, because the
 * executor writes into the objects it receives. Mutations are never shared; failures are not
 * cached, and a follower whose leader ran out of *its* time fetches for itself.
 * A Map of promises and lru-cache do the work: no kept library dedups keyed promises.
 * Traced, a shared fetch is the first request's: its span names that request's trace (markAnswer).
 */
export interface Answer {
  /** The subgraph's JSON body. */
  text: string;
  cacheControl: string | null;
  /** A GraphQL answer with errors is shared in flight but never cached. */
  hasErrors: boolean;
}

export interface SharingCounters {
  deduplicated: number;
  cacheHits: number;
  cacheMisses: number;
  invalidations: number;
}

export interface AnswerSharing {
  readonly counters: SharingCounters;
  /** Runs `fetch` unless an equal fetch is in flight or a public answer is cached; the caller parses the text. */
  answer(subgraph: string, request: { query: string; variables?: Record<string, unknown> }, principal: Principal, fetch: () => Promise<Answer>): Promise<Answer>;
  /** Drops every cached answer of `subgraph` (its data changed). */
  invalidate(subgraph: string): void;
}

export interface SharingOptions {
  dedup: boolean;
  cache: boolean;
  /** Cached answers kept at most (the least recently used go first). */
  maxEntries?: number;
  /** No answer is kept longer than this, whatever its max-age says. */
  maxAgeSeconds?: number;
  /**
   * True for a failure that belongs to the caller that fetched (its deadline passed, its client
   * left): the others waiting on that fetch then fetch for themselves instead of failing with it.
   */
  callersOwnFailure(err: unknown): boolean;
}

/** `public, max-age=N` → N seconds; anything private, uncacheable or unparsable → 0. */
export function publicMaxAge(header: string | null): number {
  if (!header) return 0;
  const parts = header.toLowerCase().split(',').map((p) => p.trim());
  if (!parts.includes('public') || parts.some((p) => p === 'private' || p === 'no-store')) return 0;
  const age = /^max-age=(\d+)$/.exec(parts.find((p) => p.startsWith('max-age=')) ?? '');
  return age ? Number(age[1]) : 0;
}

/**
 * Says on the fetch's span (@apollo/gateway's `gateway.fetch`) that no call was made for it: the
 * answer came from the cache, or from an equal fetch in flight, whose call (and the subgraph's
 * spans under it) belongs to the trace of the request that started it, named here.
 */
function markAnswer(source: 'cache' | 'shared', leaderTraceId?: string) {
  const span = trace.getActiveSpan();
  span?.setAttribute('vss.answer.source', source);
  if (leaderTraceId) span?.setAttribute('vss.answer.leader_trace_id', leaderTraceId);
}

const isQuery = (text: string) => /^\s*(query\b|\{)/.test(text);

/** What a subgraph's answer may depend on in the caller: for in-flight sharing. */
const whoExactly = (p: Principal) => JSON.stringify([p.client, p.subject, p.ivanProviderId ?? '', p.agencyCode ?? '', p.personalId ?? '', [...p.scopes].sort()]);
/** What a public answer may depend on: the client type and the scopes (e.g. who sees drafts). */
const whatMaySee = (p: Principal) => JSON.stringify([p.client, [...p.scopes].sort()]);

export function createAnswerSharing(opts: SharingOptions): AnswerSharing {
  const counters: SharingCounters = { deduplicated: 0, cacheHits: 0, cacheMisses: 0, invalidations: 0 };
  const inFlight = new Map<string, { answer: Promise<Answer>; traceId?: string }>();
  // Bounded by count and by bytes: a catalogue page of 100 procedures is a few hundred KB.
  const cached = new LRUCache<string, Answer>({ max: opts.maxEntries ?? 5_000, maxSize: 64 * 1024 * 1024, sizeCalculation: (a, key) => a.text.length + key.length });
  /** Bumped on invalidation: keys of older generations are never read again and age out. */
  const generations = new Map<string, number>();
  const maxAge = opts.maxAgeSeconds ?? 300;

  return {
    counters,
    invalidate(subgraph) {
      generations.set(subgraph, (generations.get(subgraph) ?? 0) + 1);
      counters.invalidations++;
    },
    async answer(subgraph, { query, variables }, principal, fetch) {
      if (!isQuery(query)) {
        // A mutation may change what this subgraph's cached answers say: this worker forgets them
        // at once (the others when the change event arrives, cache-invalidation.ts).
        const answer = await fetch();
        if (opts.cache) this.invalidate(subgraph);
        return answer;
      }
      if (!(opts.dedup || opts.cache)) return fetch();
      const request = `${query}\n${JSON.stringify(variables ?? {})}`;
      const publicKey = `${subgraph}\n${generations.get(subgraph) ?? 0}\n${whatMaySee(principal)}\n${request}`;
      if (opts.cache) {
        const hit = cached.get(publicKey);
        if (hit) {
          counters.cacheHits++;
          markAnswer('cache');
          return hit;
        }
        counters.cacheMisses++;
      }
      const keep = (answer: Answer) => {
        const seconds = Math.min(publicMaxAge(answer.cacheControl), maxAge);
        if (opts.cache && seconds > 0 && !answer.hasErrors) cached.set(publicKey, answer, { ttl: seconds * 1000 });
        return answer;
      };
      if (!opts.dedup) return keep(await fetch());
      const flightKey = `${subgraph}\n${whoExactly(principal)}\n${request}`;
      const running = inFlight.get(flightKey);
      if (running) {
        counters.deduplicated++;
        markAnswer('shared', running.traceId);
        return running.answer.catch((err: unknown) => (opts.callersOwnFailure(err) ? fetch() : Promise.reject(err)));
      }
      const started = fetch().then(keep).finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, { answer: started, traceId: currentTraceId() });
      return started;
    },
  };
}
