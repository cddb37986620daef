import type { Plaintext } from '@ratify/aleo';
import type { AppRouter } from '@ratify/api';
import { addressOf } from '@ratify/wallet';
import type { TRPCClient } from '@trpc/client';
import { currentWalletState, onWalletChange } from '../wallet-store';
import type { VoteWallet } from './vote-wallet';

export const KEYSTORE_ID = 'keystore';
// A key on slate, inline like a standard wallet's icon.
const KEYSTORE_ICON =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxNiAxNiI+PHJlY3Qgd2lkdGg9IjE2IiBoZWlnaHQ9IjE2IiByeD0iMyIgZmlsbD0iIzMzNDE1NSIvPjxjaXJjbGUgY3g9IjYiIGN5PSI4IiByPSIyLjUiIHN0cm9rZT0iI2ZmZiIgc3Ryb2tlLXdpZHRoPSIxLjUiIGZpbGw9Im5vbmUiLz48cGF0aCBkPSJNOC41IDhIMTNNMTEuNSA4djIiIHN0cm9rZT0iI2ZmZiIgc3Ryb2tlLXdpZHRoPSIxLjUiLz48L3N2Zz4=';

/** The vote's proposal id, `NNNfield`, which the relay's signing context is looked up by. */
function proposalOf(
  inputs: readonly string[],
  parsePlaintext: (text: string) => Plaintext,
): string {
  let value: Plaintext | null = null;
  try {
    value = parsePlaintext(inputs[0] ?? '');
  } catch {}
  if (value?.kind !== 'field')
    throw new Error(`the keystore signs votes only: ${inputs[0]} is not a proposal id`);
  return value.value.toString();
}

/**
 * The in-browser encrypted keystore behind the same interface as a standard wallet. It signs
 * in the devnet's authorization scheme and hands the vote to this dashboard's relay, which
 * checks it and broadcasts it to an Alpha node (a standard wallet broadcasts by itself).
 */
export function createKeystoreWallet(client: TRPCClient<AppRouter>): VoteWallet {
  let connected: { publicKeyHex: string; network: string } | null = null;
  return {
    id: KEYSTORE_ID,
    name: 'Browser keystore',
    icon: KEYSTORE_ICON,
    builtIn: true,
    chains: [],
    async connect(network) {
      const state = currentWalletState();
      if (state.status !== 'unlocked') {
        throw new Error(
          state.status === 'locked'
            ? 'Unlock the wallet to sign.'
            : 'Import or create an account first.',
        );
      }
      const { hrp } = await client.votes.config.query();
      connected = { publicKeyHex: state.publicKeyHex, network };
      return { address: addressOf(state.publicKeyHex, hrp) };
    },
    async disconnect() {
      connected = null;
    },
    async executeTransaction(options) {
      const state = currentWalletState();
      if (!connected || state.status !== 'unlocked')
        throw new Error('The keystore is locked: unlock it to sign.');
      const { buildExecuteTransaction, parsePlaintext } = await import('../keystore-crypto');
      const context = await client.votes.signingContext.query({
        proposalId: proposalOf(options.inputs, parsePlaintext),
      });
      const transaction = buildExecuteTransaction({
        secretKey: state.secretKey,
        chain: context.chain,
        hrp: context.hrp,
        networkId: context.networkId,
        program: options.program,
        function: options.function,
        inputs: options.inputs,
        expiresAtHeight: context.expiresAtHeight,
        fee: options.fee === undefined ? undefined : BigInt(options.fee),
      });
      const sent = await client.votes.submit.mutate({ transaction });
      return { transactionId: sent.transactionId, expiresAtHeight: sent.expiresAtHeight };
    },
    subscribe(listener) {
      // Lock, forget, or another tab's import are this wallet's disconnect and account change.
      return onWalletChange(() => {
        if (!connected) return;
        const state = currentWalletState();
        if (state.status !== 'unlocked') listener({ type: 'disconnect' });
        else if (state.publicKeyHex !== connected.publicKeyHex) listener({ type: 'accountChange' });
      });
    },
  };
}
