import { describe, expect, it } from 'vitest';
import { type Receipt, storedReceipts } from './stored-receipts';

const receipt: Receipt = {
  wallet: 'Devnet Test Wallet',
  transactionId: 'test-wallet-1',
  chainNetworkId: 'alpha-2-ab1x',
  proposalId: '42',
  voter: 'ax1voter',
  choice: 1,
  submittedAtHeight: 30,
  submittedAt: '2026-12-01T20:00:00.000Z',
};
// As the keystore-only dashboard stored them.
const legacy = {
  transactionId: 'at1old',
  transitionId: 'au1old',
  chainNetworkId: 'alpha-2-ab1x',
  proposalId: '42',
  voter: 'ax1voter',
  choice: 2,
  node: 'http://127.0.0.1:3030/canary',
  expiresAtHeight: 50,
  submittedAtHeight: 29,
  submittedAt: '2026-12-01T19:59:00.000Z',
};

describe('storedReceipts', () => {
  it('keeps this version, then the last version as the keystore’s', () => {
    expect(storedReceipts(JSON.stringify([receipt]), JSON.stringify([legacy]))).toEqual([
      receipt,
      {
        wallet: 'Browser keystore',
        transactionId: 'at1old',
        chainNetworkId: 'alpha-2-ab1x',
        proposalId: '42',
        voter: 'ax1voter',
        choice: 2,
        expiresAtHeight: 50,
        submittedAtHeight: 29,
        submittedAt: '2026-12-01T19:59:00.000Z',
      },
    ]);
  });
  it('survives nothing stored, damaged text and a receipt in both', () => {
    expect(storedReceipts(null, null)).toEqual([]);
    expect(storedReceipts('{not json', '[{"choice": 9}]')).toEqual([]);
    const same = { ...legacy, transactionId: receipt.transactionId };
    expect(storedReceipts(JSON.stringify([receipt]), JSON.stringify([same]))).toEqual([receipt]);
  });
});
