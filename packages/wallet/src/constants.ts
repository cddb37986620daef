/** The public fee of a vote, in microcredits. */
export const DEFAULT_FEE = 10_000n;
