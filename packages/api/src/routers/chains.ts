import { listChainNetworks, listNodes } from '@ratify/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

export const chainsRouter = {
  list: publicProcedure.query(async ({ ctx }) => {
    const [networks, nodes] = await Promise.all([listChainNetworks(ctx.db), listNodes(ctx.db)]);
    return {
      networks: networks.map((n) => ({
        id: n.network.id,
        chain: n.network.chain,
        networkId: n.network.networkId,
        genesisHash: n.network.genesisHash,
        alphaGenesisHash: n.network.alphaGenesisHash,
        indexedHeight: n.indexedHeight,
        indexedAt: n.indexedAt?.toISOString() ?? null,
        lastBlockTimestamp: n.lastBlockTimestamp,
      })),
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
