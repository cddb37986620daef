import { listNodes } from '@ratify/db';
import { defineView, type ReadContext } from './cache/define-view';
import { chainContextView } from './chain-context';

type NodeHead = { chainNetworkId: string | null; headHeight: number | null };

function lagOf(node: NodeHead, all: readonly NodeHead[]): number | null {
  if (node.chainNetworkId === null || node.headHeight === null) return null;
  const best = Math.max(
    ...all.filter((n) => n.chainNetworkId === node.chainNetworkId).map((n) => n.headHeight ?? 0),
  );
  return best - node.headHeight;
}

/** Every chain-network with its height and pace, and every followed node. */
export async function buildChainsView(ctx: ReadContext) {
  const [chain, nodes] = await Promise.all([
    chainContextView.read(ctx, undefined),
    listNodes(ctx.db),
  ]);
  return {
    networks: chain.listed.map((n) => {
      const production = chain.production.get(n.network.id) ?? null;
      return {
        id: n.network.id,
        chain: n.network.chain,
        networkId: n.network.networkId,
        genesisHash: n.network.genesisHash,
        alphaGenesisHash: n.network.alphaGenesisHash,
        indexedHeight: n.indexedHeight,
        indexedAt: n.indexedAt?.toISOString() ?? null,
        lastBlockTimestamp: n.lastBlockTimestamp,
        medianIntervalMs: production?.stats.medianMs ?? null,
        production:
          production === null
            ? ('unknown' as const)
            : production.stall.stalled
              ? ('stalled' as const)
              : ('producing' as const),
        stallThresholdSeconds: production?.stall.thresholdSeconds ?? null,
      };
    }),
    nodes: nodes.map((n) => ({
      url: n.url,
      chain: n.chain,
      chainNetworkId: n.chainNetworkId,
      headHeight: n.headHeight,
      /** Blocks behind the most advanced node of the same chain-network. */
      lag: lagOf(n, nodes),
      lastOkAt: n.lastOkAt?.toISOString() ?? null,
      lastError: n.lastError,
    })),
  };
}

/**
 * Node status is written without a NOTIFY (it changes on every poll), so this view follows
 * the clock as well as the commits: at most one computation a second.
 */
export const chainsView = defineView({
  name: 'chains',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => buildChainsView(ctx),
});
