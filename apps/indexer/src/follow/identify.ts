import type { Block, NodeClient } from '@ratify/aleo';
import { type Database, upsertChainNetwork } from '@ratify/db';
import { GenesisChangedError } from './errors';
import type { Chain } from './status';

export type ChainNetworkIdentity = {
  id: string;
  chain: Chain;
  networkId: number;
  genesisHash: string;
};

/**
 * Stage 1: which chain-network a node serves, by (chain, network id, genesis hash). After the
 * split the upgraded side is simply another chain-network. A node already bound to one that
 * starts serving another genesis is refused rather than followed into a different chain.
 */
export async function identifyChainNetwork(p: {
  client: NodeClient;
  chain: Chain;
  db: Database;
  url: string;
  bound?: ChainNetworkIdentity;
  signal: AbortSignal;
}): Promise<ChainNetworkIdentity> {
  const genesis = await p.client.genesis({ signal: p.signal });
  const networkId = Number(genesis.header.metadata.network);
  const genesisHash = genesis.block_hash;
  const id = `${p.chain}:${networkId}:${genesisHash}`;
  if (p.bound && p.bound.id !== id)
    throw new GenesisChangedError(p.url, p.bound.genesisHash, genesisHash);
  await upsertChainNetwork(p.db, {
    id,
    chain: p.chain,
    networkId,
    genesisHash,
    ...(p.chain === 'delta' ? alphaGenesisReference(genesis) : {}),
  });
  return { id, chain: p.chain, networkId, genesisHash };
}

/** Delta's genesis ratification names the Alpha genesis (and network) it belongs to. */
function alphaGenesisReference(genesis: Block): {
  alphaGenesisHash?: string;
  alphaNetworkId?: number;
} {
  for (const r of genesis.ratifications as unknown[]) {
    if (typeof r === 'object' && r !== null && 'alpha_genesis_hash' in r) {
      const { alpha_genesis_hash: hash, alpha_network_id: network } = r as Record<string, unknown>;
      return {
        alphaGenesisHash: typeof hash === 'string' ? hash : undefined,
        alphaNetworkId: network === undefined ? undefined : Number(network),
      };
    }
  }
  return {};
}
