import { getWallets } from '@wallet-standard/app';
import { describe, expect, it } from 'vitest';
import { adaptStandardWallet, type RegisteredWallet } from './standard-wallet';

const ICON = 'data:image/svg+xml;base64,PHN2Zy8+';

/** A wallet object as an extension would register it, recording what it was asked. */
function makeWallet(name: string, features: Record<string, unknown>, icon: string = ICON) {
  return {
    version: '1.0.0',
    name,
    icon,
    chains: ['alpha:canary'],
    accounts: [],
    features,
  } as unknown as RegisteredWallet;
}

function registered(wallet: RegisteredWallet) {
  // Through the real registry, as the page discovers wallets.
  getWallets().register(wallet);
  const found = getWallets()
    .get()
    .find((w) => w === wallet);
  if (!found) throw new Error('not registered');
  return adaptStandardWallet(found);
}

describe('adaptStandardWallet', () => {
  it('connects with the network, no decryption and the vote program, then executes', async () => {
    const calls: unknown[][] = [];
    const listeners = new Map<string, (...a: unknown[]) => void>();
    const a = registered(
      makeWallet('Good Wallet', {
        'standard:connect': {
          name: 'standard:connect',
          available: true,
          connect: async (...args: unknown[]) => {
            calls.push(['connect', ...args]);
            return { address: 'ax1abc' };
          },
          disconnect: async () => {
            calls.push(['disconnect']);
          },
        },
        'aleo:execute': {
          available: true,
          executeTransaction: async (o: unknown) => {
            calls.push(['execute', o]);
            return { transactionId: 'temp-1' };
          },
        },
        'aleo:transaction-status': {
          available: true,
          transactionStatus: async () => ({ status: 'accepted', transactionId: 'at1xyz' }),
        },
        'standard:events': {
          on: (event: string, fn: (...a: unknown[]) => void) => {
            listeners.set(event, fn);
            return () => listeners.delete(event);
          },
        },
      }),
    );
    if (!a.usable) throw new Error(a.wallet.reason);
    const w = a.wallet;
    expect(w).toMatchObject({ name: 'Good Wallet', icon: ICON, builtIn: false });
    expect(adaptStandardWallet(getWallets().get().at(-1) as RegisteredWallet)).toBe(a);
    expect(await w.connect('canary', ['credits.alpha'])).toEqual({ address: 'ax1abc' });
    const options = { program: 'credits.alpha', function: 'f', inputs: ['1field'], fee: 1 };
    expect(await w.executeTransaction(options)).toEqual({ transactionId: 'temp-1' });
    expect(await w.transactionStatus?.('temp-1')).toEqual({
      status: 'accepted',
      transactionId: 'at1xyz',
    });
    await w.disconnect();
    expect(calls).toEqual([
      ['connect', 'canary', 'NO_DECRYPT', ['credits.alpha']],
      ['execute', options],
      ['disconnect'],
    ]);

    const seen: unknown[] = [];
    const off = w.subscribe((e) => seen.push(e));
    listeners.get('networkChange')?.('testnet');
    listeners.get('accountChange')?.();
    listeners.get('disconnect')?.();
    off();
    expect(listeners.size).toBe(0);
    expect(seen).toEqual([
      { type: 'networkChange', network: 'testnet' },
      { type: 'accountChange' },
      { type: 'disconnect' },
    ]);
  });

  it('refuses what a wallet answers in another shape', async () => {
    const a = registered(
      makeWallet('Odd Wallet', {
        'standard:connect': { connect: async () => ({ addr: 'x' }) },
        'aleo:execute': { executeTransaction: async () => 'at1' },
      }),
    );
    if (!a.usable) throw new Error(a.wallet.reason);
    await expect(a.wallet.connect('canary', [])).rejects.toThrow(
      'the wallet answered connect in an unexpected shape',
    );
    expect(a.wallet.transactionStatus).toBeUndefined();
    expect(a.wallet.subscribe(() => {})).toBeTypeOf('function');
  });

  it.each([
    ['no execute', { 'standard:connect': { connect: () => {} } }, 'does not offer aleo:execute'],
    [
      'execute not available',
      {
        'standard:connect': { connect: () => {} },
        'aleo:execute': { available: false, executeTransaction: () => {} },
      },
      'does not offer aleo:execute',
    ],
    ['neither', {}, 'does not offer standard:connect or aleo:execute'],
  ])('lists a wallet with %s as unusable', (name, features, reason) => {
    const a = registered(makeWallet(`Wallet with ${name}`, features, 'https://example.com/i.png'));
    expect(a).toMatchObject({ usable: false, wallet: { reason, icon: null } });
  });
});
