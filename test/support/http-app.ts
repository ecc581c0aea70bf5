import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { closeServer, createHttpApp, listen, type HttpAppOptions } from '../../platform/http';
import { createLogger } from '../../platform/logger';

/**
 * The HTTP front every service shares (platform/http.ts) around a small Apollo server, on a free
 * loopback port, with anyone admitted: for tests of the front itself (shedding, probes).
 */
export async function startHttpApp(apollo: ApolloServer<BaseContext>, opts: Partial<HttpAppOptions<BaseContext>> = {}) {
  await apollo.start();
  const server = createHttpApp({
    service: 'test', apollo, logger: createLogger('test', { level: 'error' }),
    ready: async () => ({ self: 'ok' }),
    admit: async () => ({ deadlineMs: 60_000 }),
    context: async () => ({}),
    ...opts,
  });
  await listen(server, 0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      await closeServer(server, 100);
      await apollo.stop();
    },
  };
}
