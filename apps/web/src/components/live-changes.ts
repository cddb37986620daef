/** One `indexed` event of the stream: what an indexer commit touched. */
export type Change = { c: string; h: number; p: string[] | 'many' };

/** What a cached proposal query holds that decides whether a change concerns it. */
export type ProposalFacts = {
  chainNetworkId: string;
  proposalId: string;
  indexedHeight: number;
  terms: { votingEndsHeight: number; activationHeight: number };
};

export function parseChange(data: string): Change | undefined {
  try {
    const v = JSON.parse(data) as Partial<Change>;
    if (typeof v?.c !== 'string' || typeof v.h !== 'number') return undefined;
    if (v.p !== 'many' && !(Array.isArray(v.p) && v.p.every((x) => typeof x === 'string')))
      return undefined;
    return { c: v.c, h: v.h, p: v.p };
  } catch {
    return undefined;
  }
}

/**
 * Whether a proposal's page must refetch: a commit touched it (its votes, row, counters, or
 * everything on its chain-network), or its chain crossed the end of voting or the activation
 * height, which changes its phase. A new block that does neither leaves it alone (its
 * height and countdown refresh on the slow poll).
 */
export function touchesProposal(
  changes: readonly Change[],
  proposalId: string,
  facts: ProposalFacts | undefined,
): boolean {
  return changes.some((ch) => {
    if (ch.p === 'many' || ch.p.includes(proposalId))
      return facts === undefined || ch.c === facts.chainNetworkId || ch.p === 'many';
    if (!facts || ch.c !== facts.chainNetworkId) return false;
    const { votingEndsHeight, activationHeight } = facts.terms;
    const crossed = (target: number) => facts.indexedHeight < target && ch.h >= target;
    return crossed(votingEndsHeight) || crossed(activationHeight);
  });
}
