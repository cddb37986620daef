import { createDbClient, DEFAULT_SCHEMA, indexStatus, schemaNameSchema } from '@ratify/db';
import { migrateDatabase, migrationStatus } from '@ratify/db/migrate';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../options';

/** What every database command reads from the environment (flags override). */
export const databaseTarget = z.object({
  databaseUrl: z
    .string({ error: 'DATABASE_URL is required (or --database-url)' })
    .min(1, 'DATABASE_URL is required (or --database-url)')
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'a database URL starts with postgres://'),
  schema: schemaNameSchema,
});

export function databaseFlags(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL server (default: DATABASE_URL)')
    .option(
      '--schema <name>',
      `schema of Ratify's tables (default: DATABASE_SCHEMA or ${DEFAULT_SCHEMA})`,
    );
}

export function readDatabaseTarget(raw: { databaseUrl?: string; schema?: string }) {
  return parseOptions(databaseTarget, {
    databaseUrl: raw.databaseUrl ?? process.env.DATABASE_URL,
    schema: raw.schema ?? process.env.DATABASE_SCHEMA ?? DEFAULT_SCHEMA,
  });
}

/** `ratify db migrate` and `ratify db status`. */
export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description("Ratify's database: migrations and what the index holds");

  databaseFlags(
    db
      .command('migrate')
      .description('apply pending migrations (under an advisory lock; never drops anything)'),
  ).action(async (raw) => {
    const target = readDatabaseTarget(raw);
    const result = await migrateDatabase(target.databaseUrl, { schema: target.schema });
    console.log(
      result.applied.length > 0
        ? `applied ${result.applied.length} migration(s) to schema "${result.schema}": ${result.applied.join(', ')}`
        : `schema "${result.schema}" is up to date (${result.alreadyApplied} migrations applied)`,
    );
  });

  databaseFlags(
    db
      .command('status')
      .description(
        'migrations applied, and per chain-network: genesis, checkpoint, blocks, proposals, votes',
      )
      .option('--json', 'print JSON', false),
  ).action(async (raw: { json: boolean; databaseUrl?: string; schema?: string }) => {
    const target = readDatabaseTarget(raw);
    const migrations = await migrationStatus(target.databaseUrl, { schema: target.schema });
    let networks: Awaited<ReturnType<typeof indexStatus>> = [];
    if (migrations.applied.length > 0) {
      const client = createDbClient(target.databaseUrl, {
        schema: target.schema,
        max: 1,
        applicationName: 'ratify-cli',
      });
      try {
        networks = await indexStatus(client.db);
      } finally {
        await client.close();
      }
    }
    if (raw.json) {
      console.log(JSON.stringify({ migrations, chainNetworks: networks }, null, 2));
      return;
    }
    console.log(
      `schema "${migrations.schema}": ${migrations.schemaExists ? '' : 'absent; '}${migrations.applied.length} migration(s) applied, ${migrations.pending.length} pending${migrations.pending.length ? ` (${migrations.pending.join(', ')})` : ''}`,
    );
    if (networks.length === 0) {
      console.log('no chain-network indexed yet');
      return;
    }
    for (const n of networks) {
      console.log(
        [
          `${n.chain} network ${n.networkId}  ${n.id}`,
          `  genesis     ${n.genesisHash}`,
          `  checkpoint  ${n.checkpoint ? `height ${n.checkpoint.height}, ${n.checkpoint.blockHash}` : 'none'}`,
          `  rows        ${n.blocks} blocks, ${n.proposals} proposals, ${n.votes} votes`,
          `  writer      ${n.writer ? `${n.writer.holder} (lease until ${n.writer.expiresAt.toISOString()})` : 'none'}`,
          ...(n.pause
            ? [`  PAUSED      at ${n.pause.height}: ${n.pause.reason}: ${n.pause.detail}`]
            : []),
        ].join('\n'),
      );
    }
  });
}
