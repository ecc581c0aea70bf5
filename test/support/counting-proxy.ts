import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of one subgraph that records the GraphQL operation of every request it
 * forwards, so a test can count what the gateway really fetched. While paused, operations
 * matching `hold` wait to be forwarded, to keep them in flight while equal ones arrive.
 */
export async function countingProxy(target: string, opts: { hold?: RegExp } = {}) {
  const queries: string[] = [];
  let paused: Promise<void> | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const query = req.method === 'POST' ? String((JSON.parse(body.toString() || '{}') as { query?: string }).query ?? '') : '';
      if (query) queries.push(query);
      if (query && opts.hold?.test(query)) await paused;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]);
      const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
      res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k))));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    /** Operations forwarded so far whose text matches `pattern`. */
    count: (pattern: RegExp) => queries.filter((q) => pattern.test(q)).length,
    reset: () => void queries.splice(0),
    /** Holds matching operations until the function returned is called. */
    pause(): () => void {
      let resume = () => {};
      paused = new Promise<void>((r) => (resume = r));
      return () => {
        paused = null;
        resume();
      };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
