import { CREDITS_PROGRAM, parseFieldId, transactionSchema, VOTE_FUNCTION } from '@ratify/aleo';
import { type ExecuteTransaction, verifyExecuteAuthorization } from '@ratify/wallet';

/** The largest transaction a node accepts for broadcast (spec section 2). */
export const MAX_TRANSACTION_BYTES = 128_000;

export type VoteCall = { proposalId: string; choice: 1 | 2 | 3 };
export type Refusal = { ok: false; reason: string };

/** Deeper than any transaction nests; a deeper body would overflow the stack of a recursive walk. */
export const MAX_TRANSACTION_DEPTH = 32;

/** True when `value` nests arrays or objects deeper than `limit`; walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Reads which proposal and choice a submitted body votes for, before anything is looked up. */
export function readVoteCall(raw: unknown): ({ ok: true } & VoteCall) | Refusal {
  if (nestsDeeperThan(raw, MAX_TRANSACTION_DEPTH))
    return {
      ok: false,
      reason: `not a transaction: nested deeper than ${MAX_TRANSACTION_DEPTH} levels`,
    };
  const size = JSON.stringify(raw ?? null).length;
  if (size > MAX_TRANSACTION_BYTES) {
    return {
      ok: false,
      reason: `transaction is ${size} bytes; nodes accept at most ${MAX_TRANSACTION_BYTES}`,
    };
  }
  const parsed = transactionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `not a transaction: ${where}${issue?.message ?? 'invalid'}` };
  }
  const tx = parsed.data;
  if (tx.type !== 'execute') return { ok: false, reason: `not a vote: a ${tx.type} transaction` };
  const [call, ...more] = tx.execution.transitions;
  if (!call || more.length > 0)
    return { ok: false, reason: 'not a vote: a vote has exactly one transition' };
  if (call.program !== CREDITS_PROGRAM || call.function !== VOTE_FUNCTION) {
    return {
      ok: false,
      reason: `not a vote: calls ${call.program}/${call.function}, expected ${CREDITS_PROGRAM}/${VOTE_FUNCTION}`,
    };
  }
  const values = call.inputs.map((i) =>
    'value' in i && typeof i.value === 'string' ? i.value : '',
  );
  if (values.length !== 2)
    return { ok: false, reason: `not a vote: ${values.length} inputs, expected 2` };
  const id = parseFieldId(values[0] ?? '', { requireSuffix: true });
  if (id === null)
    return {
      ok: false,
      reason: `proposal id ${JSON.stringify(values[0])} is not a NNNfield value`,
    };
  const choice = /^([0-9]{1,3})u8$/.exec(values[1] ?? '');
  const n = Number(choice?.[1]);
  if (n !== 1 && n !== 2 && n !== 3) {
    return {
      ok: false,
      reason: `choice ${JSON.stringify(values[1])} is not 1u8 (Yes), 2u8 (No) or 3u8 (Abstain)`,
    };
  }
  return { ok: true, proposalId: id, choice: n };
}

export const proposalMissing = (id: string) => `proposal ${id}field does not exist on Alpha`;

export type VoteTarget = {
  proposalId: string;
  chain: string;
  networkId: number;
  votingEndsHeight: number;
};

export type CheckVoteParameters = {
  proposal: VoteTarget | undefined;
  /** The relay node's latest height: the vote lands at the next one at the earliest. */
  currentHeight: number;
  hrp: string;
  /** The governor set and committee as indexed, when known. */
  validators?: { governors: readonly string[]; committee: readonly string[] };
};

export type CheckedVote = VoteCall & {
  ok: true;
  voter: string;
  role: 'governor' | 'public' | 'unknown';
  transaction: ExecuteTransaction;
  expiresAtHeight: number;
};

/** Everything a node would check, plus what the chain would reject the vote for after taking its fee. */
export function checkVote(raw: unknown, p: CheckVoteParameters): CheckedVote | Refusal {
  const call = readVoteCall(raw);
  if (!call.ok) return call;
  const proposal = p.proposal;
  if (!proposal) return { ok: false, reason: proposalMissing(call.proposalId) };
  if (proposal.chain !== 'alpha') {
    return {
      ok: false,
      reason: `proposal ${call.proposalId}field is on ${proposal.chain}; votes go to Alpha`,
    };
  }
  const nextHeight = p.currentHeight + 1;
  const verified = verifyExecuteAuthorization(raw, {
    chain: 'alpha',
    networkId: proposal.networkId,
    hrp: p.hrp,
    currentHeight: nextHeight,
  });
  if (!verified.ok) return { ok: false, reason: verified.reason };
  if (nextHeight > proposal.votingEndsHeight) {
    return {
      ok: false,
      reason: `voting on proposal ${call.proposalId}field ended at height ${proposal.votingEndsHeight} (the chain is at ${p.currentHeight})`,
    };
  }
  const voter = verified.caller;
  let role: CheckedVote['role'] = 'unknown';
  if (p.validators) {
    if (p.validators.governors.includes(voter)) role = 'governor';
    else if (p.validators.committee.includes(voter)) role = 'public';
    else {
      return {
        ok: false,
        reason: `${voter} is neither a governor nor a committee member; the chain would reject this vote and keep its fee`,
      };
    }
  }
  return {
    ok: true,
    proposalId: call.proposalId,
    choice: call.choice,
    voter,
    role,
    transaction: verified.transaction,
    expiresAtHeight: verified.transaction.execution.authorization.expires_at_height,
  };
}
