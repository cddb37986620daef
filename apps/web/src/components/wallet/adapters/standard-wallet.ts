import type { WalletDecryptPermission } from '@provablehq/aleo-wallet-standard';
import type { Wallets } from '@wallet-standard/app';
import {
  FEATURE,
  NO_DECRYPT,
  type StandardNetwork,
  safeIcon,
  type UnusableWallet,
  type VoteWallet,
} from './vote-wallet';

export type RegisteredWallet = ReturnType<Wallets['get']>[number];
export type Adapted =
  | { usable: true; wallet: VoteWallet }
  | { usable: false; wallet: UnusableWallet };

type Method = (...args: never[]) => unknown;
const hasMethod = (feature: unknown, name: string): boolean =>
  typeof feature === 'object' &&
  feature !== null &&
  typeof (feature as Record<string, unknown>)[name] === 'function';
// Aleo features carry `available`; a feature that says false is not offered right now.
const offered = (feature: unknown, method: string) =>
  hasMethod(feature, method) && (feature as { available?: unknown }).available !== false;
const call = (feature: unknown, name: string) =>
  ((feature as Record<string, Method>)[name] as Method).bind(feature) as (
    ...args: unknown[]
  ) => Promise<unknown>;

// The answers' schemas (zod) load with a wallet's first answer, not with the page.
const answers = () => import('./wallet-answers');

const adapted = new WeakMap<RegisteredWallet, Adapted>();

/** The wallet behind the vote panel's interface, or why it cannot vote (same object per wallet). */
export function adaptStandardWallet(w: RegisteredWallet): Adapted {
  const known = adapted.get(w);
  if (known) return known;
  const result = adapt(w);
  adapted.set(w, result);
  return result;
}

function adapt(w: RegisteredWallet): Adapted {
  const id = `standard:${w.name}`;
  const icon = safeIcon(w.icon);
  const features = w.features as Record<string, unknown>;
  const connect = features[FEATURE.connect];
  const execute = features[FEATURE.execute];
  const missing = [
    offered(connect, 'connect') ? null : FEATURE.connect,
    offered(execute, 'executeTransaction') ? null : FEATURE.execute,
  ].filter((m) => m !== null);
  if (missing.length > 0) {
    return {
      usable: false,
      wallet: { id, name: w.name, icon, reason: `does not offer ${missing.join(' or ')}` },
    };
  }
  const status = features[FEATURE.transactionStatus];
  const events = features[FEATURE.events];

  const wallet: VoteWallet = {
    id,
    name: w.name,
    icon,
    builtIn: false,
    chains: [...w.chains],
    async connect(network, programs) {
      const account = await call(connect, 'connect')(
        network as StandardNetwork,
        NO_DECRYPT as WalletDecryptPermission,
        programs,
      );
      return { address: (await answers()).answer('connect', account).address };
    },
    async disconnect() {
      if (hasMethod(connect, 'disconnect')) await call(connect, 'disconnect')();
    },
    async executeTransaction(options) {
      const sent = await call(execute, 'executeTransaction')(options);
      const { answer } = await answers();
      return { transactionId: answer('executeTransaction', sent).transactionId };
    },
    transactionStatus: offered(status, 'transactionStatus')
      ? async (transactionId) => {
          const value = await call(status, 'transactionStatus')(transactionId);
          return (await answers()).answer('status', value);
        }
      : undefined,
    subscribe(listener) {
      if (!hasMethod(events, 'on')) return () => {};
      const on = call(events, 'on') as unknown as (
        name: string,
        fn: (...args: unknown[]) => void,
      ) => unknown;
      const offs = [
        on('accountChange', () => listener({ type: 'accountChange' })),
        on('disconnect', () => listener({ type: 'disconnect' })),
        on('networkChange', (network) =>
          listener({ type: 'networkChange', network: String(network) }),
        ),
      ];
      return () => {
        for (const off of offs) if (typeof off === 'function') off();
      };
    },
  };
  return { usable: true, wallet };
}
