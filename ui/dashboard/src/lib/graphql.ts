/** A GraphQL answer's error, or a refused request: its message and extensions.code, as the server sent them. */
export class GraphQLFailure extends Error {
  constructor(message: string, readonly code?: string, readonly network = false) {
    super(message);
  }
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * One operation against the gateway's /graphql, the only API the dashboard uses, with the user's
 * token (none for an anonymous visitor). Any error fails the whole call: every page shows the
 * server's own message, since the server decides what each caller may do.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new GraphQLFailure((err as Error).message, undefined, true);
  }
  let answer: Answer<T>;
  try {
    answer = (await res.json()) as Answer<T>;
  } catch {
    throw new GraphQLFailure(`HTTP ${res.status}`, res.status === 401 ? 'UNAUTHENTICATED' : undefined);
  }
  const first = answer.errors?.[0];
  if (first) throw new GraphQLFailure(first.message, first.extensions?.code ?? (res.status === 401 ? 'UNAUTHENTICATED' : undefined));
  if (!answer.data) throw new GraphQLFailure(`HTTP ${res.status}`);
  return answer.data;
}
