import { describe, expect, it } from 'vitest';
import { signerState, type VoteBlockerInput, voteBlocker } from './vote-blocker';

const ready: VoteBlockerInput = {
  votingOpen: true,
  votingEndsHeight: 1_264,
  chain: 'alpha',
  walletName: 'Devnet Test Wallet',
  relaysHere: false,
  relayNodes: 0,
  signer: 'ready',
  fitProblem: null,
  role: 'governor',
  choice: 2,
  recordedChoice: 1,
  committed: false,
};

describe('voteBlocker', () => {
  it('lets a ready governor sign a new choice', () => {
    expect(voteBlocker(ready)).toBeNull();
    expect(voteBlocker({ ...ready, choice: 1, committed: true, recordedChoice: null })).toBeNull();
    expect(voteBlocker({ ...ready, role: 'unknown' })).toBeNull();
  });

  it.each<[string, Partial<VoteBlockerInput>, string]>([
    ['voting closed', { votingOpen: false, signer: 'no-key' }, 'Voting ended at height 1,264.'],
    ['a Delta proposal', { chain: 'delta' }, 'Votes are cast on Alpha proposals only.'],
    [
      'a keystore without a relay',
      { relaysHere: true, relayNodes: 0 },
      'This dashboard is not connected to an Alpha node (ALPHA_NODES), so it cannot relay votes.',
    ],
    ['no key yet', { signer: 'no-key' }, 'Import or create an account first.'],
    ['a locked keystore', { signer: 'locked' }, 'Unlock the wallet to sign.'],
    ['a wallet not connected', { signer: 'not-connected' }, 'Connect Devnet Test Wallet first.'],
    ['a wallet connecting', { signer: 'connecting' }, 'Waiting for Devnet Test Wallet to connect…'],
    ['the wrong network', { fitProblem: 'on Alpha testnet' }, 'on Alpha testnet'],
    [
      'a wallet on the wrong network, before connecting',
      { fitProblem: 'on Alpha testnet', signer: 'not-connected' },
      'on Alpha testnet',
    ],
    [
      'an account that may not vote',
      { role: 'none' },
      'This account is neither a governor nor a committee member: the chain would reject its vote and keep the fee.',
    ],
    ['no choice', { choice: null }, 'Choose Yes, No or Abstain.'],
    [
      'the same choice again',
      { choice: 1, committed: true },
      'That is already your recorded vote.',
    ],
    ['Yes unconfirmed', { choice: 1, recordedChoice: null }, 'Confirm the Yes commitment first.'],
  ])('refuses %s', (_name, over, reason) => {
    expect(voteBlocker({ ...ready, ...over })).toBe(reason);
  });

  it('needs the relay only when the wallet relays through this dashboard', () => {
    expect(voteBlocker({ ...ready, relaysHere: true, relayNodes: 1 })).toBeNull();
    expect(voteBlocker({ ...ready, relaysHere: true, relayNodes: null })).toBeNull();
  });
});

describe('signerState', () => {
  it.each([
    [true, 'none', 'disconnected', 'no-key'],
    [true, 'loading', 'disconnected', 'no-key'],
    [true, 'locked', 'connected', 'locked'],
    [true, 'unlocked', 'disconnected', 'connecting'],
    [true, 'unlocked', 'connected', 'ready'],
    [false, 'none', 'disconnected', 'not-connected'],
    [false, 'none', 'failed', 'not-connected'],
    [false, 'locked', 'connecting', 'connecting'],
    [false, 'none', 'connected', 'ready'],
  ] as const)('keystore %s %s, connection %s: %s', (builtIn, keystore, connection, expected) => {
    expect(signerState({ builtIn, keystore, connection })).toBe(expected);
  });
});
