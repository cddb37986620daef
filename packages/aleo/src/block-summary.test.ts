import { describe, expect, it } from 'vitest';
import { GOVERNOR, governanceBlockText } from './_test/governance-block';
import { blockSummary } from './block-summary';
import { decodeBlock } from './schemas/decode';

describe('blockSummary', () => {
  it('lists the block facts and its governance calls', () => {
    const lines = blockSummary(decodeBlock(governanceBlockText()));
    expect(lines.slice(0, 3)).toEqual([
      'height        1203288',
      'network       0',
      'round         2414062',
    ]);
    expect(lines).toContain('authors       16');
    expect(lines).toContain('transactions  3 (2 accepted, 1 rejected)');
    expect(lines).toContain('governance    3');
    expect(lines.at(-1)).toMatch(
      new RegExp(`^  #2 vote_network_upgrade rejected by ${GOVERNOR}: proposal 43 choice 2 \\(at1`),
    );
  });
});
