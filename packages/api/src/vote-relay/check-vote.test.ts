import { accountFromSeed, addressOf, buildExecuteTransaction, transactionId } from '@ratify/wallet';
import { describe, expect, it } from 'vitest';
import {
  type CheckVoteParameters,
  checkVote,
  MAX_TRANSACTION_DEPTH,
  nestsDeeperThan,
  readVoteCall,
} from './check-vote';

const voter = accountFromSeed('check-vote/voter');
const address = addressOf(voter.publicKey, 'ax');
const proposal = { proposalId: '42', chain: 'alpha', networkId: 2, votingEndsHeight: 100 };
const base: CheckVoteParameters = {
  proposal,
  currentHeight: 50,
  hrp: 'ax',
  validators: { governors: [address], committee: [address] },
};

const vote = (over: Partial<Parameters<typeof buildExecuteTransaction>[0]> = {}) =>
  buildExecuteTransaction({
    secretKey: voter.secretKey,
    chain: 'alpha',
    hrp: 'ax',
    networkId: 2,
    program: 'credits.alpha',
    function: 'vote_network_upgrade',
    inputs: ['42field', '1u8'],
    expiresAtHeight: 70,
    ...over,
  });

const reason = (raw: unknown, p: Partial<CheckVoteParameters> = {}) => {
  const r = checkVote(raw, { ...base, ...p });
  return r.ok ? 'ok' : r.reason;
};

describe('checkVote', () => {
  it('accepts a well-formed vote by a governor', () => {
    expect(checkVote(vote(), base)).toMatchObject({
      ok: true,
      proposalId: '42',
      choice: 1,
      voter: address,
      role: 'governor',
      expiresAtHeight: 70,
    });
  });

  it.each([
    ['not an object', 'hello', /^not a transaction/],
    ['a shapeless object', { type: 'execute' }, /^not a transaction: id: /],
    ['a fee transaction', { ...vote(), type: 'fee' }, /^not a vote: a fee transaction$/],
  ])('refuses %s', (_name, raw, expected) => {
    expect(reason(raw)).toMatch(expected);
  });

  it('refuses calls other than a vote, and bad inputs', () => {
    const transfer = vote({ function: 'transfer_public', inputs: [address, '5u64'] });
    expect(reason(transfer)).toBe(
      'not a vote: calls credits.alpha/transfer_public, expected credits.alpha/vote_network_upgrade',
    );
    expect(reason(vote({ inputs: ['42field', '4u8'] }))).toBe(
      'choice "4u8" is not 1u8 (Yes), 2u8 (No) or 3u8 (Abstain)',
    );
    expect(reason(vote({ inputs: ['42u8', '1u8'] }))).toBe(
      'proposal id "42u8" is not a NNNfield value',
    );
    // The codec's field parse, as a node's: a leading zero is refused, not read as 42.
    expect(reason(vote({ inputs: ['0042field', '1u8'] }))).toBe(
      'proposal id "0042field" is not a NNNfield value',
    );
  });

  it('refuses a bad signature', () => {
    const tx = structuredClone(vote());
    tx.execution.authorization.signature = vote({
      inputs: ['42field', '2u8'],
    }).execution.authorization.signature;
    expect(reason({ ...tx, id: transactionId(tx) })).toBe('invalid signature');
  });

  it('refuses an expired vote, counted from the next block', () => {
    expect(reason(vote({ expiresAtHeight: 50 }))).toBe('expired at height 50 (current height 51)');
    expect(reason(vote({ expiresAtHeight: 51 }))).toBe('ok');
  });

  it('refuses a vote for a proposal that does not exist or is not on Alpha', () => {
    expect(reason(vote(), { proposal: undefined })).toBe(
      'proposal 42field does not exist on Alpha',
    );
    expect(reason(vote(), { proposal: { ...proposal, chain: 'delta' } })).toMatch(
      /votes go to Alpha$/,
    );
  });

  it('refuses a vote signed for another network', () => {
    expect(reason(vote({ networkId: 1 }))).toBe('wrong network: signed for network 1, this is 2');
  });

  it('refuses once voting has ended', () => {
    expect(reason(vote({ expiresAtHeight: 200 }), { currentHeight: 100 })).toBe(
      'voting on proposal 42field ended at height 100 (the chain is at 100)',
    );
    expect(reason(vote({ expiresAtHeight: 200 }), { currentHeight: 99 })).toBe('ok');
  });

  it('refuses a voter that is neither governor nor committee member', () => {
    expect(reason(vote(), { validators: { governors: [], committee: [] } })).toMatch(
      /^ax1\w+ is neither a governor nor a committee member/,
    );
    expect(
      checkVote(vote(), { ...base, validators: { governors: [], committee: [address] } }),
    ).toMatchObject({
      role: 'public',
    });
  });

  it('reads the call before any lookup', () => {
    expect(readVoteCall(vote({ inputs: ['4_2field', '3u8'] }))).toEqual({
      ok: true,
      proposalId: '42',
      choice: 3,
    });
  });

  it('refuses a body nested too deep for a recursive walk, without recursing itself', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(readVoteCall(deep)).toEqual({
      ok: false,
      reason: `not a transaction: nested deeper than ${MAX_TRANSACTION_DEPTH} levels`,
    });
    let arrays: unknown = [];
    for (let i = 0; i < 100_000; i++) arrays = [arrays];
    expect(readVoteCall({ execution: arrays })).toMatchObject({ ok: false });
    expect(nestsDeeperThan(vote(), MAX_TRANSACTION_DEPTH)).toBe(false);
    expect(nestsDeeperThan([[[]]], 3)).toBe(false);
    expect(nestsDeeperThan([[[[]]]], 3)).toBe(true);
  });
});
