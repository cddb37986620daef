import { listChainNetworks, listNodes } from '@ratify/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { blockProduction } from '../read-models/block-production';
import { chainProduction } from '../read-models/production';
import { publicProcedure } from '../trpc';

type NodeHead = { chainNetworkId: string | null; headHeight: number | null };

function lagOf(node: NodeHead, all: readonly NodeHead[]): number | null {
  if (node.chainNetworkId === null || node.headHeight === null) return null;
  const best = Math.max(
    ...all.filter((n) => n.chainNetworkId === node.chainNetworkId).map((n) => n.headHeight ?? 0),
  );
  return best - node.headHeight;
}

export const chainsRouter = {
  list: publicProcedure.query(async ({ ctx }) => {
    const [networks, nodes] = await Promise.all([listChainNetworks(ctx.db), listNodes(ctx.db)]);
    return {
      networks: await Promise.all(
        networks.map(async (n) => {
          const production = await chainProduction(ctx.db, n.network.id);
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
      ),
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
  }),
  /** Blocks per minute of each chain-network over the last half hour, for the chart. */
  production: publicProcedure.query(({ ctx }) => blockProduction(ctx.db)),
} satisfies TRPCRouterRecord;
