import { describe, expect, it } from 'vitest';
import { FIXTURE_FILES, fixtureText } from '../_test/fixtures';
import { parseChainJson, stringifyChainJson } from '../json';
import { blockSchema } from './block';
import { decodeBlock, decodeConfirmedTransaction, decodeTransaction } from './decode';
import { transitionSchema } from './transition';

const blockText = fixtureText(FIXTURE_FILES.block);

describe('fixtures decode unchanged', () => {
  it('decodes the mainnet block with exact big integers', () => {
    const block = decodeBlock(blockText);
    expect(block.header.metadata.height).toBe(1203288);
    expect(block.header.metadata.cumulative_weight).toBe(18741903340503531150n);
    expect(block.header.metadata.cumulative_proof_target).toBe(0n);
    const solution = block.solutions.solutions?.solutions[0];
    expect(solution?.partial_solution.counter).toBe(12874387158213933576n);
    expect(solution?.target).toBe(1676976733973595601n);
    expect(block.ratifications[0]).toEqual({ type: 'block_reward', amount: 64993016n });
    expect(block.transactions[0]?.status).toBe('accepted');
  });

  it('decodes the u128 header fields from a number or a string to the same bigint', () => {
    const asString = blockText.replace(
      '"cumulative_weight":18741903340503531150',
      '"cumulative_weight":"18741903340503531150"',
    );
    expect(asString).not.toBe(blockText);
    expect(decodeBlock(asString)).toEqual(decodeBlock(blockText));
  });

  it('decodes the pretty (2-space) form a node serves to the same block', () => {
    const pretty = stringifyChainJson(parseChainJson(blockText));
    expect(pretty).toContain('\n  "block_hash"');
    expect(pretty).toContain('"cumulative_weight": "18741903340503531150"');
    expect(pretty).toContain('"counter": 12874387158213933576');
    expect(decodeBlock(pretty)).toEqual(decodeBlock(blockText));
  });

  it('decodes the three transaction fixtures', () => {
    expect(decodeTransaction(fixtureText(FIXTURE_FILES.transferPublic)).type).toBe('execute');
    const multi = decodeTransaction(fixtureText(FIXTURE_FILES.multiTransition));
    expect(multi.type === 'execute' && multi.execution.transitions.length).toBe(12);
    const deploy = decodeTransaction(fixtureText(FIXTURE_FILES.deploy));
    expect(deploy.type === 'deploy' && deploy.deployment.verifying_keys.length).toBeGreaterThan(0);
  });

  it('decodes a confirmed transaction and every transition kind', () => {
    const block = JSON.parse(blockText) as { transactions: unknown[] };
    const confirmed = decodeConfirmedTransaction(JSON.stringify(block.transactions[0]));
    expect(confirmed.type).toBe('execute');
    const multi = JSON.parse(fixtureText(FIXTURE_FILES.multiTransition));
    const kinds = new Set<string>();
    for (const t of multi.execution.transitions) {
      const parsed = transitionSchema.parse(t);
      for (const io of [...parsed.inputs, ...parsed.outputs]) kinds.add(io.type);
    }
    expect([...kinds].sort()).toEqual(['external_record', 'future', 'private', 'public', 'record']);
  });

  it('accepts a beacon (genesis) authority', () => {
    const value = parseChainJson(blockText) as Record<string, unknown>;
    const sig = JSON.parse(blockText).authority.subdag.subdag['2414059'][0].batch_header.signature;
    value.authority = { type: 'beacon', signature: sig };
    expect(blockSchema.parse(value).authority.type).toBe('beacon');
  });
});

describe('errors name the path', () => {
  it.each([
    [
      blockText.replace('"height":1203288', '"height":"1203288"'),
      'invalid block at header.metadata.height: Invalid input: expected number, received string',
    ],
    [
      blockText.replace('"type":"quorum"', '"type":"council"'),
      "invalid block at authority.type: Invalid discriminator value. Expected 'beacon' | 'quorum'",
    ],
    [
      blockText.replace('"status":"accepted"', '"status":"maybe"'),
      "invalid block at transactions[0].status: Invalid discriminator value. Expected 'accepted' | 'rejected'",
    ],
    [
      blockText.replace('"coinbase_target":35567900716529', '"coinbase_target":-1'),
      'invalid block at header.metadata.coinbase_target: u64 out of range: -1',
    ],
    [
      blockText.slice(0, 100),
      "invalid JSON: End of string '\"' expected but reached end of input at position 100",
    ],
    ['', 'invalid JSON: JSON value expected but reached end of input at position 0'],
  ])('rejects bad block %#', (text, message) => {
    expect(() => decodeBlock(text)).toThrowError(message);
  });
});
