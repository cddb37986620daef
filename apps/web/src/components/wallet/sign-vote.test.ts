import { accountFromSeed, addressOf, verifyExecuteAuthorization } from '@ratify/wallet';
import { describe, expect, it } from 'vitest';
import { signVote } from './sign-vote';

describe('signVote', () => {
  it('signs a vote a node verifies, for this proposal and choice only', () => {
    const voter = accountFromSeed('browser-voter');
    const tx = signVote({
      secretKey: voter.secretKey,
      context: { chain: 'alpha', hrp: 'ax', networkId: 2, expiresAtHeight: 40 },
      proposalId: '77',
      choice: 2,
    });
    expect(tx.execution.transitions[0]?.inputs.map((i) => i.value)).toEqual(['77field', '2u8']);
    const ctx = { chain: 'alpha' as const, networkId: 2, hrp: 'ax', currentHeight: 40 };
    expect(verifyExecuteAuthorization(tx, ctx)).toMatchObject({
      ok: true,
      caller: addressOf(voter.publicKey, 'ax'),
    });
    expect(verifyExecuteAuthorization(tx, { ...ctx, currentHeight: 41 })).toMatchObject({
      ok: false,
    });
  });
});
