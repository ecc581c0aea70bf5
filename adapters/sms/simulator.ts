import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './port';
import { signBody } from './signature';

/**
 * A stand-in SMS gateway for local runs and tests, speaking the client's protocol over real
 * HTTP: it records what it was asked to send (GET /messages lists it) and delivers inbound
 * messages to a webhook, signed as the real gateway would. Knobs: `failNext`, `latencyMs`.
 * POST /simulate-inbound {from, text} plays a phone: it delivers the message to `webhookUrl` and
 * answers with the reply that came back (for trying it by hand with curl).
 */
export interface SentSms {
  to: string;
  text: string;
  at: string;
}

export async function startSmsSimulator(opts: { apiKey: string; webhookSecret: string; port?: number; webhookUrl?: string }) {
  const sent: SentSms[] = [];
  const knobs = { failNext: 0, latencyMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        await new Promise((r) => setTimeout(r, knobs.latencyMs));
        if (req.url === '/messages' && req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sent));
        } else if (req.url === '/messages' && req.method === 'POST') {
          if (req.headers['x-api-key'] !== opts.apiKey) return void res.writeHead(401).end();
          if (knobs.failNext > 0) {
            knobs.failNext--;
            return void res.writeHead(503).end();
          }
          const { to, text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string };
          sent.push({ to, text, at: new Date().toISOString() });
          res.writeHead(202).end();
        } else if (req.url === '/simulate-inbound' && req.method === 'POST' && opts.webhookUrl) {
          const { from, text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { from: string; text: string };
          const before = sent.length;
          const status = await deliver(opts.webhookUrl, from, text);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ webhookStatus: status, reply: sent[before]?.text ?? null }));
        } else {
          res.writeHead(404).end();
        }
      })();
    });
  });
  async function deliver(webhookUrl: string, from: string, text: string): Promise<number> {
    const body = JSON.stringify({ from, text });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(body, timestamp, opts.webhookSecret),
        [TIMESTAMP_HEADER]: String(timestamp),
      },
      body,
    });
    return res.status;
  }
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    knobs,
    /** Delivers an inbound SMS to `webhookUrl`, signed; resolves with the webhook's HTTP status. */
    deliver,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
