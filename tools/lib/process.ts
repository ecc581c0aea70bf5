import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A child process whose last output lines are kept, to explain a failed start. */
export interface Daemon {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface DaemonOptions extends SpawnOptions {
  /** How to ask it to stop (SIGTERM unless said), and how to insist after `stopTimeoutMs`. */
  stopSignal?: NodeJS.Signals;
  killSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
  /** Appends everything it prints to this file too. */
  logFile?: string;
}

/**
 * Daemons still running when this process exits (an uncaught error, process.exit) are asked to
 * stop then, so that none outlives us; only a SIGKILL of this process leaves them behind (the
 * next start of PostgreSQL on the same directory clears that, tools/postgres).
 */
const running = new Map<ChildProcess, NodeJS.Signals>();
process.on('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

/** Asks `child` to stop with `signal` when this process exits before it did. */
export function stopOnExit(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  running.set(child, signal);
  child.once('exit', () => running.delete(child));
}

export function startDaemon(command: string, args: string[], options: DaemonOptions = {}): Daemon {
  const { stopSignal = 'SIGTERM', killSignal = 'SIGKILL', stopTimeoutMs = 5000, logFile, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  stopOnExit(child, stopSignal);
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
  }).then(() => file?.end());
  return {
    child,
    output: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(stopSignal);
      const timer = setTimeout(() => child.kill(killSignal), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `check` until it succeeds, the process dies, or the timeout passes. */
export async function waitUntil(what: string, daemon: Daemon, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = daemon.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`${what} exited with ${exitCode !== null ? `code ${exitCode}` : signalCode}:\n${daemon.output()}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await daemon.stop();
  throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${daemon.output()}`);
}
