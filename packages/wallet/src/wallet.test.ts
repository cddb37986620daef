import { describe, expect, it } from 'vitest';
import { accountFromSecretKey, accountFromSeed, randomAccount } from './account';
import { addressOf } from './address';
import { authorizationMessage } from './authorization';
import {
  buildExecuteTransaction,
  type ExecuteTransaction,
  transactionId,
} from './execute-transaction';
import { futureArguments, printFuture } from './future';
import { decryptSecretKey, encryptSecretKey } from './keystore';
import { type VerifyContext, verifyExecuteAuthorization } from './verify-transaction';

const voter = accountFromSeed('voter');
const ctx: VerifyContext = { chain: 'alpha', networkId: 2, hrp: 'ax', currentHeight: 10 };
const vote = (over: Partial<Parameters<typeof buildExecuteTransaction>[0]> = {}) =>
  buildExecuteTransaction({
    secretKey: voter.secretKey,
    chain: 'alpha',
    hrp: 'ax',
    networkId: 2,
    program: 'credits.alpha',
    function: 'vote_network_upgrade',
    inputs: ['123field', '1u8'],
    expiresAtHeight: 20,
    nonce: '01',
    ...over,
  });
const clone = (tx: ExecuteTransaction): ExecuteTransaction => structuredClone(tx);

describe('accounts', () => {
  it('derives the same key from the same seed', () => {
    expect(accountFromSeed('voter').publicKeyHex).toBe(voter.publicKeyHex);
    expect(accountFromSeed('other').publicKeyHex).not.toBe(voter.publicKeyHex);
    expect(accountFromSecretKey(voter.secretKey).publicKeyHex).toBe(voter.publicKeyHex);
    expect(randomAccount().secretKey).toHaveLength(32);
  });
  it('encodes addresses with the chain HRP', () => {
    expect(addressOf(voter.publicKey, 'ax')).toMatch(/^ax1[02-9ac-hj-np-z]{58}$/);
    expect(addressOf(voter.publicKey, 'dx')).toMatch(/^dx1/);
  });
});

describe('authorization message', () => {
  it('is line-oriented and domain separated', () => {
    expect(
      authorizationMessage({
        chain: 'delta',
        networkId: 1,
        program: 'credits.alpha',
        function: 'vote_network_upgrade',
        inputs: ['5field', '2u8'],
        expiresAtHeight: 99,
      }),
    ).toMatchInlineSnapshot(`
      "ratify-devnet-authorization-v1
      chain: delta
      network: 1
      program: credits.alpha
      function: vote_network_upgrade
      input[0]: "5field"
      input[1]: "2u8"
      expires: 99"
    `);
  });
});

describe('futures', () => {
  it('prints and reads back arguments, structs included', () => {
    const struct = '{\n  a: 1u8,\n  b: {\n    c: true\n  }\n}';
    const printed = printFuture('credits.alpha', 'f', ['ax1x', struct, '2u8']);
    expect(printed).toContain('arguments: [\n    ax1x,\n    {\n      a: 1u8,');
    expect(futureArguments(printed)?.args).toEqual(['ax1x', struct, '2u8']);
  });
});

describe('execute transactions', () => {
  it('has the upstream shape and verifies', () => {
    const tx = vote();
    expect(tx.id).toMatch(/^at1/);
    const [tr] = tx.execution.transitions;
    expect(tr?.id).toMatch(/^au1/);
    expect(tr?.inputs.map((i) => i.value)).toEqual(['123field', '1u8']);
    expect(tr?.outputs[0]?.value).toBe(
      printFuture('credits.alpha', 'vote_network_upgrade', [
        addressOf(voter.publicKey, 'ax'),
        '123field',
        '1u8',
      ]),
    );
    expect(tx.fee.transition.function).toBe('fee_public');
    expect(tx.execution.global_state_root).toMatch(/^sr1/);
    const result = verifyExecuteAuthorization(tx, ctx);
    expect(result).toMatchObject({ ok: true, caller: addressOf(voter.publicKey, 'ax') });
  });

  const reason = (tx: unknown, c: Partial<VerifyContext> = {}) => {
    const r = verifyExecuteAuthorization(tx, { ...ctx, ...c });
    return r.ok ? 'ok' : r.reason;
  };

  it('refuses the wrong chain, network, expired', () => {
    expect(reason(vote(), { chain: 'delta' })).toMatch(/^wrong chain/);
    expect(reason(vote(), { networkId: 1 })).toMatch(/^wrong network/);
    expect(reason(vote(), { currentHeight: 21 })).toMatch(/^expired/);
    expect(reason(vote(), { currentHeight: 20 })).toBe('ok');
  });

  it('refuses tampered inputs and ids', () => {
    const tampered = clone(vote());
    const input = tampered.execution.transitions[0]?.inputs[1];
    if (input) input.value = '2u8';
    expect(reason(tampered)).toMatch(/id does not match/);
    const badId = clone(vote());
    badId.id = vote({ nonce: '02' }).id;
    expect(reason(badId)).toBe('transaction id does not match its content');
  });

  it('refuses a signature by someone other than the caller', () => {
    const other = accountFromSeed('other');
    const tx = clone(vote());
    tx.execution.authorization.signer = other.publicKeyHex;
    const recomputed = { ...tx, id: transactionId(tx) };
    expect(reason(recomputed)).toMatch(/^signer ax1.* is not the caller/);
  });

  it('refuses a forged signature and a re-signed different input', () => {
    const tx = clone(vote());
    tx.execution.authorization.signature = vote({
      inputs: ['123field', '2u8'],
    }).execution.authorization.signature;
    expect(reason({ ...tx, id: transactionId(tx) })).toBe('invalid signature');
  });

  it('refuses malformed bodies', () => {
    expect(reason({ type: 'execute' })).toMatch(/^malformed transaction/);
  });
});

describe('keystore', () => {
  it('round-trips and refuses a wrong password', async () => {
    const blob = await encryptSecretKey(voter.secretKey, 'pw', { n: 1024 });
    expect(await decryptSecretKey(JSON.parse(JSON.stringify(blob)), 'pw')).toEqual(voter.secretKey);
    await expect(decryptSecretKey(blob, 'nope')).rejects.toThrow(
      'wrong password or corrupted keystore',
    );
  });
});
