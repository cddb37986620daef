import { createDbClient, indexStatus, rewindTo } from '@ratify/db';
import { runIndexCommand } from '@ratify/indexer';
import type { Command } from 'commander';
import { z } from 'zod';
import { confirm, parseOptions } from '../options';
import { databaseFlags, readDatabaseTarget } from './db';

const rewindFlags = z.object({
  chain: z.enum(['alpha', 'delta'], { error: 'the chain is alpha or delta' }),
  network: z.coerce.number({ error: 'a network id is a number' }).int().min(0).max(65_535),
  to: z.coerce
    .number({ error: 'a height is a number' })
    .int('a height is a whole number')
    .min(-1, 'the height is -1 (everything) or more'),
  genesis: z.string().min(1).optional(),
  yes: z.boolean(),
});

/** `ratify index` (follow the nodes) and `ratify index rewind` (the explicit way back). */
export function registerIndexCommands(program: Command): void {
  const index = program
    .command('index')
    .description(
      'run the indexer alone: migrate (under a lock), then follow the nodes; env: DATABASE_URL, ALPHA_NODES, DELTA_NODES, DATABASE_SCHEMA, INDEXER_HOST, INDEXER_PORT, LOG_LEVEL, LOG_FORMAT, …',
    )
    .option(
      '--alpha <urls>',
      'Alpha node base URLs with the network segment, comma-separated (ALPHA_NODES)',
    )
    .option('--delta <urls>', 'Delta node base URLs, comma-separated (DELTA_NODES)')
    .option('--host <host>', 'interface of the ops server (INDEXER_HOST, default 127.0.0.1)')
    .option(
      '--port <port>',
      'port of the ops server: /health /ready /status /metrics (INDEXER_PORT, default 3100)',
    )
    .option('--schema <name>', "schema of Ratify's tables (DATABASE_SCHEMA, default ratify)")
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (LOG_LEVEL)')
    .option('--log-format <format>', 'json or pretty (LOG_FORMAT; default pretty on a terminal)')
    .action(async (raw: Record<string, string | undefined>) => {
      await runIndexCommand(process.env, {
        ALPHA_NODES: raw.alpha,
        DELTA_NODES: raw.delta,
        INDEXER_HOST: raw.host,
        INDEXER_PORT: raw.port,
        DATABASE_SCHEMA: raw.schema,
        LOG_LEVEL: raw.logLevel,
        LOG_FORMAT: raw.logFormat,
      });
    });

  databaseFlags(
    index
      .command('rewind')
      .description(
        'remove every row above HEIGHT for one chain-network (blocks, votes, proposals, validator sets, counters) in one transaction, and clear its pause',
      )
      .requiredOption('--chain <chain>', 'alpha or delta')
      .requiredOption('--network <id>', 'network id')
      .requiredOption(
        '--to <height>',
        'keep blocks up to and including this height (-1: remove all)',
      )
      .option(
        '--genesis <hash>',
        'genesis hash, when the chain and network match several chain-networks',
      )
      .option('--yes', 'do not ask for confirmation', false),
  ).action(async (raw) => {
    const f = parseOptions(rewindFlags, raw);
    const target = readDatabaseTarget(raw);
    const client = createDbClient(target.databaseUrl, {
      schema: target.schema,
      max: 2,
      applicationName: 'ratify-cli',
    });
    try {
      const matching = (await indexStatus(client.db)).filter(
        (n) =>
          n.chain === f.chain &&
          n.networkId === f.network &&
          (f.genesis === undefined || n.genesisHash === f.genesis),
      );
      if (matching.length !== 1) {
        const why =
          matching.length === 0
            ? `no indexed chain-network is ${f.chain} network ${f.network}${f.genesis ? ` with genesis ${f.genesis}` : ''}`
            : `${matching.length} chain-networks are ${f.chain} network ${f.network}; choose one with --genesis (${matching.map((m) => m.genesisHash).join(', ')})`;
        console.error(`ratify index rewind: ${why}`);
        process.exit(2);
      }
      const [n] = matching as [(typeof matching)[number]];
      const top = n.checkpoint?.height ?? -1;
      const counts = await client.sql<{ blocks: number; votes: number; proposals: number }[]>`
        SELECT (SELECT count(*)::int FROM blocks WHERE chain_network_id = ${n.id} AND height > ${f.to}) AS blocks,
               (SELECT count(*)::int FROM votes WHERE chain_network_id = ${n.id} AND height > ${f.to}) AS votes,
               (SELECT count(*)::int FROM proposals WHERE chain_network_id = ${n.id} AND created_at_height > ${f.to}) AS proposals`;
      const c = counts[0] ?? { blocks: 0, votes: 0, proposals: 0 };
      const plan = `rewind ${n.id} from height ${top} to ${f.to}: removes ${c.blocks} blocks, ${c.votes} votes, ${c.proposals} proposals${n.pause ? `, and clears its pause (${n.pause.reason} at ${n.pause.height})` : ''}`;
      if (!f.yes) {
        if (!process.stdin.isTTY) {
          console.error(
            `ratify index rewind: would ${plan}; pass --yes to confirm without a terminal`,
          );
          process.exit(2);
        }
        if (!(await confirm(`This will ${plan}. Go on?`))) {
          console.error('ratify index rewind: nothing changed');
          process.exit(1);
        }
      }
      const result = await rewindTo(client.db, n.id, f.to);
      console.log(
        `rewound ${n.id} to ${result.checkpoint ? `height ${result.checkpoint.height}` : 'nothing (it is indexed again from genesis)'}: removed ${result.blocks} blocks, ${result.votes} votes, ${result.proposals} proposals, ${result.validatorSets} validator sets; cleared ${result.countersCleared} counters${result.unpaused ? '; pause cleared' : ''}`,
      );
    } finally {
      await client.close();
    }
  });
}
