import { describe, expect, it } from 'vitest';
import { encodeAddress } from './bech32';
import {
  decodeProposal,
  decodeVote,
  encodeProposal,
  encodeSubmitArgs,
  encodeVote,
  type NetworkUpgradeProposal,
  type NetworkUpgradeVote,
} from './governance-structs';
import { parsePlaintext } from './plaintext/parse';
import { printPlaintext } from './plaintext/print';

const PROPOSER = encodeAddress(new Uint8Array(32).fill(9), 'ax');

const proposal: NetworkUpgradeProposal = {
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
  governorYesVotes: 2,
  governorNoVotes: 0,
  publicYesVotes: 1,
  publicNoVotes: 0,
  proposer: PROPOSER,
  createdAtHeight: 100,
  votingEndsHeight: 4000,
};

const vote: NetworkUpgradeVote = {
  proposalId: 42n,
  voter: PROPOSER,
  choice: 3,
  isGovernor: true,
  votedAtHeight: 150,
};

describe('NetworkUpgradeProposal', () => {
  it('round-trips through plaintext text in declaration order', () => {
    const text = printPlaintext(encodeProposal(proposal));
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      '  proposal_id: 42field,',
      '  source_network: 2u16,',
    ]);
    expect(decodeProposal(text)).toEqual(proposal);
    expect(decodeProposal(parsePlaintext(text))).toEqual(proposal);
  });

  it('names the member that is missing, extra or of the wrong type', () => {
    const text = printPlaintext(encodeProposal(proposal));
    expect(() => decodeProposal(text.replace('  source_network: 2u16,\n', ''))).toThrowError(
      'NetworkUpgradeProposal: missing member "source_network"',
    );
    expect(() => decodeProposal(text.replace('{', '{ extra: 1u8,'))).toThrowError(
      'NetworkUpgradeProposal: unexpected member "extra"',
    );
    expect(() =>
      decodeProposal(text.replace('source_network: 2u16', 'source_network: 2u32')),
    ).toThrowError('NetworkUpgradeProposal: member "source_network" must be u16, got u32');
    expect(() => decodeProposal('5u8')).toThrowError(
      'NetworkUpgradeProposal: expected a struct, got u8',
    );
    expect(() => encodeProposal({ ...proposal, sourceNetwork: 70000 })).toThrowError(
      'NetworkUpgradeProposal: member "sourceNetwork" must be u16, got 70000',
    );
  });

  it('encodes the submit inputs in order', () => {
    expect(encodeSubmitArgs(proposal)).toEqual([
      '42field',
      '2u16',
      '1u16',
      '5000u32',
      '111field',
      '222field',
      '333field',
      '444field',
      '10u32',
      '3u32',
      '1u32',
      '4000u32',
    ]);
  });
});

describe('network_upgrade_vote', () => {
  it('round-trips', () => {
    expect(decodeVote(printPlaintext(encodeVote(vote)))).toEqual(vote);
  });

  it('rejects a bad choice and a wrong-typed member', () => {
    const text = printPlaintext(encodeVote(vote));
    expect(() => decodeVote(text.replace('choice: 3u8', 'choice: 4u8'))).toThrowError(
      'network_upgrade_vote: member "choice" must be 1, 2 or 3, got 4',
    );
    expect(() => decodeVote(text.replace('is_governor: true', 'is_governor: 1u8'))).toThrowError(
      'network_upgrade_vote: member "is_governor" must be boolean, got u8',
    );
    expect(() => decodeVote(text.replace(`voter: ${PROPOSER}`, 'voter: { a: 1u8 }'))).toThrowError(
      'network_upgrade_vote: member "voter" must be address, got a struct',
    );
  });
});
