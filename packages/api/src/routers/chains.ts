import { listChainNetworks, listNodes } from '@ratify/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { chainProduction } from '../read-models/production';
import { publicProcedure } from '../trpc';

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
        lastOkAt: n.lastOkAt?.toISOString() ?? null,
        lastError: n.lastError,
      })),
    };
  }),
} satisfies TRPCRouterRecord;
