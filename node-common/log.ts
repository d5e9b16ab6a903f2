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
    sink({ ...fields, t: new Date().toISOString(), level, scope, msg });
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (sub) => createLogger(`${scope}.${sub}`, sink, minLevel),
  };
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
