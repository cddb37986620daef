import { listChainNetworks, listNodes, recentBlocks } from '@ratify/db';
import { detectStall, intervalStats } from '@ratify/governance';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

export const chainsRouter = {
  list: publicProcedure.query(async ({ ctx }) => {
    const [networks, nodes] = await Promise.all([listChainNetworks(ctx.db), listNodes(ctx.db)]);
    const now = Math.floor(Date.now() / 1000);
    return {
      networks: await Promise.all(
        networks.map(async (n) => {
          // Block production judged against the chain's own recent pace.
          const blocks = await recentBlocks(ctx.db, n.network.id, 50);
          const stats = intervalStats(
            blocks.map((b) => ({ height: b.height, timestamp: b.timestamp })),
          );
          const stall = stats ? detectStall(stats, now) : null;
          return {
            id: n.network.id,
            chain: n.network.chain,
            networkId: n.network.networkId,
            genesisHash: n.network.genesisHash,
            alphaGenesisHash: n.network.alphaGenesisHash,
            indexedHeight: n.indexedHeight,
            indexedAt: n.indexedAt?.toISOString() ?? null,
            lastBlockTimestamp: n.lastBlockTimestamp,
            medianIntervalMs: stats?.medianMs ?? null,
            production:
              stall === null
                ? ('unknown' as const)
                : stall.stalled
                  ? ('stalled' as const)
                  : ('producing' as const),
            stallThresholdSeconds: stall?.thresholdSeconds ?? null,
          };
        }),
      ),
      nodes: nodes.map((n) => ({
        url: n.url,
        chain: n.chain,
        chainNetworkId: n.chainNetworkId,
        headHeight: n.headHeight,
        lastOkAt: n.lastOkAt?.toISOString() ?? null,
        lastError: n.lastError,
      })),
    };
  }),
} satisfies TRPCRouterRecord;
