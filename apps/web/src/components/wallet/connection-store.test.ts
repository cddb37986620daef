import { describe, expect, it } from 'vitest';
import type { VoteWallet, WalletEvent } from './adapters/vote-wallet';
import { connection, currentConnection } from './connection-store';

/** A wallet that records what it is asked and lets the test fire its events. */
function recordingWallet(name: string, connect: () => Promise<{ address: string }>) {
  const calls: string[] = [];
  const listeners = new Set<(e: WalletEvent) => void>();
  const wallet: VoteWallet = {
    id: name,
    name,
    icon: null,
    builtIn: false,
    chains: [],
    connect: async (network, programs) => {
      calls.push(`connect ${network} ${programs.join(',')}`);
      return connect();
    },
    disconnect: async () => {
      calls.push('disconnect');
    },
    executeTransaction: async () => ({ transactionId: 'x' }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const emit = (e: WalletEvent) => {
    for (const l of listeners) l(e);
  };
  return { wallet, calls, emit, listeners };
}

describe('connection store', () => {
  it('connects naming credits.alpha, follows network, account and disconnect events', async () => {
    const w = recordingWallet('A', async () => ({ address: 'ax1a' }));
    await connection.connect(w.wallet, 'canary');
    expect(w.calls).toEqual(['connect canary credits.alpha']);
    expect(currentConnection().connection).toEqual({
      status: 'connected',
      address: 'ax1a',
      network: 'canary',
    });
    w.emit({ type: 'networkChange', network: 'testnet' });
    expect(currentConnection().connection).toMatchObject({ network: 'testnet' });
    w.emit({ type: 'accountChange' });
    expect(currentConnection().connection).toEqual({
      status: 'disconnected',
      notice: 'A switched accounts: connect again to vote with the new one.',
    });
    expect(w.listeners.size).toBe(0);
    await connection.connect(w.wallet, 'canary');
    w.emit({ type: 'disconnect' });
    expect(currentConnection().connection).toEqual({
      status: 'disconnected',
      notice: 'A disconnected.',
    });
  });

  it("shows a wallet's refusal in its own words", async () => {
    const w = recordingWallet('B', async () => {
      throw new Error('User rejected the request');
    });
    await connection.connect(w.wallet, 'canary');
    expect(currentConnection()).toMatchObject({
      wallet: w.wallet,
      connection: { status: 'failed', message: 'B: User rejected the request' },
    });
  });

  it('tells only a connected wallet to disconnect when another is chosen', async () => {
    const a = recordingWallet('C', async () => ({ address: 'ax1c' }));
    const b = recordingWallet('D', async () => ({ address: 'ax1d' }));
    await connection.choose(a.wallet);
    await connection.choose(b.wallet);
    expect(a.calls).toEqual([]);
    await connection.connect(b.wallet, 'canary');
    await connection.choose(a.wallet);
    expect(b.calls).toEqual(['connect canary credits.alpha', 'disconnect']);
    expect(currentConnection()).toMatchObject({
      wallet: a.wallet,
      connection: { status: 'disconnected' },
    });
  });

  it('ignores a connect that a later one overtook', async () => {
    let finish: (v: { address: string }) => void = () => {};
    const slow = recordingWallet('E', () => new Promise((r) => (finish = r)));
    const fast = recordingWallet('F', async () => ({ address: 'ax1f' }));
    const first = connection.connect(slow.wallet, 'canary');
    await connection.connect(fast.wallet, 'canary');
    finish({ address: 'ax1e' });
    await first;
    expect(currentConnection()).toMatchObject({
      wallet: fast.wallet,
      connection: { status: 'connected', address: 'ax1f' },
    });
  });
});
