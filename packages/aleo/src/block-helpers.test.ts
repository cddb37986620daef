import { describe, expect, it } from 'vitest';
import { fixtureText } from './_test/fixtures';
import { GOVERNOR, governanceBlockText, VALIDATOR } from './_test/governance-block';
import { blockAuthors, blockLeader, governanceTransitions } from './block-helpers';
import { pt } from './plaintext/build';
import { decodeBlock } from './schemas/decode';

describe('block authors and leader', () => {
  const block = decodeBlock(fixtureText('block-mainnet-1203288.json'));

  it('lists the distinct certificate authors', () => {
    const authors = blockAuthors(block);
    expect(new Set(authors).size).toBe(authors.length);
    expect(authors.length).toBe(16);
    expect(authors).toContain('aleo107mzqjf3w2mw70wz0uy9r3u95y4s7af27jzxdyemz3sf9ase7v9ss6nr8t');
  });

  it('names the author of the highest round as leader', () => {
    expect(blockLeader(block)).toBe(
      'aleo107mzqjf3w2mw70wz0uy9r3u95y4s7af27jzxdyemz3sf9ase7v9ss6nr8t',
    );
  });

  it('has no governance transitions', () => {
    expect(governanceTransitions(block)).toEqual([]);
    expect(governanceTransitions(block, 'credits.aleo')).toEqual([]);
  });
});

describe('governance transitions', () => {
  const block = decodeBlock(governanceBlockText());
  const found = governanceTransitions(block);

  it('finds accepted and rejected calls in block order', () => {
    expect(found.map((g) => [g.function, g.status, g.index])).toEqual([
      ['submit_network_upgrade', 'accepted', 0],
      ['vote_network_upgrade', 'accepted', 1],
      ['vote_network_upgrade', 'rejected', 2],
    ]);
  });

  it('decodes the submit terms and the caller', () => {
    const submit = found[0];
    expect(submit?.caller).toBe(GOVERNOR);
    expect(submit?.function === 'submit_network_upgrade' && submit.call).toEqual({
      proposalId: 42n,
      sourceNetwork: 2,
      targetNetwork: 1,
      activationHeight: 5000,
      alphaExpectedHash: 111n,
      alphaParamsHash: 222n,
      deltaExpectedHash: 333n,
      deltaParamsHash: 444n,
      deltaMinAlphaBlocks: 10,
      minGovernorValidators: 3,
      minPublicValidators: 1,
      votingEndsHeight: 4000,
    });
    expect(submit?.futureArguments[0]).toEqual(pt.address(GOVERNOR));
    expect(submit?.futureArguments.length).toBe(13);
  });

  it('decodes votes, taking a rejected one from the fee wrapper', () => {
    const [, vote, rejected] = found;
    expect(vote?.caller).toBe(VALIDATOR);
    expect(vote?.call).toEqual({ proposalId: 42n, choice: 1 });
    expect(vote?.args).toEqual([pt.field(42n), pt.u8(1)]);
    expect(rejected?.call).toEqual({ proposalId: 43n, choice: 2 });
    expect(rejected?.transactionId.startsWith('at1')).toBe(true);
    expect(rejected?.caller).toBe(GOVERNOR);
  });
});
