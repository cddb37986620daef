import type { IndexedBatch } from '@ratify/db';
import { describe, expect, it } from 'vitest';
import { batchScope, inScope } from './conditions';

const C = 'alpha:2:ab1genesis';
const batch = (over: Partial<IndexedBatch>): IndexedBatch => ({
  chainNetworkId: C,
  blocks: [100, 101, 102].map((height) => ({ height }) as IndexedBatch['blocks'][number]),
  proposals: [],
  votes: [],
  onchainCounters: [],
  checkpoint: { height: 102, blockHash: 'ab1x' },
  ...over,
});
const proposal = (proposalId: string, votingEndsHeight = 500, activationHeight = 900, c = C) => ({
  chainNetworkId: c,
  proposalId,
  votingEndsHeight,
  activationHeight,
});

describe('which proposals a batch may have changed the alerts of', () => {
  it('those it wrote a row, a vote or a counter for', () => {
    const scope = batchScope(
      batch({
        votes: [{ proposalId: '7' } as IndexedBatch['votes'][number]],
        onchainCounters: [{ proposalId: '8', counters: {} as never, height: 101 }],
      }),
    );
    expect(inScope(scope, proposal('7'))).toBe(true);
    expect(inScope(scope, proposal('8'))).toBe(true);
    expect(inScope(scope, proposal('9'))).toBe(false);
  });

  it('those of its chain-network whose end of voting or activation its heights reach', () => {
    const scope = batchScope(batch({}));
    expect(inScope(scope, proposal('1', 101))).toBe(true);
    expect(inScope(scope, proposal('2', 300, 103))).toBe(true);
    expect(inScope(scope, proposal('3', 99))).toBe(true); // the first block past it
    expect(inScope(scope, proposal('4', 97, 104))).toBe(false);
    expect(inScope(scope, proposal('5', 101, 900, 'delta:2:ab1other'))).toBe(false);
  });

  it('every proposal when the batch brings a validator set, or when unscoped', () => {
    const scope = batchScope(
      batch({ validatorSet: { height: 101, governors: [], committee: [] } }),
    );
    expect(inScope(scope, proposal('9'))).toBe(true);
    expect(inScope(undefined, proposal('9'))).toBe(true);
  });

  it('an empty batch reaches only its checkpoint height', () => {
    const scope = batchScope(batch({ blocks: [], checkpoint: { height: 50, blockHash: 'ab1y' } }));
    expect(inScope(scope, proposal('1', 50))).toBe(true);
    expect(inScope(scope, proposal('2', 60))).toBe(false);
  });
});
