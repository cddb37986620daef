import { decodeProposal } from '@ratify/aleo';
import { buildExecuteTransaction, randomAccount } from '@ratify/wallet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, manualDevnet, postJson } from '../_test/devnet';
import type { Devnet } from '../start-devnet';

let devnet: Devnet;
let base: string;
const key = (name: string) => {
  const a = devnet.accounts.find((x) => x.name === name);
  if (!a) throw new Error(name);
  return Uint8Array.from(Buffer.from(a.secretKeyHex, 'hex'));
};
const height = async () => (await getJson(`${base}/block/height/latest`)).body as number;

async function call(
  who: string | Uint8Array,
  fn: string,
  inputs: string[],
  over: Record<string, unknown> = {},
) {
  const tx = buildExecuteTransaction({
    secretKey: typeof who === 'string' ? key(who) : who,
    chain: 'alpha',
    hrp: 'ax',
    networkId: 2,
    program: 'credits.alpha',
    function: fn,
    inputs,
    expiresAtHeight: (await height()) + 10,
    ...over,
  });
  return { tx, res: await postJson(`${base}/transaction/broadcast`, tx) };
}

/** Broadcasts, makes one block, and returns the confirmed status. */
async function run(who: string | Uint8Array, fn: string, inputs: string[]) {
  const { tx, res } = await call(who, fn, inputs);
  expect(res.status).toBe(200);
  expect(res.body).toBe(tx.id);
  await devnet.advance(1);
  const c = await getJson(`${base}/transaction/confirmed/${tx.id}`);
  if (c.status !== 200) return 'not included';
  return (c.body as { status: string }).status;
}

const submitInputs = (
  id: string,
  h: number,
  o: { source?: number; target?: number; ends?: number; activation?: number } = {},
) => [
  `${id}field`,
  `${o.source ?? 2}u16`,
  `${o.target ?? 1}u16`,
  `${o.activation ?? h + 40}u32`,
  '1field',
  '2field',
  '3field',
  '4field',
  '5u32',
  '2u32',
  '0u32',
  `${o.ends ?? h + 20}u32`,
];

beforeAll(async () => {
  devnet = await manualDevnet(4210);
  base = devnet.nodes[0]?.url ?? '';
});
afterAll(() => devnet.stop());

describe('submit_network_upgrade', () => {
  it('stores a governor proposal with zero counters and the caller as proposer', async () => {
    const h = await height();
    expect(await run('governor-1', 'submit_network_upgrade', submitInputs('777', h))).toBe(
      'accepted',
    );
    const value = await getJson(
      `${base}/program/credits.alpha/mapping/network_upgrade_proposals/777field`,
    );
    const p = decodeProposal(value.body as string);
    expect(p).toMatchObject({
      proposalId: 777n,
      governorYesVotes: 0,
      createdAtHeight: h + 1,
      votingEndsHeight: h + 20,
    });
    expect(p.proposer).toBe(devnet.accounts[0]?.address);
  });

  it.each([
    ['a public validator', 'public-1', {}, '778'],
    ['an existing id', 'governor-1', {}, '777'],
    ['another source network', 'governor-1', { source: 1, target: 0 }, '779'],
    ['a target not below the source', 'governor-1', { target: 2 }, '780'],
    ['voting that already ended', 'governor-1', { ends: 1 }, '781'],
    ['activation before the end of voting', 'governor-1', { activation: 5 }, '782'],
  ])('rejects %s', async (_what, who, o, id) => {
    expect(await run(who, 'submit_network_upgrade', submitInputs(id, await height(), o))).toBe(
      'rejected',
    );
  });
});

