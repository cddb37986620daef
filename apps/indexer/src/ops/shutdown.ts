import { classifyError } from '../follow/errors';
import type { Logger } from './log';

export type Shutdown = {
  signal: AbortSignal;
  /** Registers a cleanup; cleanups run in reverse order of registration. */
  add: (name: string, task: () => Promise<void>) => void;
  /** Stops everything, then exits the process with `code`. */
  exit: (code: number, reason: string) => Promise<void>;
};

/**
 * The one way a Ratify process stops: on SIGINT/SIGTERM, or on an error nothing caught,
 * every cleanup runs (newest first) within a grace period, then the process exits. A second
 * signal, or the grace period running out, exits at once.
 */
export function createShutdown(logger: Logger, options: { graceMs?: number } = {}): Shutdown {
  const abort = new AbortController();
  const tasks: { name: string; task: () => Promise<void> }[] = [];
  let stopping: Promise<void> | undefined;

  const exit = (code: number, reason: string): Promise<void> => {
    if (stopping) return stopping;
    abort.abort();
    stopping = (async () => {
      logger.info({ reason }, 'stopping');
      const timer = setTimeout(() => {
        logger.error({ graceMs: options.graceMs ?? 15_000 }, 'did not stop in time; exiting now');
        process.exit(code === 0 ? 1 : code);
      }, options.graceMs ?? 15_000);
      timer.unref();
      for (const { name, task } of tasks.reverse()) {
        await task().catch((error) => logger.error({ err: error, task: name }, 'while stopping'));
      }
      clearTimeout(timer);
      logger.info(code === 0 ? 'stopped cleanly' : 'stopped after an error');
      process.exit(code);
    })();
    return stopping;
  };

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) {
        logger.warn({ signal: sig }, 'second signal: exiting now');
        process.exit(1);
      }
      void exit(0, sig);
    });
  }
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    void exit(1, 'uncaught exception');
  });
  process.on('unhandledRejection', (error) => {
    // A lost database connection rejects every query in flight on it, also those nobody
    // waits for any more; the loops that matter retry. Anything else is a defect: stop.
    if (classifyError(error).kind === 'database' && classifyError(error).retryable) {
      logger.warn({ err: error }, 'a query on a lost database connection failed unobserved');
      return;
    }
    logger.fatal({ err: error }, 'unhandled promise rejection');
    void exit(1, 'unhandled rejection');
  });

  return { signal: abort.signal, add: (name, task) => tasks.push({ name, task }), exit };
}
