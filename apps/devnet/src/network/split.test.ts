import { blockHashToField, blockSchema, decodeProposal } from '@ratify/aleo';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, manualDevnet } from '../_test/devnet';
import type { Devnet } from '../start-devnet';
import type { DevnetEvent } from './events';

let devnet: Devnet | null = null;
afterEach(async () => {
  await devnet?.stop();
  devnet = null;
});

const ofType = <T extends DevnetEvent['type']>(d: Devnet, type: T) =>
  d.events.filter((e): e is Extract<DevnetEvent, { type: T }> => e.type === type);

async function runToEnd(d: Devnet, max = 80) {
  for (let i = 0; i < max && ofType(d, 'scenario-complete').length === 0; i++) await d.advance(1);
  expect(ofType(d, 'scenario-complete')).toHaveLength(1);
}

describe('the split', () => {
  it('rehearsal: 3 Yes of 5 is not approved and nothing moves', async () => {
    devnet = await manualDevnet(4220, { scenario: 'rehearsal' });
    await runToEnd(devnet);
    expect(ofType(devnet, 'activation')[0]).toMatchObject({
      approved: false,
      governors: 5,
      governorYes: 3,
    });
    expect(ofType(devnet, 'chain-started')).toHaveLength(0);
    expect(
      (await fetch('http://127.0.0.1:4222/testnet/block/height/latest').catch(() => null))?.status,
    ).toBeUndefined();
  });

  it('rehearsal-4of5: Alpha moves, the old side stops, Delta follows, the late joiner finds the genesis', async () => {
    devnet = await manualDevnet(4225, { scenario: 'rehearsal-4of5' });
    await runToEnd(devnet);
    const [alpha, delta, newAlpha, newDelta] = devnet.nodes;
    expect(ofType(devnet, 'activation')[0]).toMatchObject({ approved: true, governorYes: 4 });
    expect(newAlpha).toMatchObject({
      chain: 'alpha',
      network: 'testnet',
      networkId: 1,
      running: true,
      port: 4227,
    });

    // The proposal's expected hash is the new genesis hash.
    const proposals = (await getJson(`${alpha?.url}/block/3/transactions`)).body as {
      transaction: { execution: { transitions: { inputs: { value: string }[] }[] } };
    }[];
    const id = proposals[0]?.transaction.execution.transitions[0]?.inputs[0]?.value;
    const p = decodeProposal(
      (await getJson(`${alpha?.url}/program/credits.alpha/mapping/network_upgrade_proposals/${id}`))
        .body as string,
    );
    const newGenesis = (await getJson(`${newAlpha?.url}/genesis/hash`)).body as string;
    expect(blockHashToField(newGenesis)).toBe(p.alphaExpectedHash);
    const newDeltaGenesis = (await getJson(`${newDelta?.url}/genesis`)).body as {
      block_hash: string;
      ratifications: Record<string, unknown>[];
    };
    expect(blockHashToField(newDeltaGenesis.block_hash)).toBe(p.deltaExpectedHash);
    expect(newDeltaGenesis.ratifications[0]).toMatchObject({
      alpha_genesis_hash: newGenesis,
      alpha_network_id: 1,
    });

    // One of five cannot hold a quorum: the old network stops at activation.
    expect((await getJson(`${alpha?.url}/block/height/latest`)).body).toBe(18);
    expect(ofType(devnet, 'chain-halted').map((e) => `${e.chain}/${e.network}`)).toEqual([
      'alpha/canary',
      'delta/canary',
    ]);
    expect((await getJson(`${delta?.url}/block/height/latest`)).body).toBe(18);

    // Delta starts after delta_min_alpha_blocks; the late joiner then authors on the new Alpha.
    const join = ofType(devnet, 'late-join')[0];
    expect(join).toMatchObject({ validator: 'governor-5', trusted: true, agreedHash: newGenesis });
    const tip = (await getJson(`${newAlpha?.url}/block/latest`)).body;
    const authors = Object.values(
      blockSchema.parse(tip).authority.type === 'quorum'
        ? (
            tip as {
              authority: {
                subdag: { subdag: Record<string, { batch_header: { author: string } }[]> };
              };
            }
          ).authority.subdag.subdag
        : {},
    )
      .flat()
      .map((c) => c.batch_header.author);
    expect(new Set(authors).size).toBe(5);
    expect((await getJson(`${newAlpha?.url}/committee/latest`)).status).toBe(200);
  });

  it('genesis mismatch: the new Alpha does not build and an emergency is raised', async () => {
    devnet = await manualDevnet(4230, { scenario: 'genesis-mismatch' });
    await runToEnd(devnet);
    expect(ofType(devnet, 'emergency')[0]?.reason).toMatch(/alpha_expected_hash/);
    expect((await getJson(`${devnet.nodes[2]?.url}/block/height/latest`)).body).toBe(0);
  });

  it('rogue Delta names the old Alpha genesis', async () => {
    devnet = await manualDevnet(4235, { scenario: 'rogue-delta' });
    await runToEnd(devnet);
    const oldGenesis = (await getJson(`${devnet.nodes[0]?.url}/genesis/hash`)).body;
    const rogue = (await getJson(`${devnet.nodes[3]?.url}/genesis`)).body as {
      ratifications: { alpha_genesis_hash: string }[];
    };
    expect(rogue.ratifications[0]?.alpha_genesis_hash).toBe(oldGenesis);
  });

  it('a Yes voter staying and one authoring on both sides keep the old network alive with them', async () => {
    devnet = await manualDevnet(4240, { scenario: 'double-authoring' });
    await runToEnd(devnet);
    const old = devnet.nodes[0]?.url;
    expect(ofType(devnet, 'chain-halted')).toHaveLength(0);
    expect((await getJson(`${old}/block/height/latest`)).body as number).toBeGreaterThan(18);
    const latest = (await getJson(`${old}/block/latest`)).body as {
      authority: { subdag: { subdag: Record<string, { batch_header: { author: string } }[]> } };
    };
    const oldAuthors = new Set(
      Object.values(latest.authority.subdag.subdag)
        .flat()
        .map((c) => c.batch_header.author),
    );
    const newest = (await getJson(`${devnet.nodes[2]?.url}/block/latest`)).body as typeof latest;
    const newAuthors = new Set(
      Object.values(newest.authority.subdag.subdag)
        .flat()
        .map((c) => c.batch_header.author),
    );
    expect([...oldAuthors].filter((a) => newAuthors.has(a))).toHaveLength(3);
  });

  it('a stall stops the source Alpha for a while', async () => {
    devnet = await manualDevnet(4245, { scenario: 'stall' });
    await devnet.advance(10);
    const url = devnet.nodes[0]?.url;
    expect((await getJson(`${url}/block/height/latest`)).body).toBe(7);
    await devnet.advance(6);
    expect((await getJson(`${url}/block/height/latest`)).body).toBe(10);
  });

  it('counter drift: the on-chain counters disagree with the votes', async () => {
    devnet = await manualDevnet(4250, { scenario: 'counter-drift' });
    await runToEnd(devnet);
    const url = devnet.nodes[0]?.url;
    const tx = (await getJson(`${url}/block/3/transactions`)).body as {
      transaction: { execution: { transitions: { inputs: { value: string }[] }[] } };
    }[];
    const id = tx[0]?.transaction.execution.transitions[0]?.inputs[0]?.value;
    const p = decodeProposal(
      (await getJson(`${url}/program/credits.alpha/mapping/network_upgrade_proposals/${id}`))
        .body as string,
    );
    // Five governors voted, four Yes in the end, yet the counters sum to six.
    expect(p.governorYesVotes + p.governorNoVotes).toBe(6);
  });
});
