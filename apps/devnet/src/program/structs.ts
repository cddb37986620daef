import {
  encodeProposal,
  encodeVote,
  type NetworkUpgradeProposal,
  type NetworkUpgradeVote,
  printPlaintext,
} from '@ratify/aleo';

/** The governance structs of spec section 6, as the codec package types them. */
export type Proposal = NetworkUpgradeProposal;
export type Vote = NetworkUpgradeVote;

/** Canonical plaintext of a proposal, member order as declared in the program. */
export function printProposal(p: Proposal): string {
  return printPlaintext(encodeProposal(p));
}

export function printVote(v: Vote): string {
  return printPlaintext(encodeVote(v));
}
