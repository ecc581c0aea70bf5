import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Posts to /graphql on this page's origin with the header editor's headers (the token). Ours, not
 * @graphiql/toolkit's createGraphiQLFetcher: the gateway speaks plain JSON POST only (no
 * subscriptions, no incremental delivery), so the toolkit's websocket and multipart code would
 * be bundle weight for nothing.
 */
export const fetcher: Fetcher = async (params, opts) => {
  const res = await fetch(new URL('/graphql', window.location.origin), {
    method: 'POST',
    headers: { ...opts?.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  // The gateway's refusals (401, 429, 400) carry a GraphQL-shaped body worth showing as is.
  return res.json() as Promise<Record<string, unknown>>;
};
