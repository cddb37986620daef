import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The process's root logger: JSON lines by default (what log shippers read), pretty on a
 * terminal. Components take `logger.child({ component, chain, ... })` so every line names
 * what it is about.
 */
export function createLogger(
  options: {
    level?: LogLevel;
    format?: LogFormat;
    name?: string;
    destination?: NodeJS.WritableStream;
  } = {},
): Logger {
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const base = { level: options.level ?? 'info', name: options.name ?? 'ratify' };
  if (format === 'pretty') {
    // Synchronous prettifier: no worker thread, lines appear in order with other output.
    return pino(
      base,
      pretty({ colorize: true, sync: true, destination: options.destination ?? 1 }),
    );
  }
  return options.destination ? pino(base, options.destination) : pino(base);
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** The older `{ level, msg, ...fields }` log calls, routed into a pino logger. */
export type LogEvent = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>;

export function eventLog(logger: Logger): (event: LogEvent) => void {
  return ({ level, msg, ...fields }) => logger[level](fields, msg);
}
