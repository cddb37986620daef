import { resolve } from 'node:path';
import { DEFAULT_SCHEMA, schemaNameSchema } from '@ratify/db';
import { startDevnet } from '@ratify/devnet';
import { type AlertSettings, createLogger, createShutdown, startIndexer } from '@ratify/indexer';
import type { Command } from 'commander';
import { z } from 'zod';
import { launchDatabase, startClean } from '../launch/database';
import { ensureWebBuilt, startWeb } from '../launch/web';
import { parseOptions, port } from '../options';
import { alertSettingsOrExit } from './alerts';

const upOptions = z.object({
  scenario: z
    .string()
    .refine(
      (v) => /^[a-z0-9-]+$/.test(v) || v.endsWith('.json'),
      'a scenario is a built-in name (lowercase letters, digits, dashes) or a .json file',
    ),
  host: z.string().min(1),
  port: port,
  indexerPort: port,
  devnetPortBase: port,
  pgPort: port,
  blockTime: z.coerce.number().int().min(100, 'block time is at least 100 ms').max(600_000),
  dataDir: z.string().min(1),
  keepData: z.boolean(),
  schema: schemaNameSchema,
});

export function registerUpCommand(program: Command) {
  program
    .command('up')
    .description('run the whole stack: database, devnet, indexer and dashboard')
    .option('--scenario <name>', 'devnet scenario to play: a built-in name or a .json file', 'demo')
    .option('--host <host>', 'interface every server listens on', '127.0.0.1')
    .option('--port <port>', 'dashboard port', '3000')
    .option('--indexer-port <port>', 'indexer ops port (/health /ready /status /metrics)', '3100')
    .option(
      '--devnet-port-base <port>',
      'first devnet port (Alpha; Delta +1; post-split +2, +3)',
      '3030',
    )
    .option('--pg-port <port>', 'embedded PostgreSQL port (unused with DATABASE_URL)', '54329')
    .option('--block-time <ms>', 'devnet block interval in milliseconds', '2000')
    .option('--data-dir <dir>', 'where the embedded database keeps its files', '.data')
    .option(
      '--keep-data',
      'keep the indexed data from the previous run instead of starting clean',
      false,
    )
    .option('--schema <name>', "schema of Ratify's tables (default: DATABASE_SCHEMA or ratify)")
    .action(async (raw) => {
      const o = parseOptions(upOptions, {
        ...raw,
        schema: raw.schema ?? process.env.DATABASE_SCHEMA ?? DEFAULT_SCHEMA,
      });
      await up(o, alertSettingsOrExit());
    });
}

async function up(o: z.infer<typeof upOptions>, alerts: AlertSettings) {
  const root = resolve(import.meta.dirname, '..', '..', '..', '..');
  const say = (line: string) => console.log(`[ratify] ${line}`);
  const logger = createLogger({ name: 'ratify', format: process.stdout.isTTY ? 'pretty' : 'json' });
  const shutdown = createShutdown(logger);
  let stopping = false;
  shutdown.signal.addEventListener('abort', () => {
    stopping = true;
  });
  const stops = { push: (name: string, stop: () => Promise<void>) => shutdown.add(name, stop) };

  try {
    const started = Date.now();
    const database = await launchDatabase({
      dataDir: resolve(root, o.dataDir),
      port: o.pgPort,
      url: process.env.DATABASE_URL,
    });
    stops.push('database', database.stop);
    say(database.embedded ? `embedded PostgreSQL on port ${o.pgPort}` : 'using DATABASE_URL');
    if (o.keepData) {
      const { migrateDatabase } = await import('@ratify/db/migrate');
      await migrateDatabase(database.url, { schema: o.schema });
    } else {
      // Refuses (with why and what to do) unless the schema holds only an earlier devnet
      // index, or is the embedded server's own.
      await startClean(database.url, o.schema, { embedded: database.embedded });
    }
    // Built only once this launcher owns its data directory and may use the database.
    const buildDone = ensureWebBuilt(root, say);
    buildDone.catch(() => {});

    // The devnet's scenario starts once the dashboard can show it from its first block.
    await buildDone;
    const devnet = await startDevnet({
      scenario: o.scenario,
      host: o.host,
      portBase: o.devnetPortBase,
      blockTimeMs: o.blockTime,
      admin: true,
      log: (event) => {
        // Blocks are visible on the dashboard; the log keeps what a person would look for.
        if (event.type === 'block' || event.type === 'started' || event.type === 'accounts') return;
        console.log(
          `[devnet] ${JSON.stringify(event, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`,
        );
      },
    });
    stops.push('devnet', devnet.stop);

    // Post-split nodes are listed too: until they start, their followers simply retry.
    const urls = (chain: 'alpha' | 'delta') =>
      devnet.nodes.filter((n) => n.chain === chain).map((n) => n.url);
    const indexer = await startIndexer({
      databaseUrl: database.url,
      schema: o.schema,
      origin: 'devnet',
      alphaNodes: urls('alpha'),
      deltaNodes: urls('delta'),
      host: o.host,
      port: o.indexerPort,
      pollIntervalMs: Math.min(500, Math.max(100, Math.floor(o.blockTime / 4))),
      // The devnet does not rate-limit unless a fault asks it to.
      requestsPerSecond: 100,
      alerts,
      // Governance shows on the dashboard and post-split nodes are absent until the split
      // (both are debug lines); the log keeps warnings and changes of state.
      logger: logger.child({ component: 'indexer' }),
    });
    stops.push('indexer', indexer.stop);

    const web = await startWeb({
      root,
      host: o.host,
      port: o.port,
      // Votes signed in the browser are relayed to the devnet's Alpha nodes.
      env: {
        DATABASE_URL: database.url,
        DATABASE_SCHEMA: o.schema,
        ALPHA_NODES: urls('alpha').join(','),
      },
      log: say,
    });
    stops.push('dashboard', web.stop);
    web.child.once('exit', (code) => {
      if (!stopping) void shutdown.exit(1, `the dashboard exited unexpectedly (code ${code})`);
    });

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        '',
        `Ratify is up (${seconds} s), scenario "${o.scenario}".`,
        `  dashboard      http://${o.host}:${o.port}`,
        `  indexer ops    http://${o.host}:${o.indexerPort}/status  (/health /ready /metrics)`,
        ...devnet.nodes.map((n) => `  devnet ${n.chain.padEnd(7)} ${n.url}`),
        `  database       ${database.embedded ? `embedded PostgreSQL, port ${o.pgPort}, files in ${o.dataDir}/postgres` : 'DATABASE_URL'}`,
        '',
        'Dev accounts (import one into the dashboard wallet to vote):',
        ...devnet.accounts.map(
          (a) => `  ${a.name.padEnd(10)} ${a.role.padEnd(9)} ${a.address}  key ${a.secretKeyHex}`,
        ),
        '',
        'Press Ctrl-C to stop.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`[ratify] could not start: ${error instanceof Error ? error.message : error}`);
    await shutdown.exit(1, 'start failed');
  }
}
