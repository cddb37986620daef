import { describe, expect, it } from 'vitest';
import { indexedPayload, parseIndexedPayload } from './notify';

const batch = (votes: string[], extra: { validatorSet?: unknown } = {}) => ({
  chainNetworkId: 'alpha:0:ab1xyz',
  checkpoint: { height: 42 },
  proposals: [{ proposalId: '7' }],
  votes: votes.map((proposalId) => ({ proposalId })),
  onchainCounters: [{ proposalId: '9' }],
  ...extra,
});

describe('indexed notification payload', () => {
  it('names the chain-network, the height and each touched proposal once', () => {
    const text = indexedPayload(batch(['8', '7', '8']));
    expect(JSON.parse(text)).toEqual({ c: 'alpha:0:ab1xyz', h: 42, p: ['7', '8', '9'] });
    expect(parseIndexedPayload(text)).toEqual({ c: 'alpha:0:ab1xyz', h: 42, p: ['7', '8', '9'] });
  });

  it('says many when the list would not fit in a NOTIFY, or the validator set changed', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `${10n ** 70n + BigInt(i)}`);
    const long = indexedPayload(batch(ids));
    expect(Buffer.byteLength(long)).toBeLessThan(8000);
    expect(parseIndexedPayload(long)?.p).toBe('many');
    expect(parseIndexedPayload(indexedPayload(batch([], { validatorSet: {} })))?.p).toBe('many');
  });

  it('reads the older chain:height form as touching everything, and refuses garbage', () => {
    expect(parseIndexedPayload('alpha:0:ab1xyz:17')).toEqual({
      c: 'alpha:0:ab1xyz',
      h: 17,
      p: 'many',
    });
    expect(parseIndexedPayload('{"c":1}')).toBeUndefined();
    expect(parseIndexedPayload('{oops')).toBeUndefined();
    expect(parseIndexedPayload('nothing')).toBeUndefined();
  });
});
