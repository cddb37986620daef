import { encodeAddress } from '@ratify/aleo';
import {
  createDbClient,
  type DbClient,
  type IndexedBatch,
  indexedHeights,
  indexedPayload,
  parseIndexedPayload,
  upsertChainNetwork,
  writeBatch,
} from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../root';
import { createViewStore } from './define-view';
import { createVersionTracker } from './versions';

const C = 'alpha:2:ab1views';
const voters = Array.from({ length: 6 }, (_, i) =>
  encodeAddress(new Uint8Array(32).fill(i + 7), 'ax'),
);
const ids = ['11', '22', '33'];

let client: DbClient;
let drop: () => Promise<void>;
let height = 0;

function batch(part: Partial<IndexedBatch>): IndexedBatch {
  height += 1;
  return {
    chainNetworkId: C,
    blocks: [
      {
        chainNetworkId: C,
        height,
        hash: `ab1b${height}`,
        previousHash: `ab1b${height - 1}`,
        round: BigInt(height),
        timestamp: Math.floor(Date.now() / 1000) - 100 + height,
        leader: null,
        authors: [],
        transactionCount: 0,
      },
    ],
    proposals: [],
    votes: [],
    onchainCounters: [],
    checkpoint: { height, blockHash: `ab1b${height}` },
    ...part,
  };
}

const vote = (proposalId: string, voter: number, choice: number) => ({
  chainNetworkId: C,
  transitionId: `au1${proposalId}${voter}${height}`,
  transactionId: `at1${proposalId}${voter}${height}`,
  proposalId,
  voter: voters[voter] as string,
  choice,
  accepted: true,
  height: height + 1,
  position: voter,
});

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  client = createDbClient(database.url, { max: 6 });
  await upsertChainNetwork(client.db, {
    id: C,
    chain: 'alpha',
    networkId: 2,
    genesisHash: 'ab1views',
  });
  await writeBatch(
    client.db,
    batch({
      validatorSet: {
        height: 1,
        governors: voters.slice(0, 3),
        committee: voters.map((address) => ({ address, stake: '1000' })),
      },
      proposals: ids.map((proposalId) => ({
        chainNetworkId: C,
        proposalId,
        sourceNetwork: 2,
        targetNetwork: 1,
        activationHeight: 1_000,
        alphaExpectedHash: '1',
        alphaParamsHash: '2',
        deltaExpectedHash: '3',
        deltaParamsHash: '4',
        deltaMinAlphaBlocks: 1,
        minGovernorValidators: 1,
        minPublicValidators: 1,
        proposer: voters[0] as string,
        createdAtHeight: 1,
        votingEndsHeight: 900,
        transactionId: `at1submit${proposalId}`,
      })),
    }),
  );
  await writeBatch(client.db, batch({ votes: ids.map((id) => vote(id, 0, 1)) }));
});
afterAll(async () => {
  await client?.close();
  await drop?.();
});

describe('read models served from the view cache', () => {
  it('computes each view once however many requests arrive, and only what a commit touched', async () => {
    // The clock stands still, so only commits move the views here.
    const tracker = createVersionTracker({ now: () => 0 });
    tracker.resync(await indexedHeights(client.db));
    const views = createViewStore({ current: async () => tracker.versions });
    const api = createCaller({ db: client.db, views });
    const computed = () => Object.fromEntries(views.computations);

    const [lists, pages] = await Promise.all([
      Promise.all(Array.from({ length: 100 }, () => api.proposals.list())),
      Promise.all(Array.from({ length: 100 }, () => api.proposals.get({ proposalId: '11' }))),
    ]);
    expect(new Set(lists).size).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(computed()).toMatchObject({
      'proposal-summaries': 1,
      proposal: 1,
      'proposal-page': 1,
      tally: 3,
    });

    // A vote for proposal 22 is indexed; the NOTIFY names it.
    const next = batch({ votes: [vote('22', 1, 2)] });
    await writeBatch(client.db, next);
    const change = parseIndexedPayload(indexedPayload(next));
    expect(change).toEqual({ c: C, h: height, p: ['22'] });
    if (change) tracker.apply(change);

    const [list] = await Promise.all(Array.from({ length: 50 }, () => api.proposals.list()));
    await Promise.all(Array.from({ length: 50 }, () => api.proposals.get({ proposalId: '11' })));
    // The list and the page are assembled again; of the tallies only 22's is recomputed.
    expect(computed()).toMatchObject({
      'proposal-summaries': 2,
      proposal: 2,
      'proposal-page': 2,
      tally: 4,
    });
    expect(list?.find((p) => p.proposalId === '22')?.governors.no).toBe(1);
    expect(list?.find((p) => p.proposalId === '22')?.indexedHeight).toBe(height);
  });

  it('answers not found for a proposal that does not exist, and caches that too', async () => {
    const tracker = createVersionTracker({ now: () => 0 });
    const views = createViewStore({ current: async () => tracker.versions });
    const api = createCaller({ db: client.db, views });
    await expect(api.proposals.get({ proposalId: '99' })).rejects.toThrow('no proposal 99');
    await expect(api.proposals.get({ proposalId: '99' })).rejects.toThrow('no proposal 99');
    expect(views.computations.get('proposal')).toBe(1);
  });
});
