export type Chain = 'alpha' | 'delta';

/**
 * - `waiting`: the node has never answered (a post-split node before the split, say);
 * - `standby`: another follower holds this chain-network's writer lease;
 * - `syncing`/`following`: this follower writes, behind the head / at it;
 * - `behind`: the node is behind the stored index (another node got further): nothing to do;
 * - `paused`: the chain-network is paused (a discontinuity); `ratify index rewind` resumes it;
 * - `refused`: the node now serves another genesis than the chain-network it was following;
 * - `retrying`: the last step failed with an error a retry can fix;
 * - `failing`: the last step failed with an error a retry cannot fix (bad data from the node).
 */
export type FollowerState =
  | 'starting'
  | 'waiting'
  | 'standby'
  | 'syncing'
  | 'following'
  | 'behind'
  | 'paused'
  | 'refused'
  | 'retrying'
  | 'failing';

/** What operators see of one followed node, live. */
export type FollowerStatus = {
  url: string;
  chain: Chain;
  state: FollowerState;
  chainNetworkId?: string;
  networkId?: number;
  genesisHash?: string;
  headHeight?: number;
  /** Highest head this node ever reported: a lower one later means its height went down. */
  highestHead?: number;
  indexedHeight?: number;
  /** Timestamp (unix seconds) of the block at the indexed height, when known. */
  indexedBlockTimestamp?: number;
  blocksIndexed: number;
  lastError?: string;
  /** Epoch ms of the last successful request to the node. */
  lastOkAt?: number;
  lastProgressAt?: number;
  pause?: { reason: string; height: number; detail: string };
};
