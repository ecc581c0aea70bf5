import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server a simulator can stop and start again on the same port, for outages in tests:
 * stop() drops open connections too, so a client sees the system gone, not a slow answer.
 */
export class RestartableServer {
  private server: http.Server | undefined;

  constructor(private readonly create: () => http.Server, private portNumber = 0) {}

  /** The port, once started (kept across restarts). */
  get port(): number {
    return this.portNumber;
  }

  async start(): Promise<void> {
    const server = this.create();
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.portNumber, '127.0.0.1', resolve));
    this.portNumber = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }
}