describe('vote_network_upgrade', () => {
  const counters = async () =>
    decodeProposal(
      (await getJson(`${base}/program/credits.alpha/mapping/network_upgrade_proposals/777field`))
        .body as string,
    );

  it('counts governors and public validators, and a changed vote replaces the old one', async () => {
    expect(await run('governor-2', 'vote_network_upgrade', ['777field', '1u8'])).toBe('accepted');
    expect(await run('public-1', 'vote_network_upgrade', ['777field', '2u8'])).toBe('accepted');
    expect(await counters()).toMatchObject({ governorYesVotes: 1, publicNoVotes: 1 });
    expect(await run('governor-2', 'vote_network_upgrade', ['777field', '2u8'])).toBe('accepted');
    expect(await run('governor-3', 'vote_network_upgrade', ['777field', '3u8'])).toBe('accepted');
    expect(await counters()).toMatchObject({
      governorYesVotes: 0,
      governorNoVotes: 1,
      publicNoVotes: 1,
    });
  });

  it('rejects an unknown proposal and a choice outside 1-3', async () => {
    expect(await run('governor-2', 'vote_network_upgrade', ['12345field', '1u8'])).toBe('rejected');
    expect(await run('governor-2', 'vote_network_upgrade', ['777field', '4u8'])).toBe('rejected');
  });

  it('rejects a caller that is neither governor nor committee member', async () => {
    // A stranger cannot even pay the fee: the node aborts it, nothing is stored.
    expect(await run(randomAccount().secretKey, 'vote_network_upgrade', ['777field', '1u8'])).toBe(
      'not included',
    );
  });

  it('rejects a vote after voting ends', async () => {
    const h = await height();
    expect(
      await run('governor-1', 'submit_network_upgrade', submitInputs('900', h, { ends: h + 2 })),
    ).toBe('accepted');
    await devnet.advance(2);
    expect(await run('governor-2', 'vote_network_upgrade', ['900field', '1u8'])).toBe('rejected');
  });

  it('keeps only the fee of a rejected vote and reports the reason', async () => {
    const blocks = (await getJson(`${base}/block/${(await height()) - 0}/transactions`)).body as {
      finalize: unknown[];
    }[];
    expect(blocks[0]?.finalize.length).toBe(1);
    const events = devnet.events.filter((e) => e.type === 'transaction' && e.status === 'rejected');
    expect(events.at(-1)).toMatchObject({
      reason: expect.stringMatching(/^voting ended at height \d+$/),
    });
  });
});

describe('authorization', () => {
  const refused = async (over: Record<string, unknown>, inputs = ['777field', '1u8']) => {
    const { res } = await call('governor-4', 'vote_network_upgrade', inputs, over);
    return res.status === 200 ? 'accepted' : String((res.body as { message: string }).message);
  };

  it('refuses the wrong chain, the wrong network and an expired authorization', async () => {
    expect(await refused({ chain: 'delta' })).toMatch(/wrong chain/);
    expect(await refused({ networkId: 1 })).toMatch(/wrong network/);
    expect(await refused({ expiresAtHeight: 3 })).toMatch(/expired/);
  });

  it('refuses a replay and a tampered transaction', async () => {
    const { tx, res } = await call('governor-4', 'vote_network_upgrade', ['777field', '1u8'], {
      nonce: 'aa',
    });
    expect(res.status).toBe(200);
    const again = await postJson(`${base}/transaction/broadcast`, tx);
    expect(again.status).toBe(422);
    expect(again.text).toContain('already exists');
    const tampered = structuredClone(tx);
    const input = tampered.execution.transitions[0]?.inputs[1];
    if (input) input.value = '2u8';
    expect((await postJson(`${base}/transaction/broadcast`, tampered)).text).toContain(
      'does not match its content',
    );
    const reFeed = structuredClone(tx);
    reFeed.fee.transition.inputs[0] = {
      ...(reFeed.fee.transition.inputs[0] as { type: 'public'; id: string; value: string }),
      value: '20000u64',
    };
    expect((await postJson(`${base}/transaction/broadcast`, reFeed)).status).toBe(422);
    await devnet.advance(1);
  });

  it('verifies Delta transactions with the Delta HRP', async () => {
    const delta = devnet.nodes[1]?.url ?? '';
    const h = (await getJson(`${delta}/block/height/latest`)).body as number;
    const tx = buildExecuteTransaction({
      secretKey: key('governor-1'),
      chain: 'delta',
      hrp: 'dx',
      networkId: 2,
      program: 'credits.alpha',
      function: 'vote_network_upgrade',
      inputs: ['1field', '1u8'],
      expiresAtHeight: h + 5,
    });
    expect((await postJson(`${delta}/transaction/broadcast`, tx)).status).toBe(200);
  });
});
