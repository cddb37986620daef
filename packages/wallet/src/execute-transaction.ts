import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { encodeBech32Id } from '@ratify/aleo';
import { accountFromSecretKey } from './account';
import { addressOf } from './address';
import { authorizationMessage, type ChainName, signAuthorization } from './authorization';
import { DEFAULT_FEE } from './constants';
import { printFuture } from './future';
import { canonicalJson, fieldToBytesLE, hashToField } from './hash';

export type TransitionInput = { type: 'public'; id: string; value: string };
export type TransitionOutput = { type: 'future'; id: string; value: string };
export type Transition = {
  id: string;
  program: string;
  function: string;
  inputs: TransitionInput[];
  outputs: TransitionOutput[];
  tpk: string;
  tcm: string;
  scm: string;
};
export type Authorization = {
  signer: string;
  signature: string;
  chain: ChainName;
  network_id: number;
  expires_at_height: number;
  nonce: string;
};
export type ExecuteTransaction = {
  type: 'execute';
  id: string;
  execution: { transitions: Transition[]; global_state_root: string; authorization: Authorization };
  fee: { transition: Transition; global_state_root: string; authorization: Authorization };
};

export type BuildExecuteTransactionParameters = {
  secretKey: Uint8Array;
  chain: ChainName;
  hrp: string;
  networkId: number;
  program: string;
  function: string;
  inputs: readonly string[];
  expiresAtHeight: number;
  /** Public fee in microcredits. */
  fee?: bigint;
  /** Fixed for reproducible transactions; random otherwise. */
  nonce?: string;
  globalStateRoot?: string;
};

const field = (domain: string, ...parts: string[]) => `${hashToField(domain, ...parts)}field`;

/** Builds and signs an execute transaction in the devnet's authorization scheme (spec section 8). */
export function buildExecuteTransaction(p: BuildExecuteTransactionParameters): ExecuteTransaction {
  const account = accountFromSecretKey(p.secretKey);
  const caller = addressOf(account.publicKey, p.hrp);
  const nonce = p.nonce ?? bytesToHex(randomBytes(8));
  const root =
    p.globalStateRoot ??
    encodeBech32Id('sr', fieldToBytesLE(hashToField('state-root', p.chain, String(p.networkId))));
  const authorize = (program: string, fn: string, inputs: readonly string[]): Authorization => {
    const message = authorizationMessage({
      chain: p.chain,
      networkId: p.networkId,
      program,
      function: fn,
      inputs,
      expiresAtHeight: p.expiresAtHeight,
      nonce,
    });
    return {
      signer: account.publicKeyHex,
      signature: signAuthorization(account.secretKey, message),
      chain: p.chain,
      network_id: p.networkId,
      expires_at_height: p.expiresAtHeight,
      nonce,
    };
  };

  const main = makeTransition(p.program, p.function, [...p.inputs], caller, nonce);
  const executionBody = { transitions: [main], global_state_root: root };
  const executionId = field('execution-id', canonicalJson(executionBody));
  const feeAmount = `${p.fee ?? DEFAULT_FEE}u64`;
  const feeInputs = [feeAmount, '0u64', executionId];
  const feeTransition = makeTransition(p.program, 'fee_public', feeInputs, caller, nonce, [
    caller,
    feeAmount,
  ]);
  const tx: Omit<ExecuteTransaction, 'id'> = {
    type: 'execute',
    execution: { ...executionBody, authorization: authorize(p.program, p.function, p.inputs) },
    fee: {
      transition: feeTransition,
      global_state_root: root,
      authorization: authorize(p.program, 'fee_public', feeInputs),
    },
  };
  return { type: 'execute', id: transactionId(tx), execution: tx.execution, fee: tx.fee };
}

function makeTransition(
  program: string,
  fn: string,
  inputs: string[],
  caller: string,
  nonce: string,
  futureArgs: string[] = [caller, ...inputs],
): Transition {
  const salt = [program, fn, caller, nonce, ...inputs];
  const body = {
    program,
    function: fn,
    inputs: inputs.map(
      (value, i): TransitionInput => ({
        type: 'public',
        id: field('input-id', String(i), ...salt),
        value,
      }),
    ),
    outputs: [
      {
        type: 'future',
        id: field('output-id', ...salt),
        value: printFuture(program, fn, futureArgs),
      } as TransitionOutput,
    ],
    tpk: `${hashToField('tpk', ...salt)}group`,
    tcm: field('tcm', ...salt),
    scm: field('scm', ...salt),
  };
  return { id: transitionId(body), ...body };
}

/** `au1…` of a transition: a hash of everything in it but its id. */
export function transitionId(transition: Omit<Transition, 'id'> | Transition): string {
  const { id: _ignored, ...body } = transition as Transition;
  return encodeBech32Id('au', fieldToBytesLE(hashToField('transition-id', canonicalJson(body))));
}

/** `at1…` of a transaction: a hash of its canonical content without the id itself. */
export function transactionId(tx: Omit<ExecuteTransaction, 'id'> | ExecuteTransaction): string {
  const { id: _ignored, ...body } = tx as ExecuteTransaction;
  return encodeBech32Id('at', fieldToBytesLE(hashToField('transaction-id', canonicalJson(body))));
}
