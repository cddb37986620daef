import { describe, expect, it } from 'vitest';
import { parseChange, touchesProposal } from './live-changes';

const facts = {
  chainNetworkId: 'alpha:2:ab1',
  proposalId: '7',
  indexedHeight: 100,
  terms: { votingEndsHeight: 120, activationHeight: 150 },
};

describe('which proposal pages a commit refreshes', () => {
  it('refreshes a proposal the commit names, or every one when it says many', () => {
    expect(touchesProposal([{ c: 'alpha:2:ab1', h: 101, p: ['7'] }], '7', facts)).toBe(true);
    expect(touchesProposal([{ c: 'alpha:2:ab1', h: 101, p: 'many' }], '7', facts)).toBe(true);
    expect(touchesProposal([{ c: 'alpha:2:ab1', h: 101, p: ['8'] }], '7', facts)).toBe(false);
    // Not loaded yet: any mention refreshes it.
    expect(touchesProposal([{ c: 'delta:2:ab9', h: 5, p: ['7'] }], '7', undefined)).toBe(true);
  });

  it('refreshes a proposal whose chain crossed the end of voting or the activation', () => {
    expect(touchesProposal([{ c: 'alpha:2:ab1', h: 119, p: [] }], '7', facts)).toBe(false);
    expect(touchesProposal([{ c: 'alpha:2:ab1', h: 120, p: [] }], '7', facts)).toBe(true);
    expect(
      touchesProposal([{ c: 'alpha:2:ab1', h: 150, p: [] }], '7', { ...facts, indexedHeight: 140 }),
    ).toBe(true);
    expect(touchesProposal([{ c: 'delta:2:ab9', h: 500, p: [] }], '7', facts)).toBe(false);
  });

  it('reads only well-formed events', () => {
    expect(parseChange('{"c":"alpha:2:ab1","h":3,"p":["1"]}')).toEqual({
      c: 'alpha:2:ab1',
      h: 3,
      p: ['1'],
    });
    expect(parseChange('"alpha:2:ab1:3"')).toBeUndefined();
    expect(parseChange('{"c":"x","h":3,"p":[1]}')).toBeUndefined();
  });
});
