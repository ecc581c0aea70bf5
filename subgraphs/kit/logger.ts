/**
 * JSON-lines logger. Personal data (ID numbers, names, phone numbers, e-mail, dates of birth)
 * is redacted before anything is written, whatever field or message it hides in.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const PERSONAL_KEYS = new Set([
  'personalid', 'fullname', 'applicantname', 'phone', 'phonenumber', 'email', 'dateofbirth', 'dob', 'address',
]);
// 12-digit personal ids, 10-digit social insurance numbers / phone numbers, 9-digit old ID cards.
const ID_LIKE = /\b\d{9,12}\b/g;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return value.replace(ID_LIKE, (m) => `${m.slice(0, 2)}***${m.slice(-2)}`);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: value.stack };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = PERSONAL_KEYS.has(k.toLowerCase()) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(
  service: string,
  options: { level?: LogLevel; write?: (line: string) => void; base?: Record<string, unknown> } = {},
): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const base = { service, ...options.base };
  const log = (level: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < min) return;
    const entry = redact({ time: new Date().toISOString(), level, ...base, msg, ...fields });
    write(JSON.stringify(entry));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger(service, { ...options, base: { ...options.base, ...fields } }),
  };
}
