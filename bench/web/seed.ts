import { createHash } from 'node:crypto';
import { encodeAddress, encodeBech32Id } from '@ratify/aleo';
import {
  type BlockRow,
  type Database,
  type IndexedBatch,
  type ProposalRow,
  upsertChainNetwork,
  type VoteRow,
  writeBatch,
} from '@ratify/db';

export type SeedOptions = { proposals: number; votes: number; validators: number; blocks: number };

export type Seeded = {
  chainNetworkId: string;
  proposalIds: string[];
  head: number;
  /**
   * Indexes one more block with one vote, as the indexer would: for the proposal of index
   * `proposal` when given, else for each proposal in turn.
   */
  nextBlock: (proposal?: number) => Promise<{ height: number; proposalId: string }>;
};

// Deterministic bytes, so two runs seed the same chain.
const bytes = (label: string) => new Uint8Array(createHash('sha256').update(label).digest());
const blockHash = (height: number) => encodeBech32Id('ab', bytes(`block ${height}`));
const field = (label: string) =>
  (BigInt(`0x${createHash('sha256').update(label).digest('hex')}`) >> 8n).toString();

const NETWORK = 2;
const TARGET = 1;
const GOVERNORS = 50;

/**
 * Writes, through the same `writeBatch` the indexer uses, a chain whose blocks form a proper
 * hash chain with one block per second ending now, a validator set, proposals spread over the
 * first blocks with voting still open, and votes (some voters changing their minds) spread
 * over the whole chain.
 */
export async function seedChain(db: Database, o: SeedOptions): Promise<Seeded> {
  const genesisHash = blockHash(0);
  const chainNetworkId = `alpha:${NETWORK}:${genesisHash}`;
  await upsertChainNetwork(db, {
    id: chainNetworkId,
    chain: 'alpha',
    networkId: NETWORK,
    genesisHash,
  });
  const validators = Array.from({ length: o.validators }, (_, i) =>
    encodeAddress(bytes(`validator ${i}`), 'ax'),
  );
  const governors = validators.slice(0, GOVERNORS).sort();
  const committee = validators
    .map((address, i) => ({
      address,
      stake: String((i < GOVERNORS ? 10_000_000n : 2_000_000n) * 1_000_000n),
    }))
    .sort((a, b) => a.address.localeCompare(b.address));
  const start = Math.floor(Date.now() / 1000) - o.blocks;
  const proposalIds = Array.from({ length: o.proposals }, (_, i) => field(`proposal ${i}`));
  const proposalAt = (i: number) => 1 + i;

  const proposalRow = (i: number): ProposalRow => ({
    chainNetworkId,
    proposalId: proposalIds[i] as string,
    sourceNetwork: NETWORK,
    targetNetwork: TARGET,
    activationHeight: o.blocks * 10 + 100,
    alphaExpectedHash: field(`alpha genesis ${i}`),
    alphaParamsHash: field(`alpha params ${i}`),
    deltaExpectedHash: field(`delta genesis ${i}`),
    deltaParamsHash: field(`delta params ${i}`),
    deltaMinAlphaBlocks: 10,
    minGovernorValidators: 3,
    minPublicValidators: 3,
    proposer: governors[i % governors.length] as string,
    createdAtHeight: proposalAt(i),
    votingEndsHeight: o.blocks * 10,
    transactionId: encodeBech32Id('at', bytes(`submit ${i}`)),
  });
  let voteCount = 0;
  const voteRow = (height: number, position: number, n: number, only?: number): VoteRow => {
    const proposal = only ?? n % o.proposals;
    // 160 voters per proposal for its 200 votes: one vote in five replaces an earlier one.
    const k = only === undefined ? Math.floor(n / o.proposals) : n;
    const voter = validators[((k % 160) * 13 + proposal) % o.validators] as string;
    return {
      chainNetworkId,
      transitionId: encodeBech32Id('au', bytes(`vote ${n}`)),
      transactionId: encodeBech32Id('at', bytes(`vote tx ${n}`)),
      proposalId: proposalIds[proposal] as string,
      voter,
      choice: 1 + ((n * 7) % 3),
      // About one vote in fifty is rejected, spread over every proposal (49 and the 50
      // proposals share no factor, so no proposal gets only rejected votes).
      accepted: n % 49 !== 0,
      height,
      position,
    };
  };
  const block = (height: number, txs: number): BlockRow => ({
    chainNetworkId,
    height,
    hash: blockHash(height),
    previousHash: height === 0 ? encodeBech32Id('ab', new Uint8Array(32)) : blockHash(height - 1),
    round: BigInt(height * 2),
    timestamp: start + height,
    leader: validators[height % GOVERNORS] ?? null,
    authors: governors.slice(0, 5),
    transactionCount: txs,
  });

  const firstVoteHeight = o.proposals + 2;
  const votesPerBlock = Math.ceil(o.votes / (o.blocks - firstVoteHeight));
  const BATCH = 200;
  for (let from = 0; from < o.blocks; from += BATCH) {
    const batch: IndexedBatch = {
      chainNetworkId,
      blocks: [],
      proposals: [],
      votes: [],
      onchainCounters: [],
      checkpoint: { height: 0, blockHash: '' },
      ...(from === 0 ? { validatorSet: { height: 0, governors, committee } } : {}),
    };
    for (let h = from; h < Math.min(o.blocks, from + BATCH); h++) {
      let txs = 0;
      const p = proposalIds.findIndex((_, i) => proposalAt(i) === h);
      if (p >= 0) {
        batch.proposals.push(proposalRow(p));
        txs++;
      }
      for (let k = 0; h >= firstVoteHeight && k < votesPerBlock && voteCount < o.votes; k++) {
        batch.votes.push(voteRow(h, txs++, voteCount++));
      }
      batch.blocks.push(block(h, txs));
      batch.checkpoint = { height: h, blockHash: blockHash(h) };
    }
    await writeBatch(db, batch);
  }

  let head = o.blocks - 1;
  return {
    chainNetworkId,
    proposalIds,
    get head() {
      return head;
    },
    nextBlock: async (proposal?: number) => {
      head += 1;
      const vote = voteRow(head, 0, voteCount++, proposal);
      await writeBatch(db, {
        chainNetworkId,
        blocks: [{ ...block(head, 1), timestamp: Math.floor(Date.now() / 1000) }],
        proposals: [],
        votes: [vote],
        onchainCounters: [],
        checkpoint: { height: head, blockHash: blockHash(head) },
      });
      return { height: head, proposalId: vote.proposalId };
    },
  };
}
