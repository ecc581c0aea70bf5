import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notification } from './port';

/** A stand-in notification service over real HTTP that records what it was asked to send (`down` knob). */
export async function startNotifySimulator() {
  const sent: Notification[] = [];
  const knobs = { down: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (knobs.down) return void res.writeHead(503).end();
      if (req.method === 'POST' && req.url === '/notifications') {
        sent.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Notification);
        return void res.writeHead(202).end();
      }
      if (req.method === 'GET' && req.url === '/notifications') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sent));
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    knobs,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
