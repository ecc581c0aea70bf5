import autocannon from 'autocannon';
import { treeCpuMs } from './cpu';
import { percentile } from '../load';

export interface RunResult {
  /** Good answers a second: 2xx without GraphQL errors. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** 2xx answers that carried GraphQL errors (a refusal in a 200, a failed subgraph). */
  gqlErrors: number;
  /** The first answer that was not a clean 2xx, to say what went wrong. */
  firstFailure?: string;
  count: number;
  /** CPU milliseconds the server process (and its workers) spent per answer; undefined when not known. */
  cpuMsPerReq?: number;
}

export interface RunOptions {
  url: string;
  seconds: number;
  connections: number;
  /** The sequence each connection repeats: headers and body of each request, made as it is sent. */
  requests: { headers: () => Record<string, string>; body: () => string }[];
  /** The server's process, whose CPU time is taken before and after. */
  pid?: number;
}


/**
 * One autocannon run. Latencies are taken from its 'response' events (fractional milliseconds:
 * its own histogram keeps whole ones, too coarse for a subgraph answering in 3 ms), and every 2xx
 * body is looked at for "errors", since GraphQL refuses inside a 200.
 */
export function runAutocannon(opts: RunOptions): Promise<RunResult> {
  const target = new URL(opts.url);
  const latencies: number[] = [];
  let gqlErrors = 0;
  let firstFailure: string | undefined;
  const cpuBefore = treeCpuMs(opts.pid);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections: opts.connections,
        duration: opts.seconds,
        requests: opts.requests.map((r) => ({
          setupRequest: (req: autocannon.Request) => ({
            ...req, method: 'POST' as const, path: target.pathname, headers: { 'content-type': 'application/json', ...r.headers() }, body: r.body(),
          }),
          onResponse: (status: number, body: string) => {
            const ok = status >= 200 && status < 300;
            if (ok && body.includes('"errors"')) gqlErrors++;
            if ((!ok || body.includes('"errors"')) && firstFailure === undefined) firstFailure = `HTTP ${status} ${body.slice(0, 300)}`;
          },
        })),
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const cpuAfter = treeCpuMs(opts.pid);
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          rps: Math.max(0, result['2xx'] - gqlErrors) / result.duration,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          non2xx: result.non2xx,
          errors: result.errors,
          gqlErrors,
          firstFailure,
          count: latencies.length,
          cpuMsPerReq: cpuBefore !== undefined && cpuAfter !== undefined && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : undefined,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}
