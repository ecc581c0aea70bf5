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

export function startDaemon(command: string, args: string[], options: DaemonOptions = {}): Daemon {
  const { stopSignal = 'SIGTERM', killSignal = 'SIGKILL', stopTimeoutMs = 5000, logFile, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
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
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    output: () => lines.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(stopSignal);
      const timer = setTimeout(() => child.kill(killSignal), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
      file?.end();
    },
  };
}

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Polls `check` until it succeeds, the process dies, or the timeout passes. */
export async function waitUntil(what: string, daemon: Daemon, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (daemon.child.exitCode !== null) {
      throw new Error(`${what} exited with code ${daemon.child.exitCode}:\n${daemon.output()}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await daemon.stop();
  throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${daemon.output()}`);
}
