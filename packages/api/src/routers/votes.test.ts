import { CREDITS_PROGRAM, VOTE_FUNCTION } from '@ratify/aleo';
import { createDbClient, type DbClient, indexedHeight, votes } from '@ratify/db';
import { createTestDatabase } from '@ratify/db/testing';
import { type Devnet, startDevnet } from '@ratify/devnet';
import { startIndexer } from '@ratify/indexer';
import {
  accountFromSecretKey,
  addressOf,
  buildExecuteTransaction,
  hashToField,
  randomAccount,
  transactionId,
} from '@ratify/wallet';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCaller } from '../root';
import { createVoteRateLimits } from '../vote-relay/rate-limit';

// A real devnet (manual blocks) followed by the real indexer into a fresh database: the
// relay is checked against what a node and the index actually say.
const PORT_BASE = 4730;
const DEAD_NODE = `http://127.0.0.1:${PORT_BASE + 9}/canary`;
const votingId = hashToField('proposal-id', 'demo', 'canary-to-testnet').toString();
const pastId = hashToField('proposal-id', 'demo', 'past-upgrade').toString();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let devnet: Devnet;
let indexer: Awaited<ReturnType<typeof startIndexer>>;
let client: DbClient;
let alphaUrl: string;
let caller: ReturnType<typeof createCaller>;

const keyOf = (name: string) => {
  const a = devnet.accounts.find((x) => x.name === name);
  if (!a) throw new Error(`no devnet account ${name}`);
  return accountFromSecretKey(a.secretKeyHex).secretKey;
};
const alphaHeight = async () =>
  Number(await (await fetch(`${alphaUrl}/block/height/latest`)).json());

