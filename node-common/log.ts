// Structured log lines (JSON) so a technician can grep months of logs; one sink, swappable in tests.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export type LogSink = (line: { t: string; level: LogLevel; scope: string; msg: string } & Record<string, unknown>) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const stderrSink: LogSink = (line) => {
  process.stderr.write(`${JSON.stringify(line)}\n`);
};

export function createLogger(scope: string, sink: LogSink = stderrSink, minLevel: LogLevel = 'info'): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    if (order[level] < order[minLevel]) return;
    sink({ ...(fields ? (redactSecrets(fields) as Record<string, unknown>) : {}), t: new Date().toISOString(), level, scope, msg: redactText(msg) });
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (sub) => createLogger(`${scope}.${sub}`, sink, minLevel),
  };
}

// A safety net under the rule that no token is logged: a URL's token=… (or access_token, key, password)
// query value and a Bearer credential are masked in every message and field, however they got there.
const SECRET_PARAM = /([?&#;](?:access_token|token|key|password|secret)=)[^&#\s"'<>]+/gi;
const BEARER = /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/g;
// Environment assignments printed for an operator to copy: TOAN_CANH_HUB_TOKEN=….
const ENV_TOKEN = /(\b[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD)=)\S+/g;
export const REDACTED = '***';

export function redactText(text: string): string {
  return text.replace(SECRET_PARAM, `$1${REDACTED}`).replace(BEARER, `$1${REDACTED}`).replace(ENV_TOKEN, `$1${REDACTED}`);
}

/** Strings anywhere in a log line's fields (nested up to a few levels) with their secrets masked. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactSecrets(v, depth + 1);
  return out;
}

/** Collects lines in memory: for tests that check what was logged. */
export function memoryLogger(): Logger & { lines: Parameters<LogSink>[0][] } {
  const lines: Parameters<LogSink>[0][] = [];
  return Object.assign(createLogger('test', (l) => lines.push(l), 'debug'), { lines });
}

/** One line to every sink: stderr for a terminal or journald, a file for the technician. */
export function teeSink(...sinks: LogSink[]): LogSink {
  return (line) => {
    for (const sink of sinks) sink(line);
  };
}
