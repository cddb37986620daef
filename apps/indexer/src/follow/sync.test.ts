import type { Block } from '@ratify/aleo';
import { describe, expect, it } from 'vitest';
import { findDiscontinuity } from './sync';

const block = (height: number, hash: string, previous: string) =>
  ({
    block_hash: hash,
    previous_hash: previous,
    header: { metadata: { height } },
  }) as unknown as Block;

describe('findDiscontinuity', () => {
  const chain = [block(5, 'h5', 'h4'), block(6, 'h6', 'h5'), block(7, 'h7', 'h6')];

  it('accepts blocks that link to the stored chain and to each other', () => {
    expect(findDiscontinuity('h4', chain, 5)).toBeUndefined();
    expect(findDiscontinuity(undefined, chain, 5)).toBeUndefined();
  });

  it('names the first block that does not link', () => {
    expect(findDiscontinuity('other', chain, 5)).toEqual({
      height: 5,
      expected: 'other',
      found: 'h4',
    });
    const forked = [chain[0] as Block, block(6, 'x6', 'x5')];
    expect(findDiscontinuity('h4', forked, 5)).toEqual({ height: 6, expected: 'h5', found: 'x5' });
  });

  it('refuses a node that answers other heights than were asked', () => {
    expect(findDiscontinuity('h4', [block(6, 'h6', 'h5')], 5)).toEqual({
      height: 5,
      expected: 'block 5',
      found: 'block 6',
    });
  });
});