async function indexed(): Promise<void> {
  const target = await alphaHeight();
  const context = await caller.votes.signingContext({ proposalId: votingId }).catch(() => null);
  for (let i = 0; i < 200; i++) {
    const id = context?.chainNetworkId;
    const h = id ? await indexedHeight(client.db, id) : undefined;
    if (h !== undefined && h >= target) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the index did not reach height ${target}`);
}

const vote = (o: {
  name?: string;
  secretKey?: Uint8Array;
  proposalId?: string;
  choice?: number;
  expiresAt: number;
  networkId?: number;
}) =>
  buildExecuteTransaction({
    secretKey: o.secretKey ?? keyOf(o.name ?? 'demo'),
    chain: 'alpha',
    hrp: 'ax',
    networkId: o.networkId ?? 2,
    program: CREDITS_PROGRAM,
    function: VOTE_FUNCTION,
    inputs: [`${o.proposalId ?? votingId}field`, `${o.choice ?? 1}u8`],
    expiresAtHeight: o.expiresAt,
  });

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'));
  devnet = await startDevnet({
    scenario: 'demo',
    portBase: PORT_BASE,
    blockTimeMs: 0,
    admin: true,
  });
  alphaUrl = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source')?.url ?? '';
  indexer = await startIndexer({
    databaseUrl: database.url,
    alphaNodes: [alphaUrl],
    deltaNodes: [],
    port: 0,
    pollIntervalMs: 100,
  });
  client = createDbClient(database.url, { max: 2 });
  // The first node is down: every node call must fall through to the next one.
  caller = createCaller({ db: client.db, relay: { alphaNodes: [DEAD_NODE, alphaUrl], hrp: 'ax' } });
  for (let i = 0; i < 300; i++) {
    if (await caller.votes.signingContext({ proposalId: votingId }).catch(() => null)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await indexed();
});

afterAll(async () => {
  await indexer?.stop();
  await devnet?.stop();
  await client?.close();
  await database?.drop();
});

describe('votes router against a devnet', () => {
  it('gives the signing context from the node and the voter roles from the index', async () => {
    const ctx = await caller.votes.signingContext({ proposalId: votingId });
    expect(ctx).toMatchObject({ chain: 'alpha', hrp: 'ax', networkId: 2, heightSource: 'node' });
    expect(ctx.currentHeight).toBe(await alphaHeight());
    expect(ctx.expiresAtHeight).toBe(ctx.currentHeight + 20);
    const address = (name: string) => devnet.accounts.find((a) => a.name === name)?.address ?? '';
    const role = async (a: string) =>
      (await caller.votes.eligibility({ proposalId: votingId, address: a })).role;
    expect(await role(address('demo'))).toBe('governor');
    expect(await role(address('public-1'))).toBe('public');
    expect(await role(addressOf(randomAccount().publicKey, 'ax'))).toBe('none');
  });

  const refusal = async (transaction: unknown) => {
    const error = await caller.votes
      .submit({ transaction: transaction as Record<string, unknown> })
      .then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
    if (!error) throw new Error('the relay took a vote it should refuse');
    return `${error.code}: ${error.message}`;
  };

  it('refuses a body that is not a transaction', async () => {
    expect(await refusal({ type: 'execute', id: 'at1x' })).toMatch(
      /^BAD_REQUEST: not a transaction: /,
    );
  });

  it('refuses a bad signature', async () => {
    const height = await alphaHeight();
    const tx = structuredClone(vote({ expiresAt: height + 20 }));
    tx.execution.authorization.signature = vote({
      choice: 2,
      expiresAt: height + 20,
    }).execution.authorization.signature;
    expect(await refusal({ ...tx, id: transactionId(tx) })).toBe('BAD_REQUEST: invalid signature');
  });

  it('refuses an expired vote', async () => {
    const height = await alphaHeight();
    expect(await refusal(vote({ expiresAt: height }))).toBe(
      `BAD_REQUEST: expired at height ${height} (current height ${height + 1})`,
    );
  });

  it('refuses a vote for a proposal that does not exist', async () => {
    const height = await alphaHeight();
    expect(await refusal(vote({ proposalId: '12345', expiresAt: height + 20 }))).toBe(
      'BAD_REQUEST: proposal 12345field does not exist on Alpha',
    );
  });

  it('refuses a vote signed for another network', async () => {
    const height = await alphaHeight();
    expect(await refusal(vote({ networkId: 1, expiresAt: height + 20 }))).toBe(
      'BAD_REQUEST: wrong network: signed for network 1, this is 2',
    );
  });

  it('refuses a vote once voting has closed', async () => {
    const height = await alphaHeight();
    expect(await refusal(vote({ proposalId: pastId, expiresAt: height + 20 }))).toBe(
      `BAD_REQUEST: voting on proposal ${pastId}field ended at height 12 (the chain is at ${height})`,
    );
  });

  it('refuses a voter the chain would reject', async () => {
    const height = await alphaHeight();
    const stranger = randomAccount();
    expect(await refusal(vote({ secretKey: stranger.secretKey, expiresAt: height + 20 }))).toMatch(
      /^BAD_REQUEST: ax1\w+ is neither a governor nor a committee member/,
    );
  });

  it('relays a vote past a dead node, reports it pending, then included and counted; a changed vote replaces it', async () => {
    const height = await alphaHeight();
    const yes = vote({ choice: 1, expiresAt: height + 20 });
    const sent = await caller.votes.submit({ transaction: yes });
    expect(sent).toMatchObject({
      transactionId: yes.id,
      node: alphaUrl,
      choice: 1,
      role: 'governor',
    });
    const status = () =>
      caller.votes.status({
        transactionId: sent.transactionId,
        transitionId: sent.transitionId,
        chainNetworkId: sent.chainNetworkId,
        expiresAtHeight: sent.expiresAtHeight,
      });
    expect(await status()).toMatchObject({ state: 'pending' });

    // The node's own refusal is passed through, naming the node.
    expect(await refusal(yes)).toMatch(
      new RegExp(`^BAD_REQUEST: node ${alphaUrl} refused the vote: .*already exists`),
    );

    await devnet.advance(1);
    await indexed();
    expect(await status()).toMatchObject({
      state: 'included',
      accepted: true,
      counted: true,
      height: height + 1,
      choice: 1,
    });

    // A wallet that answered an id of its own: the vote is found by who voted what, after when.
    const cast = (afterHeight: number) =>
      caller.votes.status({
        chainNetworkId: sent.chainNetworkId,
        cast: { proposalId: votingId, voter: sent.voter, choice: 1, afterHeight },
      });
    expect(await cast(height)).toMatchObject({
      state: 'included',
      transactionId: yes.id,
      transitionId: sent.transitionId,
      counted: true,
    });
    expect(await cast(height + 1)).toMatchObject({ state: 'pending' });

    const no = vote({ choice: 2, expiresAt: height + 21 });
    const changed = await caller.votes.submit({ transaction: no });
    await devnet.advance(1);
    await indexed();
    expect(await status()).toMatchObject({ state: 'included', accepted: true, counted: false });
    expect(await caller.votes.status({ transactionId: changed.transactionId })).toMatchObject({
      state: 'included',
      counted: true,
      choice: 2,
    });
  });

  it('finds a rejected vote by its transition id, and calls a vote past its expiry expired', async () => {
    const target = await caller.votes.signingContext({ proposalId: pastId });
    // The scenario's late vote on the past proposal was included and rejected; the block
    // stores it under a new fee transaction id, so only the transition id still matches.
    const [late] = await client.db
      .select()
      .from(votes)
      .where(and(eq(votes.proposalId, pastId), eq(votes.accepted, false)));
    expect(late).toBeDefined();
    const unknownTx = transactionId(vote({ expiresAt: 1 }));
    expect(
      await caller.votes.status({ transactionId: unknownTx, transitionId: late?.transitionId }),
    ).toMatchObject({ state: 'included', accepted: false, counted: false, height: late?.height });
    expect(
      await caller.votes.status({
        transactionId: unknownTx,
        chainNetworkId: target.chainNetworkId,
        expiresAtHeight: 5,
      }),
    ).toMatchObject({ state: 'expired', expiresAtHeight: 5 });
  });

  it('answers clearly when no node can be reached', async () => {
    const offline = createCaller({ db: client.db, relay: { alphaNodes: [DEAD_NODE], hrp: 'ax' } });
    const height = await alphaHeight();
    const error = await offline.votes
      .submit({ transaction: vote({ choice: 3, expiresAt: height + 20 }) })
      .catch((e: { code: string; message: string }) => e);
    expect(error).toMatchObject({
      code: 'BAD_GATEWAY',
      message: `no Alpha node answered (${DEAD_NODE})`,
    });
    const unconfigured = createCaller({ db: client.db });
    await expect(unconfigured.votes.signingContext({ proposalId: votingId })).rejects.toMatchObject(
      {
        code: 'PRECONDITION_FAILED',
      },
    );
  });

  it('limits votes per client before any work, and per voter once the signature holds', async () => {
    const limits = createVoteRateLimits({ count: 1, windowMs: 60_000 });
    const relay = { alphaNodes: [alphaUrl], hrp: 'ax', limits };
    const from = (key: string) => createCaller({ db: client.db, relay, client: key });
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'relayed',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      );

    // Junk spends the client's token too: refusing it is cheap, but a flood is still a flood.
    expect(await code(from('10.0.0.1').votes.submit({ transaction: { type: 'execute' } }))).toMatch(
      /^BAD_REQUEST: /,
    );
    expect(await code(from('10.0.0.1').votes.submit({ transaction: { type: 'execute' } }))).toBe(
      'TOO_MANY_REQUESTS: too many votes from this client: try again in 60 s',
    );

    // A forged vote in public-1's name spends nothing of public-1's.
    const height = await alphaHeight();
    const forged = structuredClone(vote({ name: 'public-1', choice: 3, expiresAt: height + 20 }));
    forged.execution.authorization.signature = vote({
      name: 'public-1',
      choice: 1,
      expiresAt: height + 20,
    }).execution.authorization.signature;
    expect(
      await code(
        from('10.0.0.2').votes.submit({ transaction: { ...forged, id: transactionId(forged) } }),
      ),
    ).toBe('BAD_REQUEST: invalid signature');
    const real = vote({ name: 'public-1', choice: 3, expiresAt: height + 20 });
    expect(await code(from('10.0.0.3').votes.submit({ transaction: real }))).toBe('relayed');
    const again = vote({ name: 'public-1', choice: 1, expiresAt: height + 21 });
    expect(await code(from('10.0.0.4').votes.submit({ transaction: again }))).toBe(
      'TOO_MANY_REQUESTS: too many votes for this voter address: try again in 60 s',
    );
  });
});
