import { encodeAddress } from '@ratify/aleo';
import { createCaller } from '@ratify/api';
import {
  createDbClient,
  type DbClient,
  type IndexedBatch,
  NOTIFY_CHANNEL,
  upsertChainNetwork,
  writeBatch,
} from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListenHub, type ListenHub } from './listen-hub';
import { createLiveIndex, type LiveEvent } from './live-index';

const C = 'alpha:2:ab1live';
const voters = Array.from({ length: 4 }, (_, i) =>
  encodeAddress(new Uint8Array(32).fill(i + 3), 'ax'),
);
let client: DbClient;
let hub: ListenHub;
let drop: () => Promise<void>;
let height = 0;

const batch = (part: Partial<IndexedBatch>): IndexedBatch => {
  height += 1;
  return {
    chainNetworkId: C,
    blocks: [],
    proposals: [],
    votes: [],
    onchainCounters: [],
    checkpoint: { height, blockHash: `ab1b${height}` },
    ...part,
  };
};
const vote = (voter: number) => ({
  chainNetworkId: C,
  transitionId: `au1v${voter}`,
  transactionId: `at1v${voter}`,
  proposalId: '5',
  voter: voters[voter] as string,
  choice: 1,
  accepted: true,
  height: height + 1,
  position: 0,
});

async function until(what: string, check: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  client = createDbClient(database.url, { max: 4 });
  hub = createListenHub({ url: database.url, channel: NOTIFY_CHANNEL, pingMs: 200 });
  await upsertChainNetwork(client.db, {
    id: C,
    chain: 'alpha',
    networkId: 2,
    genesisHash: 'ab1live',
  });
  await writeBatch(
    client.db,
    batch({
      validatorSet: { height: 1, governors: voters, committee: [] },
      proposals: [
        {
          chainNetworkId: C,
          proposalId: '5',
          sourceNetwork: 2,
          targetNetwork: 1,
          activationHeight: 500,
          alphaExpectedHash: '1',
          alphaParamsHash: '2',
          deltaExpectedHash: '3',
          deltaParamsHash: '4',
          deltaMinAlphaBlocks: 1,
          minGovernorValidators: 1,
          minPublicValidators: 0,
          proposer: voters[0] as string,
          createdAtHeight: 1,
          votingEndsHeight: 400,
          transactionId: 'at1submit5',
        },
      ],
    }),
  );
});
afterAll(async () => {
  await hub?.close();
  await client?.close();
  await drop?.();
});

describe('the live index', () => {
  it('moves the cached views with each commit and tells the streams what it touched', async () => {
    const live = createLiveIndex(client.db, hub);
    const events: LiveEvent[] = [];
    live.subscribe((e) => events.push(e));
    await until('live', () => live.live());
    const api = createCaller({ db: client.db, views: live.views });
    expect((await api.proposals.get({ proposalId: '5' })).tally.governors.yes).toBe(0);

    for (const voter of [0, 1]) {
      await writeBatch(client.db, batch({ votes: [vote(voter)] }));
      await until('the notification', () =>
        events.some((e) => e.type === 'indexed' && e.change.h === height),
      );
      const view = await api.proposals.get({ proposalId: '5' });
      expect(view.tally.governors.yes).toBe(voter + 1);
      expect(view.indexedHeight).toBe(height);
    }
    // One event per commit, naming the proposal (besides any catch-up on connecting, 'many').
    const touched = events.flatMap((e) => (e.type === 'indexed' ? [e.change.p] : []));
    expect(touched.filter((p) => p !== 'many')).toEqual([['5'], ['5']]);
  });
});
