import { buildExecuteTransaction, type ExecuteTransaction } from '@ratify/wallet';

export type Choice = 1 | 2 | 3;
export const CHOICE_NAMES: Record<Choice, 'yes' | 'no' | 'abstain'> = {
  1: 'yes',
  2: 'no',
  3: 'abstain',
};

export type SignVoteParameters = {
  secretKey: Uint8Array;
  /** From `votes.signingContext`, fetched just before signing. */
  context: { chain: 'alpha'; hrp: string; networkId: number; expiresAtHeight: number };
  proposalId: string;
  choice: Choice;
};

/** `credits.alpha/vote_network_upgrade(proposal_id, choice)`, signed in the browser. */
export function signVote(p: SignVoteParameters): ExecuteTransaction {
  return buildExecuteTransaction({
    secretKey: p.secretKey,
    chain: p.context.chain,
    hrp: p.context.hrp,
    networkId: p.context.networkId,
    program: 'credits.alpha',
    function: 'vote_network_upgrade',
    inputs: [`${p.proposalId}field`, `${p.choice}u8`],
    expiresAtHeight: p.context.expiresAtHeight,
  });
}
