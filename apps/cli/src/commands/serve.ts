import { resolve } from 'node:path';
import { migrationStatus } from '@ratify/db/migrate';
import { createLogger, createShutdown } from '@ratify/indexer';
import type { Command } from 'commander';
import { z } from 'zod';
import { ensureWebBuilt, startWeb } from '../launch/web';
import { nodeUrls, parseOptions, port } from '../options';
import { databaseTarget } from './db';

const serveFlags = databaseTarget.extend({
  host: z.string().min(1),
  port,
  alphaNodes: nodeUrls,
});

/**
 * `ratify serve`: the dashboard alone, against an index that `ratify index` keeps. Stateless:
 * run any number behind a load balancer. It never migrates or writes the index.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the dashboard alone against DATABASE_URL (votes are relayed to ALPHA_NODES); any number can run behind a load balancer',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--database-url <url>', 'PostgreSQL server (default: DATABASE_URL)')
    .option('--schema <name>', "schema of Ratify's tables (default: DATABASE_SCHEMA or ratify)")
    .option('--alpha <urls>', 'Alpha nodes that signed votes are relayed to (default: ALPHA_NODES)')
    .action(async (raw: Record<string, string | undefined>) => {
      const o = parseOptions(serveFlags, {
        host: raw.host,
        port: raw.port,
        databaseUrl: raw.databaseUrl ?? process.env.DATABASE_URL,
        schema: raw.schema ?? process.env.DATABASE_SCHEMA ?? 'ratify',
        alphaNodes: raw.alpha ?? process.env.ALPHA_NODES ?? '',
      });
      const logger = createLogger({ name: 'ratify-serve' });
      const shutdown = createShutdown(logger);
      try {
        const migrations = await migrationStatus(o.databaseUrl, { schema: o.schema }).catch(
          (error) => {
            throw new Error(
              `cannot reach the database: ${error instanceof Error ? error.message : error}`,
            );
          },
        );
        if (migrations.applied.length === 0) {
          logger.warn(
            { schema: o.schema },
            'the schema holds no Ratify index yet: start `ratify index` (it migrates) or run `ratify db migrate`',
          );
        } else if (migrations.pending.length > 0) {
          logger.warn(
            { pending: migrations.pending },
            'the index is older than this dashboard: `ratify index` migrates it',
          );
        }
        const root = resolve(import.meta.dirname, '..', '..', '..', '..');
        await ensureWebBuilt(root, (line) => logger.info(line));
        const web = await startWeb({
          root,
          host: o.host,
          port: o.port,
          env: {
            DATABASE_URL: o.databaseUrl,
            DATABASE_SCHEMA: o.schema,
            ALPHA_NODES: o.alphaNodes.join(','),
          },
          log: (line) => logger.info(line),
        });
        shutdown.add('dashboard', web.stop);
        web.child.once(
          'exit',
          (code) => void shutdown.exit(1, `the dashboard exited (code ${code})`),
        );
        logger.info({ url: `http://${o.host}:${o.port}` }, 'dashboard serving');
      } catch (error) {
        logger.fatal(`could not start: ${error instanceof Error ? error.message : error}`);
        await shutdown.exit(1, 'start failed');
      }
    });
}
