import { createDbClient, type DbClient } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { type IndexerHandle, startIndexer } from '@ratify/indexer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockProduction } from './block-production';
import { buildProposalView, listProposalSummaries } from './proposal';
import { proposalAlertFacts } from './proposal-facts';

// The demo scenario at a block per advance, followed by the real indexer into a fresh
// database: the proposal page's read models against its known story. With a 1 s block
// time the demo proposal is submitted at 22, votes at 26..56 and ends at 264.
let devnet: Devnet;
let indexer: IndexerHandle;
let client: DbClient;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createDbClient(database.url);
  devnet = await startDevnet({ scenario: 'demo', portBase: 4380, blockTimeMs: 1000, admin: true });
  indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: devnet.nodes.filter((n) => n.chain === 'alpha').map((n) => n.url),
    deltaNodes: devnet.nodes.filter((n) => n.chain === 'delta').map((n) => n.url),
    port: 0,
    pollIntervalMs: 50,
    requestsPerSecond: 1000,
  });
  for (let i = 0; i < 70; i += 10) await devnet.advance(10);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const running = devnet.nodes.filter((n) => n.running).length;
    const seen = indexer.statuses().filter((s) => s.state !== 'waiting' && s.state !== 'retrying');
    if (
      seen.length === running &&
      seen.some((s) => s.chain === 'alpha' && (s.indexedHeight ?? 0) >= 60) &&
      seen.every((s) => s.indexedHeight !== undefined && s.indexedHeight === s.headHeight)
    )
      break;
    if (Date.now() > deadline)
      throw new Error(`not caught up: ${JSON.stringify(indexer.statuses())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  await indexer?.stop();
  await devnet?.stop();
  await client?.close();
  await database?.drop();
});

async function view(votingEndsHeight: number) {
  const summaries = await listProposalSummaries(client.db);
  const id = summaries.find((s) => s.votingEndsHeight === votingEndsHeight)?.proposalId ?? '';
  const v = await buildProposalView(client.db, id);
  if (!v) throw new Error('no view');
  return v;
}

describe('the proposal page read models on the demo', () => {
  it('give the tally history, one point per change, in step with the tally', async () => {
    const p = await view(264);
    expect(
      p.history.points.map((x) => [x.height, x.governorYes, x.governorNo, x.publicYes]),
    ).toEqual([
      [22, 0, 0, 0],
      [26, 1, 0, 0],
      [31, 1, 0, 1],
      [36, 1, 1, 1],
      [41, 2, 1, 1],
      [46, 2, 1, 1],
      [51, 3, 0, 1],
      [56, 3, 1, 1],
    ]);
    expect(p.history.supermajorityRequired).toBe(4);
    expect(p.history.points.at(-1)?.approved).toBe(false);
  });

  it('list voters per body, who can still vote with stake, and the change of mind', async () => {
    const p = await view(264);
    expect(p.voters.governors.map((g) => g.choice)).toEqual([
      'yes',
      'yes',
      'yes',
      'no',
      'not_voted',
    ]);
    expect(p.voters.governors.filter((g) => g.changes === 1)).toHaveLength(1);
    expect(p.voters.notVoted).toEqual([
      { address: expect.any(String), isGovernor: true, stake: '10000000000000' },
    ]);
    expect(p.votes.filter((v) => v.replaces === 'no').map((v) => v.choice)).toEqual(['yes']);
    expect(p.committee).toHaveLength(7);
  });

  it('explain the rejected late vote of the past proposal', async () => {
    const past = await view(12);
    const rejected = past.votes.filter((v) => !v.accepted);
    expect(rejected.map((v) => v.rejection)).toEqual([
      'cast at height 14, after voting ended at 12',
    ]);
    expect(past.voters.notVoted).toEqual([]);
    expect(past.timeline.map((e) => [e.key, e.status])).toEqual([
      ['submitted', 'done'],
      ['voting_ends', 'done'],
      ['outcome', 'failed'],
      ['activation', 'skipped'],
      ['new_alpha', 'skipped'],
      ['delta_start', 'skipped'],
    ]);
  });

  it('date the timeline: the past from block times, the future from the countdown', async () => {
    const p = await view(264);
    const [submitted, votingEnds, , activation, newAlpha, delta] = p.timeline;
    expect(submitted?.time?.kind).toBe('observed');
    expect(votingEnds).toMatchObject({ status: 'pending', height: 264 });
    expect(votingEnds?.time?.kind).toBe('estimate');
    // The new Alpha starts at activation; Delta ten new-Alpha blocks later.
    expect(newAlpha?.time).toEqual(activation?.time);
    const gap = (delta?.time?.at ?? 0) - (activation?.time?.at ?? 0);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThanOrEqual(20);
  });

  it('count blocks per minute of each chain-network', async () => {
    const production = await blockProduction(client.db);
    expect(production.series.length).toBeGreaterThanOrEqual(2);
    for (const s of production.series) expect(s.perMinute).toHaveLength(production.buckets.length);
  });

  it('give the alert rules the same facts as each proposal page, for all at once or some', async () => {
    const now = Math.floor(Date.now() / 1000);
    const facts = await proposalAlertFacts(client.db, { now });
    const summaries = await listProposalSummaries(client.db);
    expect(facts.map((f) => f.proposalId).sort()).toEqual(
      [...new Set(summaries.map((s) => s.proposalId))].sort(),
    );
    for (const f of facts) {
      const v = await buildProposalView(client.db, f.proposalId);
      if (!v) throw new Error(`no view of ${f.proposalId}`);
      expect(f.chainNetworkId).toBe(v.chainNetworkId);
      expect(f.lifecycle).toEqual(v.lifecycle);
      expect(f.votingOpen).toBe(v.votingOpen);
      expect(f.terms).toEqual({
        sourceNetwork: v.terms.sourceNetwork,
        targetNetwork: v.terms.targetNetwork,
        createdAtHeight: v.terms.createdAtHeight,
        votingEndsHeight: v.terms.votingEndsHeight,
        activationHeight: v.terms.activationHeight,
      });
      expect(f.audit).toEqual(
        v.audit ? { readHeight: v.audit.readHeight, mismatches: v.audit.mismatches } : null,
      );
      const accepted = v.votes.filter((x) => x.accepted).map((x) => x.height);
      expect(f.lastAcceptedVoteHeight).toBe(Math.max(-1, ...accepted));
      expect(f.countdown.votingEnds.kind).toBe(v.countdown.votingEnds.kind);
      expect(f.countdown.activation.kind).toBe(v.countdown.activation.kind);
    }
    const [first] = facts;
    const some = await proposalAlertFacts(client.db, {
      now,
      only: (p) => p.proposalId === first?.proposalId,
    });
    expect(some).toEqual([first]);
  });
});
