import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the National Public Service Portal over real HTTP, with its conventions: POST
 * /login gives a session, POST /service {service, session, …} answers with `error_code` ("00"
 * success, "01" bad login, "02" session expired, "99" system error). Knobs: `expireSessions`
 * (the next call finds its session expired), `down`. Services so far: KiemTraTaiKhoan.
 */
export async function startNpspSimulator(opts: { username: string; password: string; accounts?: string[] }) {
  const accounts = new Set(opts.accounts ?? []);
  const sessions = new Set<string>();
  const knobs = { expireSessions: false, down: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (knobs.down) return void res.writeHead(503).end();
      const answer = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer({ error_code: '99', error_message: 'Du lieu khong hop le' });
      }
      if (req.url === '/login') {
        if (body.username !== opts.username || body.password !== opts.password) return answer({ error_code: '01', error_message: 'Sai tai khoan' });
        const session = randomUUID();
        sessions.add(session);
        return answer({ error_code: '00', session });
      }
      if (req.url !== '/service') return void res.writeHead(404).end();
      if (knobs.expireSessions) {
        knobs.expireSessions = false;
        sessions.clear();
      }
      if (!sessions.has(String(body.session))) return answer({ error_code: '02', error_message: 'Phien het han' });
      if (body.service === 'KiemTraTaiKhoan') return answer({ error_code: '00', CoTaiKhoan: accounts.has(String(body.SoDinhDanh)) });
      return answer({ error_code: '99', error_message: `Khong ho tro dich vu ${String(body.service)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    password: opts.password,
    accounts,
    knobs,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
