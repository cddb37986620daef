import type { VoteChoice } from '@ratify/governance';

/** Where the signer stands: no key, a locked keystore, a wallet not (yet) connected, or ready. */
export type SignerState = 'no-key' | 'locked' | 'not-connected' | 'connecting' | 'ready';

export type VoteBlockerInput = {
  votingOpen: boolean;
  votingEndsHeight: number;
  chain: string;
  walletName: string;
  /** The keystore relays through this dashboard; a standard wallet broadcasts by itself. */
  relaysHere: boolean;
  /** How many Alpha nodes this dashboard relays to; null until the server has said. */
  relayNodes: number | null;
  signer: SignerState;
  /** Why the connected wallet cannot vote on this proposal (another chain or network). */
  fitProblem: string | null;
  role: 'governor' | 'public' | 'none' | 'unknown' | undefined;
  choice: VoteChoice | null;
  recordedChoice: VoteChoice | null;
  committed: boolean;
};

type Rule = (i: VoteBlockerInput) => string | false;

const SIGNER: Record<Exclude<SignerState, 'ready'>, (wallet: string) => string> = {
  'no-key': () => 'Import or create an account first.',
  locked: () => 'Unlock the wallet to sign.',
  'not-connected': (wallet) => `Connect ${wallet} first.`,
  connecting: (wallet) => `Waiting for ${wallet} to connect…`,
};

// In order: the first rule that holds says why the vote cannot be signed yet.
const RULES: readonly Rule[] = [
  (i) => !i.votingOpen && `Voting ended at height ${i.votingEndsHeight.toLocaleString('en-US')}.`,
  (i) => i.chain !== 'alpha' && 'Votes are cast on Alpha proposals only.',
  (i) =>
    i.relaysHere &&
    i.relayNodes === 0 &&
    'This dashboard is not connected to an Alpha node (ALPHA_NODES), so it cannot relay votes.',
  // Before the signer: connecting a wallet on the wrong chain or network would not help.
  (i) => i.fitProblem ?? false,
  (i) => i.signer !== 'ready' && SIGNER[i.signer](i.walletName),
  (i) =>
    i.role === 'none' &&
    'This account is neither a governor nor a committee member: the chain would reject its vote and keep the fee.',
  (i) => i.choice === null && 'Choose Yes, No or Abstain.',
  (i) => i.choice === i.recordedChoice && 'That is already your recorded vote.',
  (i) => i.choice === 1 && !i.committed && 'Confirm the Yes commitment first.',
];

/** Why the vote button is disabled, in words for the voter; null when the vote can be signed. */
export function voteBlocker(input: VoteBlockerInput): string | null {
  for (const rule of RULES) {
    const reason = rule(input);
    if (reason) return reason;
  }
  return null;
}

/** The signer's state from the chosen wallet: the keystore's lock, or a wallet's connection. */
export function signerState(p: {
  builtIn: boolean;
  keystore: 'loading' | 'none' | 'locked' | 'unlocked';
  connection: 'disconnected' | 'connecting' | 'connected' | 'failed';
}): SignerState {
  if (p.builtIn && p.keystore !== 'unlocked') return p.keystore === 'locked' ? 'locked' : 'no-key';
  if (p.connection === 'connected') return 'ready';
  // An unlocked keystore connects by itself at once.
  if (p.connection === 'connecting' || p.builtIn) return 'connecting';
  return 'not-connected';
}
