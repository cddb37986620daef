import { DEFAULT_HRP } from '@ratify/aleo';
import { z } from 'zod';
import type { ChainName } from './chain/types';
import { createAdminHandler } from './http/admin-routes';
import { createNodeServer, type NodeServer } from './http/server';
import { createDevnetCore, type Slot } from './network/devnet';
import type { DevnetAccount, DevnetEvent } from './network/events';
import { findScenario } from './scenarios/registry';

export const devnetOptionsSchema = z.object({
  scenario: z.string().default('demo'),
  portBase: z.number().int().min(0).max(65_532).default(3030),
  host: z.string().default('127.0.0.1'),
  /** 0 = manual: blocks only through `advance` or `POST /devnet/advance`. */
  blockTimeMs: z.number().int().min(0).default(2000),
  admin: z.boolean().default(false),
  seed: z.string().default('ratify-devnet'),
  history: z.number().int().min(0).max(1_000_000).default(0),
  /** Fixes block timestamps for reproducible chains; defaults to now minus the pre-made blocks. */
  genesisTimestamp: z.number().int().positive().optional(),
  hrp: z.object({ alpha: z.string(), delta: z.string() }).default({ ...DEFAULT_HRP }),
  log: z.custom<(event: DevnetEvent) => void>((v) => typeof v === 'function').optional(),
});
export type DevnetOptions = z.input<typeof devnetOptionsSchema>;

export type DevnetNode = {
  chain: ChainName;
  network: string;
  networkId: number;
  /** Base URL including `/{network}`. */
  url: string;
  side: 'source' | 'target';
  port: number;
  /** False for a post-split node before the split. */
  running: boolean;
};

export type Devnet = {
  nodes: DevnetNode[];
  accounts: DevnetAccount[];
  events: DevnetEvent[];
  advance(n: number): Promise<void>;
  stop(): Promise<void>;
};

/** Starts every node of the scenario and, unless manual, produces a block every `blockTimeMs`. */
export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const o = devnetOptionsSchema.parse(options);
  const nominalMs = o.blockTimeMs || 2000;
  const scenario = findScenario(o.scenario).build({ blockTimeMs: nominalMs });
  const premade = o.history + scenario.preludeBlocks;
  const genesisTimestamp =
    o.genesisTimestamp ?? Math.floor(Date.now() / 1000) - Math.floor((premade * nominalMs) / 1000);
  const events: DevnetEvent[] = [];
  const emit = (e: DevnetEvent) => {
    events.push(e);
    if (events.length > 50_000) events.splice(0, 10_000);
    try {
      o.log?.(e);
    } catch (logError) {
      // A consumer's logger that throws must not fail the tick that is reporting.
      process.emitWarning(`devnet log handler threw: ${messageOf(logError)}`);
    }
  };

  const servers: NodeServer[] = [];
  const urlOf = (slot: Slot, i: number) => `http://${o.host}:${o.portBase + i}/${slot.networkName}`;
  const core = createDevnetCore({
    scenario,
    seed: o.seed,
    hrp: o.hrp,
    blockTimeMs: nominalMs,
    history: o.history,
    genesisTimestamp,
    emit,
    onChainStarted: async (slot) => {
      const server = servers[core.slots.indexOf(slot)];
      if (server && !server.listening()) await server.listen();
    },
  });

  // Ticks run one at a time. A failed tick rejects only its own caller; the queue itself
  // always settles, so the next tick runs on whatever the failed one left.
  let queue: Promise<void> = Promise.resolve();
  const advance = (n: number): Promise<void> => {
    const run = queue.then(async () => {
      for (let i = 0; i < n; i++) await core.tick();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const info = () => ({
    scenario: scenario.name,
    complete: core.isComplete(),
    nodes: nodes(),
    heights: core.slots.map((s) => s.node?.realHeight() ?? null),
    accounts: core.accounts.map(({ secretKeyHex: _secret, ...a }) => ({
      ...a,
      stake: a.stake.toString(),
    })),
  });
  core.slots.forEach((slot, i) => {
    const server: NodeServer = createNodeServer({
      host: o.host,
      port: o.portBase + i,
      node: () => slot.node,
      peers: () => Math.max(0, slot.authors.size - 1),
      admin: o.admin
        ? createAdminHandler({ slot, server: () => server, advance, info, events: () => events })
        : null,
    });
    servers.push(server);
  });
  const nodes = (): DevnetNode[] =>
    core.slots.map((slot, i) => ({
      chain: slot.chain,
      network: slot.networkName,
      networkId: slot.networkId,
      url: urlOf(slot, i),
      side: slot.side,
      port: o.portBase + i,
      running: slot.node !== null,
    }));

  emit({ type: 'accounts', accounts: core.accounts });
  await advance(premade);
  try {
    for (const [i, server] of servers.entries()) if (core.slots[i]?.node) await server.listen();
  } catch (e) {
    await Promise.all(servers.map((s) => s.close()));
    throw e;
  }
  emit({ type: 'started', scenario: scenario.name, nodes: nodes().filter((n) => n.running) });

  let timer: NodeJS.Timeout | null = null;
  if (o.blockTimeMs > 0) {
    let busy = false;
    timer = setInterval(() => {
      if (busy) return;
      busy = true;
      // Nobody awaits the timer: a failure is reported here and the next interval tries again.
      advance(1)
        .catch((e: unknown) => emit({ type: 'tick-failed', error: messageOf(e) }))
        .finally(() => {
          busy = false;
        });
    }, o.blockTimeMs);
  }

  return {
    get nodes() {
      return nodes();
    },
    accounts: core.accounts,
    events,
    advance,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await queue;
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
