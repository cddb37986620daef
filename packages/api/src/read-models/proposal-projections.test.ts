import { createDbClient, type DbClient, indexedHeights } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { bodyMembers, decodeBodyChoices } from '@ratify/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Seeded, seedChain } from '../../../../bench/web/seed';
import { createCaller } from '../root';
import { createViewStore } from './cache/define-view';
import { createVersionTracker } from './cache/versions';
import { buildProposalView, type ProposalView } from './proposal';
import { chartSeriesOf, VOTE_PAGE_SIZE, VOTER_PAGE_SIZE } from './proposal-page';

// The web benchmark's data (50 proposals, 10,000 votes, 500 validators): the proposal page's
// projections against the full view they are cut from.
let client: DbClient;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let chain: Seeded;
let id: string;
let full: ProposalView;
const api = () => createCaller({ db: client.db });
const kb = (x: unknown) => Buffer.byteLength(JSON.stringify(x)) / 1024;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createDbClient(database.url, { max: 4 });
  chain = await seedChain(client.db, {
    proposals: 50,
    votes: 10_000,
    validators: 500,
    blocks: 2_000,
  });
  id = chain.proposalIds[0] as string;
  full = (await buildProposalView(client.db, id)) as ProposalView;
}, 120_000);

afterAll(async () => {
  await client?.close();
  await database?.drop();
});

describe('the proposal page projections', () => {
  it('keep the first screen small and the full view whole', async () => {
    const page = await api().proposals.get({ proposalId: id });
    // The countdown (and the timeline's estimates) read the clock: the rest is the same.
    const timeless = ({ countdown, timeline, ...rest }: ProposalView) => rest;
    expect(timeless(await api().proposals.full({ proposalId: id }))).toEqual(timeless(full));
    console.info(
      `proposals.get ${kb(page).toFixed(1)} KB, the full view ${kb(full).toFixed(1)} KB`,
    );
    expect(kb(page)).toBeLessThan(40);
    expect(page.tally.governors).toEqual({
      size: full.tally.governors.size,
      yes: full.tally.governors.yes.length,
      no: full.tally.governors.no.length,
      abstain: full.tally.governors.abstain.length,
      notVoted: full.tally.governors.notVoted.length,
    });
    expect(page.voters.counts).toEqual({
      governors: full.voters.governors.length,
      public: full.voters.public.length,
      notVoted: full.voters.notVoted.length,
    });
    expect(page.voters.governors.items).toEqual(full.voters.governors.slice(0, VOTER_PAGE_SIZE));
    expect(page.voteCount).toBe(full.votes.length);
    for (const k of ['approval', 'distance', 'lifecycle', 'terms'] as const)
      expect(page[k]).toEqual(full[k]);
    expect(page.history).toEqual(chartSeriesOf(full.history));
    expect(page.history.changes).toBe(full.history.points.length);
  });

  it('carry the tally as letters that the validator set turns back into the lists', async () => {
    const page = await api().proposals.get({ proposalId: id });
    expect(page.choices).not.toBeNull();
    const choices = page.choices as NonNullable<typeof page.choices>;
    const set = await api().proposals.validatorSet(choices.validatorSet);
    expect(set.committee).toEqual(full.committee);
    const bodies = decodeBodyChoices(choices, bodyMembers(set.governors, set.committee));
    for (const body of ['governors', 'public'] as const)
      expect(bodies?.[body]).toEqual(full.tally[body]);
  });

  it('page through every voter group to the whole list', async () => {
    for (const [group, list] of [
      ['governors', full.voters.governors],
      ['public', full.voters.public],
      ['notVoted', full.voters.notVoted],
    ] as const) {
      const seen: unknown[] = [];
      for (let offset = 0; ; offset += 64) {
        const page = await api().proposals.voters({ proposalId: id, group, offset, limit: 64 });
        expect(page.total).toBe(list.length);
        seen.push(...page.items);
        if (page.items.length < 64) break;
      }
      expect(seen).toEqual(list);
    }
  });

  it('page through the vote log newest first, pages staying put as votes arrive', async () => {
    const seen: ProposalView['votes'] = [];
    let before: number | undefined;
    for (;;) {
      const page = await api().proposals.votes({ proposalId: id, before });
      expect(page.items.length).toBeLessThanOrEqual(VOTE_PAGE_SIZE);
      seen.push(...page.items);
      if (page.older === null) break;
      before = page.older;
    }
    expect(seen).toEqual([...full.votes].reverse());

    const second = await api().proposals.votes({ proposalId: id, before: full.votes.length - 5 });
    const voter = full.votes[0]?.voter as string;
    const mine = await api().proposals.votes({ proposalId: id, voter, limit: 100 });
    expect(mine.items).toEqual(full.votes.filter((v) => v.voter === voter).reverse());

    // A vote for this proposal arrives: the newest page moves, a page asked by position does not.
    let next = await chain.nextBlock();
    while (next.proposalId !== id) next = await chain.nextBlock();
    const newest = await api().proposals.votes({ proposalId: id, limit: 1 });
    expect(newest.total).toBeGreaterThan(full.votes.length);
    expect(newest.items[0]?.height).toBe(next.height);
    expect(await api().proposals.votes({ proposalId: id, before: full.votes.length - 5 })).toEqual({
      ...second,
      total: newest.total,
    });
  });

  it('compute each projection once per change however many viewers ask', async () => {
    const tracker = createVersionTracker({ now: () => 0 });
    tracker.resync(await indexedHeights(client.db));
    const views = createViewStore({ current: async () => tracker.versions });
    const cached = createCaller({ db: client.db, views });
    const crowd = <T>(f: () => Promise<T>) => Promise.all(Array.from({ length: 50 }, f));
    const [pages, voters, votes] = await Promise.all([
      crowd(() => cached.proposals.get({ proposalId: id })),
      crowd(() => cached.proposals.voters({ proposalId: id, group: 'public', offset: 20 })),
      crowd(() => cached.proposals.votes({ proposalId: id })),
    ]);
    for (const answers of [pages, voters, votes] as unknown[][])
      expect(new Set(answers).size).toBe(1);
    expect(Object.fromEntries(views.computations)).toMatchObject({
      proposal: 1,
      'proposal-page': 1,
      'proposal-voters-page': 1,
      'proposal-votes-page': 1,
    });
    const set = pages[0]?.choices?.validatorSet;
    if (!set) throw new Error('no validator set');
    await crowd(() => cached.proposals.validatorSet(set));

    const next = await chain.nextBlock();
    tracker.apply({ c: chain.chainNetworkId, h: next.height, p: [next.proposalId] });
    await crowd(() => cached.proposals.get({ proposalId: id }));
    await crowd(() => cached.proposals.validatorSet(set));
    expect(Object.fromEntries(views.computations)).toMatchObject({
      proposal: 2,
      'proposal-page': 2,
      // The set did not change: its answer stands.
      'validator-set': 1,
    });
  });
});
