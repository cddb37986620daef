import { encodeAddress } from '@ratify/aleo';
import {
  createDbClient,
  type DbClient,
  type ProposalRow,
  tallyVotes,
  upsertChainNetwork,
  type VoteRow,
  votesForProposal,
  writeBatch,
} from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type CastVote, computeTally, type Tally } from '@ratify/governance';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyFromRows } from './tally';

const C = 'alpha:2:ab1tally';
const address = (i: number) => encodeAddress(new Uint8Array(32).fill(i + 1), 'ax');
const MEMBERS = Array.from({ length: 12 }, (_, i) => address(i));
// Three governors, six public members, and three voters who are neither.
const governors = MEMBERS.slice(0, 3);
const committee = MEMBERS.slice(1, 9).map((a, i) => ({ address: a, stake: BigInt(1000 + i) }));

let client: DbClient;
let drop: () => Promise<void>;
let height = 0;
let proposalCounter = 0;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  client = createDbClient(database.url, { max: 4 });
  await upsertChainNetwork(client.db, {
    id: C,
    chain: 'alpha',
    networkId: 2,
    genesisHash: 'ab1tally',
  });
});
afterAll(async () => {
  await client?.close();
  await drop?.();
});

function proposalRow(proposalId: string, votingEndsHeight: number): ProposalRow {
  return {
    chainNetworkId: C,
    proposalId,
    sourceNetwork: 2,
    targetNetwork: 1,
    activationHeight: votingEndsHeight + 10,
    alphaExpectedHash: '1',
    alphaParamsHash: '2',
    deltaExpectedHash: '3',
    deltaParamsHash: '4',
    deltaMinAlphaBlocks: 1,
    minGovernorValidators: 1,
    minPublicValidators: 1,
    proposer: governors[0] as string,
    createdAtHeight: 1,
    votingEndsHeight,
    transactionId: `at1submit${proposalId}`,
  };
}

type GenVote = { voter: number; choice: number; dh: number; position: number; accepted: boolean };

/** Writes one proposal's votes as the indexer would, each height its own block batch. */
async function writeVotes(proposalId: string, votingEndsHeight: number, votes: GenVote[]) {
  const base = height;
  const rows: VoteRow[] = votes.map((v, i) => ({
    chainNetworkId: C,
    transitionId: `au1${proposalId}x${i}`,
    transactionId: `at1${proposalId}x${i}`,
    proposalId,
    voter: MEMBERS[v.voter] as string,
    choice: v.choice,
    accepted: v.accepted,
    height: base + v.dh,
    // Positions are unique within a block on chain.
    position: v.position * 1000 + i,
  }));
  height = base + 60;
  // A batch's insert carries 9 parameters per vote; PostgreSQL takes at most 65,535.
  for (let i = 0; i === 0 || i < rows.length; i += 5_000) {
    await writeBatch(client.db, {
      chainNetworkId: C,
      blocks: [],
      proposals: i === 0 ? [proposalRow(proposalId, base + votingEndsHeight)] : [],
      votes: rows.slice(i, i + 5_000),
      onchainCounters: [],
      checkpoint: { height, blockHash: `ab1h${height}` },
    });
  }
  return base + votingEndsHeight;
}

/** What the dashboard computed before: every vote row through `computeTally`. */
async function tallyFromEveryVote(proposalId: string, ends: number): Promise<Tally> {
  const records = await votesForProposal(client.db, C, proposalId);
  const votes: CastVote[] = records
    .filter((v) => v.accepted)
    .map((v) => ({
      proposalId: BigInt(proposalId),
      voter: v.voter,
      choice: v.choice as CastVote['choice'],
      height: v.height,
      index: v.position,
      transactionId: v.transactionId,
    }));
  return computeTally({
    votes,
    governors,
    committee,
    proposalId: BigInt(proposalId),
    votingEndsHeight: ends,
  });
}

async function tallyFromSql(proposalId: string, ends: number) {
  const rows = await tallyVotes(client.db, [
    { chainNetworkId: C, proposalId, votingEndsHeight: ends },
  ]);
  return {
    rows,
    tally: tallyFromRows(rows, {
      proposalId: BigInt(proposalId),
      votingEndsHeight: ends,
      governors,
      committee,
    }),
  };
}

const withoutSuperseded = ({ superseded: _, ...rest }: Tally) => rest;

describe('the tally read in SQL', () => {
  it('equals the tally of every vote through the governance rules, on generated votes', async () => {
    const vote = fc.record({
      voter: fc.integer({ min: 0, max: MEMBERS.length - 1 }),
      // 0 and 4 are invalid choices finalize would reject; they must be set aside.
      choice: fc.integer({ min: 0, max: 4 }),
      dh: fc.integer({ min: 0, max: 50 }),
      position: fc.integer({ min: 0, max: 3 }),
      accepted: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(vote, { maxLength: 60 }),
        fc.integer({ min: 5, max: 45 }),
        async (votes, endsAt) => {
          const id = String(1_000_000 + proposalCounter++);
          const ends = await writeVotes(id, endsAt, votes);
          const expected = await tallyFromEveryVote(id, ends);
          const { tally } = await tallyFromSql(id, ends);
          expect(withoutSuperseded(tally)).toEqual(withoutSuperseded(expected));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads a proposal with 10,000 votes as one row per voter', async () => {
    const votes: GenVote[] = Array.from({ length: 10_000 }, (_, i) => ({
      voter: i % MEMBERS.length,
      choice: 1 + (i % 3),
      dh: Math.floor(i / 250),
      position: i % 4,
      accepted: true,
    }));
    const id = '424242';
    const ends = await writeVotes(id, 45, votes);
    const { rows, tally } = await tallyFromSql(id, ends);
    // Votes after voting_ends_height come back too: finalize would have rejected them.
    const late = votes.filter((v) => height - 60 + v.dh > ends).length;
    expect(rows.filter((r) => r.kind === 'latest')).toHaveLength(MEMBERS.length);
    expect(rows).toHaveLength(MEMBERS.length + late);
    expect(withoutSuperseded(tally)).toEqual(withoutSuperseded(await tallyFromEveryVote(id, ends)));
  });
});
