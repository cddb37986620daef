import { createServer } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { settleClientAddress, trustProxyHopsSchema } from './client-address';
import { frontHook } from './hook';
import { createResponseCache } from './response-cache';

/**
 * The dashboard's production server: Next.js's request handler behind the response cache
 * (see response-cache.ts). `ratify serve` and `ratify up` start it through serve.mjs.
 */
const args = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.coerce.number().int().min(1).max(65_535).default(3000),
  })
  .strict();

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(host|port)(?:=(.*))?$/.exec(argv[i] ?? '');
    if (!m?.[1]) throw new Error(`unknown argument ${argv[i]} (flags: --host, --port)`);
    raw[m[1]] = m[2] ?? argv[++i] ?? '';
  }
  const parsed = args.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `bad flags: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

async function main() {
  const { host, port } = parseArgs(process.argv.slice(2));
  const hops = trustProxyHopsSchema.safeParse(process.env.TRUST_PROXY_HOPS);
  if (!hops.success) throw new Error(hops.error.issues[0]?.message ?? 'bad TRUST_PROXY_HOPS');
  // Set before Next.js loads: it reads NODE_ENV when its modules are first evaluated.
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  const app = next({
    dev: false,
    dir: join(import.meta.dirname, '..', '..'),
    hostname: host,
    port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = createResponseCache({
    origin: (req, res) => handle(req, res),
    dataToken: () => frontHook().dataToken?.(),
  });
  frontHook().stats = cache.stats;

  const server = createServer((req, res) => {
    // Before anything reads it: the vote relay's per-client limit keys on this address.
    settleClientAddress(req, hops.data);
    cache.handle(req, res).catch((e: unknown) => {
      console.error(
        JSON.stringify({ level: 'error', msg: 'request failed', url: req.url, error: String(e) }),
      );
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  });
  // Longer than a typical proxy's idle timeout, so the proxy closes idle connections first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal: do not wait
    stopping = true;
    console.error(JSON.stringify({ level: 'info', msg: `${signal}: stopping the web server` }));
    server.close();
    server.closeIdleConnections();
    // Event streams never end by themselves: give answers in flight a moment, then go.
    setTimeout(() => {
      server.closeAllConnections();
      void app.close().finally(() => process.exit(0));
    }, 1_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  console.log(`web server listening on http://${host}:${port}`);
  // The first request opens the LISTEN connection and so gives the cache its data token: make
  // it now rather than let the first viewers pass through uncached.
  const self = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  void fetch(`http://${self.includes(':') ? `[${self}]` : self}:${port}/api/health`, {
    signal: AbortSignal.timeout(10_000),
  }).catch(() => {});
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
