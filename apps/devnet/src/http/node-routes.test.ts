import {
  blockSchema,
  confirmedTransactionSchema,
  decodeProposal,
  parseChainJson,
} from '@ratify/aleo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, manualDevnet, postJson } from '../_test/devnet';
import type { Devnet } from '../start-devnet';

let devnet: Devnet;
let base: string;
const root = 'http://127.0.0.1:4200';

beforeAll(async () => {
  devnet = await manualDevnet(4200);
  base = devnet.nodes[0]?.url ?? '';
});
afterAll(() => devnet.stop());

describe('node routes', () => {
  it('serves heights, hashes and blocks that pass the aleo schemas', async () => {
    const height = (await getJson(`${base}/block/height/latest`)).body as number;
    expect(height).toBe(24);
    const hash = (await getJson(`${base}/block/hash/latest`)).body as string;
    const latest = await getJson(`${base}/block/latest`);
    expect(blockSchema.parse(latest.body).block_hash).toBe(hash);
    expect(latest.text).toContain('\n  "previous_hash": ');
    expect((await getJson(`${base}/height/${hash}`)).body).toBe(height);
    const byHash = await getJson(`${base}/block/${hash}`);
    expect(byHash.text).toBe(latest.text);
    for (let h = 0; h <= height; h++) blockSchema.parse((await getJson(`${base}/block/${h}`)).body);
  });

  it('has the fixture block key structure', async () => {
    const b = (await getJson(`${base}/block/5`)).body as Record<string, unknown>;
    expect(Object.keys(b)).toEqual([
      'block_hash',
      'previous_hash',
      'header',
      'authority',
      'ratifications',
      'solutions',
      'aborted_solution_ids',
      'transactions',
      'aborted_transaction_ids',
    ]);
    const header = b.header as { metadata: Record<string, unknown> };
    expect(Object.keys(header.metadata)).toEqual([
      'network',
      'round',
      'height',
      'cumulative_weight',
      'cumulative_proof_target',
      'coinbase_target',
      'proof_target',
      'last_coinbase_target',
      'last_coinbase_timestamp',
      'timestamp',
    ]);
    expect(typeof header.metadata.cumulative_weight).toBe('string');
    const subdag = (b.authority as { subdag: { subdag: Record<string, unknown[]> } }).subdag.subdag;
    const rounds = Object.keys(subdag).map(Number);
    expect(subdag[String(Math.max(...rounds))]).toHaveLength(1);
    expect(subdag[String(Math.min(...rounds))]).toHaveLength(7);
    expect(Math.max(...rounds)).toBe(header.metadata.round);
  });

  it('serves ranges of at most 50 blocks, failing on any missing height', async () => {
    const ok = await getJson(`${base}/blocks?start=0&end=20`);
    expect((ok.body as unknown[]).length).toBe(20);
    await devnet.advance(40);
    expect(((await getJson(`${base}/blocks?start=10&end=60`)).body as unknown[]).length).toBe(50);
    expect((await getJson(`${base}/blocks?start=10&end=61`)).status).toBe(400);
    expect((await getJson(`${base}/blocks?start=60&end=70`)).status).toBe(404);
    expect((await getJson(`${base}/blocks?start=5&end=5`)).status).toBe(400);
  });

  it('serves transactions, confirmed transactions and rejected ones as fee wrappers', async () => {
    const blocks = (await getJson(`${base}/blocks?start=1&end=25`)).body as {
      transactions: { status: string; transaction: { id: string; type: string } }[];
    }[];
    const confirmed = blocks.flatMap((b) => b.transactions);
    const accepted = confirmed.find((t) => t.status === 'accepted');
    const rejected = confirmed.find((t) => t.status === 'rejected');
    expect(accepted && rejected).toBeTruthy();
    if (!accepted || !rejected) return;
    const tx = await getJson(`${base}/transaction/${accepted.transaction.id}`);
    expect((tx.body as { id: string }).id).toBe(accepted.transaction.id);
    const c = await getJson(`${base}/transaction/confirmed/${accepted.transaction.id}`);
    confirmedTransactionSchema.parse(c.body);
    expect(rejected.transaction.type).toBe('fee');
    const r = (await getJson(`${base}/transaction/confirmed/${rejected.transaction.id}`))
      .body as Record<string, unknown>;
    expect(Object.keys(r)).toEqual([
      'status',
      'type',
      'index',
      'transaction',
      'rejected',
      'finalize',
    ]);
    const found = await getJson(`${base}/find/blockHash/${accepted.transaction.id}`);
    expect(found.body).toMatch(/^ab1/);
    expect((await getJson(`${base}/find/blockHash/at1qqqq`)).body).toBeNull();
    expect((await getJson(`${base}/transaction/at1nothere`)).status).toBe(404);
    const txs = await getJson(`${base}/block/2/transactions`);
    expect((txs.body as unknown[]).length).toBe(1);
  });

  it('serves the program, its mappings and values with metadata', async () => {
    expect(
      ((await getJson(`${base}/program/credits.alpha`)).body as string).startsWith(
        'program credits.alpha;',
      ),
    ).toBe(true);
    expect((await getJson(`${base}/program/credits.alpha/mappings`)).body).toContain(
      'upgrade_votes',
    );
    const governors = (await getJson(`${base}/governors`)).body as string[];
    expect(governors).toHaveLength(5);
    expect(
      (await getJson(`${base}/program/credits.alpha/mapping/governors/${governors[0]}`)).body,
    ).toBe('true');
    const missing = await getJson(`${base}/program/credits.alpha/mapping/governors/ax1nobody`);
    expect(missing.body).toBeNull();
    const proposals = (await getJson(`${base}/block/22/transactions`)).body as {
      transaction: { execution: { transitions: { inputs: { value: string }[] }[] } };
    }[];
    const id = proposals[0]?.transaction.execution.transitions[0]?.inputs[0]?.value ?? '';
    const value = await getJson(
      `${base}/program/credits.alpha/mapping/network_upgrade_proposals/${id}`,
    );
    const p = decodeProposal(value.body as string);
    expect(p.governorYesVotes).toBeGreaterThan(0);
    const meta = await getJson(
      `${base}/program/credits.alpha/mapping/network_upgrade_proposals/${id}?metadata=true`,
    );
    expect(meta.body).toMatchObject({ data: value.body, height: 64 });
  });

  it('serves committee, peers, genesis and its hash', async () => {
    const committee = (await getJson(`${base}/committee/latest`)).body as {
      members: Record<string, unknown>;
      total_stake: number;
    };
    expect(Object.keys(committee.members)).toHaveLength(7);
    expect((await getJson(`${base}/peers/count`)).body).toBe(6);
    const genesis = (await getJson(`${base}/genesis`)).body as {
      block_hash: string;
      authority: { type: string };
    };
    expect(genesis.authority.type).toBe('beacon');
    expect((await getJson(`${base}/genesis/hash`)).body).toBe(genesis.block_hash);
    expect((await getJson(`${base}/find/transactionID/deployment/credits.alpha`)).body).toBeNull();
    const delta = (await getJson(`${devnet.nodes[1]?.url}/genesis`)).body as {
      ratifications: { alpha_genesis_hash?: string }[];
    };
    expect(delta.ratifications[0]?.alpha_genesis_hash).toBe(genesis.block_hash);
  });

  it('answers errors, unknown routes and the wrong network like a newer node', async () => {
    const r = await getJson(`${base}/block/999999`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error_type: 'not_found' });
    expect((await getJson(`${root}/mainnet/block/height/latest`)).status).toBe(404);
    expect((await getJson(`${base}/nope`)).status).toBe(404);
    const cors = await fetch(`${base}/block/height/latest`);
    expect(cors.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses bodies over 512 KiB and transactions over 128,000 bytes', async () => {
    expect((await postJson(`${base}/transaction/broadcast`, 'x'.repeat(600 * 1024))).status).toBe(
      413,
    );
    const big = await postJson(`${base}/transaction/broadcast`, {
      type: 'execute',
      pad: 'x'.repeat(130_000),
    });
    expect(big.status).toBe(422);
    expect(big.text).toContain('exceeds the byte limit');
    expect((await postJson(`${base}/transaction/broadcast`, '{not json')).status).toBe(400);
  });

  it('serves u64 values above 2^53 as bare JSON numbers', async () => {
    const text = (await getJson(`${base}/block/3`)).text;
    const parsed = parseChainJson(text) as {
      solutions: { solutions: { solutions: { partial_solution: { counter: unknown } }[] } };
    };
    expect(typeof parsed.solutions.solutions.solutions[0]?.partial_solution.counter).toBe('bigint');
  });

  it('keeps admin routes behind --admin', async () => {
    const closed = await manualDevnet(4205, { admin: false, scenario: 'rehearsal' });
    expect((await getJson('http://127.0.0.1:4205/devnet/info')).status).toBe(404);
    await closed.stop();
    expect((await getJson(`${root}/devnet/info`)).status).toBe(200);
  });
});
