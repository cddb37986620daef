import { accountFromSeed, addressOf } from '@ratify/wallet';
import { describe, expect, it } from 'vitest';
import { chainNetworkLabel, chainsProblem, connectionProblem, type VoteTarget } from './wallet-fit';

const target: VoteTarget = { chain: 'alpha', network: 'canary', hrp: 'ax' };
const key = accountFromSeed('wallet-fit').publicKey;
const wallet = { name: 'Test Wallet' };

describe('chainsProblem', () => {
  it('accepts a wallet that serves the proposal chain-network, or names none', () => {
    expect(chainsProblem({ ...wallet, chains: ['alpha:testnet', 'alpha:canary'] }, target)).toBe(
      null,
    );
    expect(chainsProblem({ ...wallet, chains: [] }, target)).toBe(null);
  });
  it('refuses another network or upstream Aleo, saying what the wallet is on', () => {
    expect(chainsProblem({ ...wallet, chains: ['alpha:testnet'] }, target)).toBe(
      'Test Wallet is on Alpha testnet, but this proposal is voted on Alpha canary. Switch the wallet to Alpha canary or choose another wallet.',
    );
    expect(chainsProblem({ ...wallet, chains: ['aleo:mainnet', 'aleo:testnet'] }, target)).toBe(
      'Test Wallet is on Aleo mainnet, Aleo testnet, but this proposal is voted on Alpha canary. Switch the wallet to Alpha canary or choose another wallet.',
    );
  });
});

describe('connectionProblem', () => {
  const on = (hrp: string, network: string) => ({ address: addressOf(key, hrp), network });
  it('accepts an Alpha address on the proposal network', () => {
    expect(connectionProblem(wallet, on('ax', 'canary'), target)).toBe(null);
  });
  it.each([
    [
      on('ax', 'testnet'),
      'Test Wallet is on Alpha testnet, but this proposal is voted on Alpha canary. Switch the wallet to canary to vote.',
    ],
    [
      on('aleo', 'canary'),
      'Test Wallet gave an Aleo address; votes on Alpha canary come from ax1… addresses. Switch the wallet to Alpha canary.',
    ],
    [
      on('dx', 'canary'),
      'Test Wallet gave a Delta address; votes on Alpha canary come from ax1… addresses. Switch the wallet to Alpha canary.',
    ],
    [
      on('zz', 'canary'),
      'Test Wallet gave an address with prefix "zz"; votes on Alpha canary come from ax1… addresses. Switch the wallet to Alpha canary.',
    ],
  ])('refuses %j', (connected, message) => {
    expect(connectionProblem(wallet, connected, target)).toBe(message);
  });
  it('labels chain-networks', () => {
    expect(chainNetworkLabel('delta:mainnet')).toBe('Delta mainnet');
  });
});
