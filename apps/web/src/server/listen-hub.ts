import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export type HubStatus = 'connecting' | 'live' | 'down';

export type ListenHub = {
  status(): HubStatus;
  /** `onPayload` for each notification; `onStatus` whenever the connection goes up or down. */
  subscribe(listener: {
    onPayload?: (payload: string) => void;
    onStatus?: (status: HubStatus) => void;
  }): () => void;
  close(): Promise<void>;
};

export type ListenHubOptions = {
  url: string;
  channel: string;
  /** How often the connection proves it still hears notifications; three silent periods end it. */
  pingMs?: number;
  backoffMs?: { min: number; max: number };
  log?: (entry: { msg: string; error?: string }) => void;
};

/**
 * One LISTEN connection for the whole process, kept alive: if the first LISTEN fails or the
 * connection is lost and postgres.js cannot re-listen at once, it retries with exponential
 * backoff. postgres.js re-listens by itself after a cut, but drops the listener silently if
 * that one attempt fails, so the hub also sends itself a NOTIFY on a private channel every
 * `pingMs`: when neither pings nor notifications arrive for three periods, the connection is
 * taken as gone and it starts over.
 * (A plain pooled `sql.listen`, not `sql.reserve()`, whose cut connections can crash the
 * process with postgres.js 3.4.)
 */
export function createListenHub(options: ListenHubOptions): ListenHub {
  const pingMs = options.pingMs ?? 5_000;
  const backoff = options.backoffMs ?? { min: 250, max: 10_000 };
  const log = options.log ?? (() => {});
  const pingChannel = `ratify_ping_${randomBytes(6).toString('hex')}`;
  const listeners = new Set<Parameters<ListenHub['subscribe']>[0]>();
  const clientOptions = { max: 1, onnotice: () => {}, connect_timeout: 5 } as const;
  // Pings travel through another connection, so a dead LISTEN connection cannot answer them.
  const pinger = postgres(options.url, clientOptions);
  let status: HubStatus = 'connecting';
  let listener: postgres.Sql | undefined;
  let closed = false;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastPong = Date.now();
  let awaitingPing = false;

  const setStatus = (next: HubStatus) => {
    if (next === status) return;
    status = next;
    for (const l of listeners) l.onStatus?.(next);
  };

  async function connect() {
    if (closed) return;
    const sql = postgres(options.url, {
      ...clientOptions,
      connection: { application_name: 'ratify-web-listen' },
    });
    listener = sql;
    try {
      // Called again by postgres.js each time it re-listens after a lost connection.
      const onListen = () => {
        if (listener !== sql) return;
        attempt = 0;
        lastPong = Date.now();
        setStatus('live');
      };
      await sql.listen(pingChannel, () => {
        lastPong = Date.now();
        awaitingPing = false;
      });
      await sql.listen(
        options.channel,
        (payload) => {
          // Any notification proves the connection as well as a ping does.
          lastPong = Date.now();
          for (const l of listeners) l.onPayload?.(payload);
        },
        onListen,
      );
    } catch (e) {
      log({ msg: 'LISTEN failed, retrying', error: e instanceof Error ? e.message : String(e) });
      restart();
    }
  }

  function restart() {
    if (closed) return;
    setStatus('down');
    const old = listener;
    listener = undefined;
    void old?.end({ timeout: 0 }).catch(() => {});
    const delay = Math.min(backoff.max, backoff.min * 2 ** attempt);
    attempt += 1;
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), delay);
  }

  const pingTimer = setInterval(() => {
    if (closed || status !== 'live') return;
    // Three periods, not one: a busy event loop can hold a ping back for seconds.
    if (awaitingPing && Date.now() - lastPong > 3 * pingMs) {
      log({ msg: 'LISTEN connection stopped hearing its own pings; reconnecting' });
      awaitingPing = false;
      restart();
      return;
    }
    awaitingPing = true;
    pinger`SELECT pg_notify(${pingChannel}, '')`.catch(() => {});
  }, pingMs);
  pingTimer.unref();

  void connect();

  return {
    status: () => status,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      clearInterval(pingTimer);
      clearTimeout(retry);
      await Promise.all([
        listener?.end({ timeout: 1 }).catch(() => {}),
        pinger.end({ timeout: 1 }).catch(() => {}),
      ]);
    },
  };
}
