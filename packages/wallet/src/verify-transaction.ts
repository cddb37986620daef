import { z } from 'zod';
import { addressOf } from './address';
import {
  authorizationMessage,
  type ChainName,
  verifyAuthorizationSignature,
} from './authorization';
import {
  type Authorization,
  type ExecuteTransaction,
  type Transition,
  transactionId,
  transitionId,
} from './execute-transaction';
import { futureArguments } from './future';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const authorizationSchema = z.object({
  signer: hex(32),
  signature: hex(64),
  chain: z.enum(['alpha', 'delta']),
  network_id: z.number().int().nonnegative(),
  expires_at_height: z.number().int().nonnegative(),
  nonce: z.string().min(1).max(64),
});
const transitionSchema = z.object({
  id: z.string(),
  program: z.string(),
  function: z.string(),
  inputs: z.array(z.object({ type: z.literal('public'), id: z.string(), value: z.string() })),
  outputs: z
    .array(z.object({ type: z.literal('future'), id: z.string(), value: z.string() }))
    .length(1),
  tpk: z.string(),
  tcm: z.string(),
  scm: z.string(),
});
/** The devnet's signed execute transaction, as a node receives it. */
export const signedExecuteSchema = z.object({
  type: z.literal('execute'),
  id: z.string().startsWith('at1'),
  execution: z.object({
    transitions: z.array(transitionSchema).length(1),
    global_state_root: z.string().startsWith('sr1'),
    authorization: authorizationSchema,
  }),
  fee: z.object({
    transition: transitionSchema,
    global_state_root: z.string().startsWith('sr1'),
    authorization: authorizationSchema,
  }),
});

export type VerifyContext = {
  chain: ChainName;
  networkId: number;
  hrp: string;
  currentHeight: number;
};
export type VerifyResult =
  | { ok: true; caller: string; transaction: ExecuteTransaction; signature: string }
  | { ok: false; reason: string };

/** Checks a devnet execute transaction's authorization exactly as a node does before accepting it. */
export function verifyExecuteAuthorization(tx: unknown, ctx: VerifyContext): VerifyResult {
  const parsed = signedExecuteSchema.safeParse(tx);
  if (!parsed.success)
    return {
      ok: false,
      reason: `malformed transaction: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    };
  const t = parsed.data as ExecuteTransaction;
  if (transactionId(t) !== t.id)
    return { ok: false, reason: 'transaction id does not match its content' };
  const main = t.execution.transitions[0] as Transition;
  for (const tr of [main, t.fee.transition]) {
    if (transitionId(tr) !== tr.id)
      return { ok: false, reason: `transition id ${tr.id} does not match its content` };
  }
  if (t.fee.transition.function !== 'fee_public')
    return { ok: false, reason: 'fee must be a fee_public transition' };

  const caller = checkTransition(main, t.execution.authorization, ctx);
  if (!caller.ok) return caller;
  const feeCaller = checkTransition(t.fee.transition, t.fee.authorization, ctx, false);
  if (!feeCaller.ok) return { ok: false, reason: `fee: ${feeCaller.reason}` };
  if (feeCaller.caller !== caller.caller)
    return { ok: false, reason: 'fee payer differs from the caller' };
  return {
    ok: true,
    caller: caller.caller,
    transaction: t,
    signature: t.execution.authorization.signature,
  };
}

function checkTransition(
  tr: Transition,
  auth: Authorization,
  ctx: VerifyContext,
  futureRepeatsInputs = true,
): { ok: true; caller: string } | { ok: false; reason: string } {
  if (auth.chain !== ctx.chain)
    return { ok: false, reason: `wrong chain: signed for ${auth.chain}, this is ${ctx.chain}` };
  if (auth.network_id !== ctx.networkId) {
    return {
      ok: false,
      reason: `wrong network: signed for network ${auth.network_id}, this is ${ctx.networkId}`,
    };
  }
  if (ctx.currentHeight > auth.expires_at_height) {
    return {
      ok: false,
      reason: `expired at height ${auth.expires_at_height} (current height ${ctx.currentHeight})`,
    };
  }
  const signer = addressOf(auth.signer, ctx.hrp);
  const future = futureArguments(tr.outputs[0]?.value ?? '');
  if (!future || future.program !== tr.program || future.function !== tr.function) {
    return { ok: false, reason: 'future output does not name this transition' };
  }
  const [caller, ...rest] = future.args;
  if (caller !== signer)
    return { ok: false, reason: `signer ${signer} is not the caller ${caller ?? '(none)'}` };
  const inputs = tr.inputs.map((i) => i.value);
  if (
    futureRepeatsInputs &&
    (rest.length !== inputs.length || rest.some((a, i) => a !== inputs[i]))
  ) {
    return { ok: false, reason: 'future arguments do not match the inputs' };
  }
  const message = authorizationMessage({
    chain: ctx.chain,
    networkId: ctx.networkId,
    program: tr.program,
    function: tr.function,
    inputs,
    expiresAtHeight: auth.expires_at_height,
    nonce: auth.nonce,
  });
  if (!verifyAuthorizationSignature(auth.signer, message, auth.signature)) {
    return { ok: false, reason: 'invalid signature' };
  }
  return { ok: true, caller: signer };
}
