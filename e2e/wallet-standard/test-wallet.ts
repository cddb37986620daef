import type { Page } from '@playwright/test';
import { CREDITS_PROGRAM, networkNameOf } from '@ratify/aleo';
import { accountFromSecretKey, addressOf, buildExecuteTransaction } from '@ratify/wallet';

/** What the page sees of one injected wallet. */
export type TestWalletConfig = {
  name: string;
  icon: string;
  chains: string[];
  /** Without it the wallet offers `standard:connect` only and cannot vote. */
  execute: boolean;
  /** The account it holds, when not the backend's default key. */
  secretKeyHex?: string;
};

export type TestWalletCall = { wallet: string; method: string; args: unknown[] };

type Backend = {
  secretKeyHex: string;
  /** The Alpha node's REST base with its network segment, e.g. `http://127.0.0.1:3430/canary`. */
  node: string;
  networkId: number;
  hrp: string;
  validityBlocks: number;
};

const BINDING = '__ratifyTestWallet';

/**
 * The wallet's page half, run before the app's scripts: it registers each wallet through the
 * wallet-standard window events and forwards every call to the binding, the wallet's "extension"
 * half in the test process, which holds the key. Self-contained: Playwright sends its source.
 */
function registerWallets(configs: TestWalletConfig[]) {
  type Listener = (arg?: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  // Read at each call: the binding is the test process's, installed next to this script.
  const call = (name: string, method: string, args: unknown[]) =>
    (w.__ratifyTestWallet as (n: string, m: string, a: unknown[]) => Promise<unknown>)(
      name,
      method,
      args,
    );
  const emitters: Record<string, (event: string, arg?: unknown) => void> = {};
  w.__ratifyTestWalletEmit = emitters;
  for (const c of configs) {
    const listeners: Record<string, Set<Listener>> = {
      accountChange: new Set(),
      disconnect: new Set(),
      networkChange: new Set(),
    };
    emitters[c.name] = (event, arg) => {
      for (const fn of listeners[event] ?? []) fn(arg);
    };
    const features: Record<string, unknown> = {
      'standard:connect': {
        name: 'standard:connect',
        available: true,
        connect: (...args: unknown[]) => call(c.name, 'connect', args),
        disconnect: () => call(c.name, 'disconnect', []),
      },
      'standard:events': {
        version: '1.0.0',
        on: (event: string, fn: Listener) => {
          listeners[event]?.add(fn);
          return () => listeners[event]?.delete(fn);
        },
      },
    };
    if (c.execute) {
      features['aleo:execute'] = {
        name: 'aleo:execute',
        available: true,
        executeTransaction: (options: unknown) => call(c.name, 'executeTransaction', [options]),
      };
      features['aleo:transaction-status'] = {
        name: 'aleo:transaction-status',
        available: true,
        transactionStatus: (id: string) => call(c.name, 'transactionStatus', [id]),
      };
    }
    const wallet = Object.freeze({
      version: '1.0.0',
      name: c.name,
      icon: c.icon,
      chains: Object.freeze([...c.chains]),
      accounts: Object.freeze([]),
      features: Object.freeze(features),
    });
    const register = (api: { register: (wallet: unknown) => unknown }) => api.register(wallet);
    // Both halves of the protocol: answer the app when it says it is ready, and announce now
    // in case it already listens.
    window.addEventListener('wallet-standard:app-ready', (e) =>
      register((e as CustomEvent).detail),
    );
    window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: register }));
  }
}

/**
 * Injects wallets into every page of `page`'s context. Each signs with the devnet key in the
 * devnet's authorization scheme and broadcasts to the node itself, as a real wallet does; it
 * answers an id of its own and tells the on-chain id through `transactionStatus`.
 */
export async function injectTestWallets(
  page: Page,
  configs: TestWalletConfig[],
  backend: Backend,
): Promise<{ calls: TestWalletCall[]; address: string }> {
  const keyOf = (wallet: string) =>
    accountFromSecretKey(
      configs.find((c) => c.name === wallet)?.secretKeyHex ?? backend.secretKeyHex,
    );
  const address = addressOf(keyOf('').publicKey, backend.hrp);
  const calls: TestWalletCall[] = [];
  const sent = new Map<string, string>();
  const node = (path: string, init?: RequestInit) => fetch(`${backend.node}${path}`, init);

  const methods: Record<string, (wallet: string, ...args: unknown[]) => Promise<unknown>> = {
    async connect(wallet, network) {
      const mine = networkNameOf(backend.networkId);
      if (network !== mine) throw new Error(`this wallet is on ${mine}, not ${String(network)}`);
      return { address: addressOf(keyOf(wallet).publicKey, backend.hrp) };
    },
    async disconnect() {},
    async executeTransaction(wallet, options) {
      const o = options as { program: string; function: string; inputs: string[]; fee?: number };
      if (o.program !== CREDITS_PROGRAM) throw new Error(`this wallet does not call ${o.program}`);
      const height = Number(await (await node('/block/height/latest')).json());
      const tx = buildExecuteTransaction({
        secretKey: keyOf(wallet).secretKey,
        chain: 'alpha',
        hrp: backend.hrp,
        networkId: backend.networkId,
        program: o.program,
        function: o.function,
        inputs: o.inputs,
        expiresAtHeight: height + backend.validityBlocks,
        fee: o.fee === undefined ? undefined : BigInt(o.fee),
      });
      const res = await node('/transaction/broadcast', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(tx),
      });
      if (!res.ok) throw new Error(`the node refused the transaction: ${await res.text()}`);
      const temporary = `test-wallet-${sent.size + 1}`;
      sent.set(temporary, String(await res.json()));
      return { transactionId: temporary };
    },
    async transactionStatus(_wallet, id) {
      const onChain = sent.get(String(id));
      if (!onChain) return { status: 'failed', error: `unknown transaction ${id}` };
      const res = await node(`/transaction/confirmed/${onChain}`);
      if (!res.ok) return { status: 'pending' };
      const confirmed = (await res.json()) as { status: string };
      return { status: confirmed.status, transactionId: onChain };
    },
  };

  await page.exposeFunction(BINDING, async (wallet: string, method: string, args: unknown[]) => {
    calls.push({ wallet, method, args });
    const handler = methods[method];
    if (!handler) throw new Error(`${wallet} has no ${method}`);
    return handler(wallet, ...args);
  });
  await page.addInitScript(registerWallets, configs);
  return { calls, address };
}

/** Fires one of the wallet's Aleo standard events, as if the user acted in the wallet. */
export async function emitWalletEvent(page: Page, wallet: string, event: string, arg?: unknown) {
  await page.evaluate(
    ([name, type, value]) => {
      const emit = (
        window as unknown as Record<string, Record<string, (e: string, a?: unknown) => void>>
      ).__ratifyTestWalletEmit;
      emit?.[name as string]?.(type as string, value);
    },
    [wallet, event, arg] as const,
  );
}
