import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { currentTraceId } from './tracing';

/**
 * JSON-lines logging on pino (issue 16). Personal data (ID numbers, names, phone numbers, e-mail,
 * dates of birth, tokens) is redacted before pino sees it, whatever field, message or error stack
 * it hides in: pino's own `redact` takes fixed paths, and ours must catch a phone number inside a
 * message or a stack. Every line carries the request id of the request it was written for (kept
 * in an async scope by the HTTP front, platform/http.ts) and the active trace id when tracing is on.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const PERSONAL_KEYS = new Set([
  'personalid', 'fullname', 'applicantname', 'phone', 'phonenumber', 'email', 'dateofbirth', 'dob', 'address',
  'authorization', 'token', 'internaltoken', 'password', 'otp',
]);
// 12-digit personal ids, 10-digit social insurance numbers / phone numbers, 9-digit old ID cards.
const ID_LIKE = /\b\d{9,12}\b/g;
// A bearer token or any JWT-shaped string that slipped into a message.
const JWT_LIKE = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;

const redactText = (text: string) => text.replace(ID_LIKE, (m) => `${m.slice(0, 2)}***${m.slice(-2)}`).replace(JWT_LIKE, '[token]');

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return { name: value.name, message: redactText(value.message), ...(code !== undefined ? { code } : {}), stack: value.stack && redactText(value.stack) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = PERSONAL_KEYS.has(k.toLowerCase()) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

const requestScope = new AsyncLocalStorage<string>();

/** Runs `work` so that every line logged inside it names `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

function scopeFields(): Record<string, string> {
  const requestId = requestScope.getStore();
  const traceId = currentTraceId();
  return { ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function wrap(p: pino.Logger): Logger {
  const log = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (!p.isLevelEnabled(level)) return;
    p[level](fields ? (redact(fields) as object) : {}, redactText(msg));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => wrap(p.child(redact(fields) as pino.Bindings)),
  };
}

export function createLogger(
  service: string,
  options: { level?: LogLevel; write?: (line: string) => void; base?: Record<string, unknown> } = {},
): Logger {
  const { write } = options;
  // Asynchronous writes to stdout: lines written while one is in flight go out in one write
  // (the per-request line was the gateway's largest CPU cost under load, issue 15); pino flushes
  // what is pending when the process exits.
  const destination = write ? { write: (line: string) => write(line.trimEnd()) } : pino.destination({ dest: 1, sync: false });
  const p = pino(
    {
      level: options.level ?? 'info',
      base: redact({ service, ...options.base }) as Record<string, unknown>,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: scopeFields,
      // Errors are already plain (redacted) objects here; pino's own serializer would re-type them.
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );
  return wrap(p);
}
