import { type DevnetEvent, listScenarios, startDevnet } from '@ratify/devnet';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseOptions } from '../options';

const flagsSchema = z.object({
  scenario: z.string(),
  portBase: z.coerce.number().int().min(1).max(65_532),
  host: z.string(),
  blockTime: z.coerce.number().int().min(0),
  admin: z.boolean(),
  seed: z.string(),
  history: z.coerce.number().int().min(0),
  exitOnComplete: z.boolean(),
  verbose: z.boolean(),
});

function describe(e: DevnetEvent, verbose: boolean): string | null {
  switch (e.type) {
    case 'accounts':
      return [
        'Dev accounts (import a secret key into the dashboard wallet):',
        ...e.accounts.map(
          (a) =>
            `  ${a.name.padEnd(12)} ${a.role.padEnd(8)} ${a.address}  secret ${a.secretKeyHex}${a.dev ? '  <- demo' : ''}`,
        ),
      ].join('\n');
    case 'started':
      return [
        `Devnet '${e.scenario}' running:`,
        ...e.nodes.map((n) => `  ${n.chain} ${n.network.padEnd(8)} ${n.url}`),
      ].join('\n');
    case 'block':
      return verbose || e.transactions > 0
        ? `${e.chain}/${e.network} block ${e.height} (${e.transactions} tx)`
        : null;
    case 'transaction':
      return `${e.chain}/${e.network} ${e.height}: ${e.function} by ${e.caller} ${e.status}${e.reason ? ` (${e.reason})` : ''}`;
    default:
      return `${e.type}: ${JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
  }
}

/** `ratify devnet`: a local Alpha + Delta network driven by a scenario. */
export function registerDevnetCommand(program: Command): void {
  program
    .command('devnet')
    .description(
      `run the local devnet (scenarios: ${listScenarios()
        .map((s) => s.name)
        .join(', ')})`,
    )
    .option('--scenario <name>', 'scenario to run', 'demo')
    .option('--port-base <port>', 'first port: Alpha, Delta, then post-split Alpha, Delta', '3030')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--block-time <ms>', 'block interval in ms; 0 = manual (POST /devnet/advance)', '2000')
    .option('--admin', 'enable the /devnet admin routes (advance, faults)', false)
    .option('--seed <seed>', 'seed of the validator keys', 'ratify-devnet')
    .option('--history <n>', 'start with n past blocks', '0')
    .option('--exit-on-complete', 'stop once the scenario has played out', false)
    .option('--verbose', 'print every block', false)
    .action(async (raw: Record<string, unknown>) => {
      const f = parseOptions(flagsSchema, raw);
      const started = performance.now();
      let stop: (() => Promise<void>) | null = null;
      const devnet = await startDevnet({
        scenario: f.scenario,
        portBase: f.portBase,
        host: f.host,
        blockTimeMs: f.blockTime,
        admin: f.admin,
        seed: f.seed,
        history: f.history,
        log: (e) => {
          const line = describe(e, f.verbose);
          if (line) console.log(line);
          if (e.type === 'scenario-complete' && f.exitOnComplete)
            // The scenario may finish while start-up is still making blocks.
            setTimeout(() => void stop?.().then(() => process.exit(0)), 0);
        },
      });
      stop = () => devnet.stop();
      if (f.history > 0)
        console.log(
          `history: ${f.history} blocks made in ${Math.round(performance.now() - started)} ms`,
        );
      const shutdown = () => void devnet.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
