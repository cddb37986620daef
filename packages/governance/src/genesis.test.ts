import { describe, expect, it } from 'vitest';
import { gov, governors } from './_test/fixtures';
import type { GenesisReport } from './genesis';
import { genesisAgreement } from './genesis';

const reports = (hashes: (string | null)[]): GenesisReport[] =>
  hashes.map((hash, i) => ({ governor: gov(i), hash }));

describe('genesisAgreement: at least 67% of governors report the same hash', () => {
  it.each([
    { name: '3 of 3', G: 3, hashes: ['ab1a', 'ab1a', 'ab1a'], agreed: true },
    {
      name: '2 of 3 (66.66…%) is not enough',
      G: 3,
      hashes: ['ab1a', 'ab1a', 'ab1b'],
      agreed: false,
    },
    { name: '2 of 3 with one silent', G: 3, hashes: ['ab1a', 'ab1a', null], agreed: false },
    {
      name: '67 of 100',
      G: 100,
      hashes: [...Array(67).fill('ab1a'), ...Array(33).fill('ab1b')],
      agreed: true,
    },
    {
      name: '66 of 100',
      G: 100,
      hashes: [...Array(66).fill('ab1a'), ...Array(34).fill('ab1b')],
      agreed: false,
    },
    {
      name: '67 of 100 with the rest silent',
      G: 100,
      hashes: Array(67).fill('ab1a'),
      agreed: true,
    },
    { name: 'no governors', G: 0, hashes: [], agreed: false },
    { name: 'nobody answers', G: 3, hashes: [null, null, null], agreed: false },
  ])('$name -> $agreed', ({ G, hashes, agreed }) => {
    expect(genesisAgreement(governors(G), reports(hashes)).agreed).toBe(agreed);
  });

  it('names the hash, the dissenters and the silent', () => {
    expect(genesisAgreement(governors(4), reports(['ab1a', 'ab1a', 'ab1a', 'ab1b']))).toEqual({
      agreed: true,
      hash: 'ab1a',
      count: 3,
      governors: 4,
      required: 3,
      dissenting: [gov(3)],
      silent: [],
    });
    expect(genesisAgreement(governors(3), reports(['ab1a', null, 'ab1b']))).toEqual({
      agreed: false,
      best: { hash: 'ab1a', count: 1 },
      governors: 3,
      required: 3,
      silent: [gov(1)],
    });
  });

  it('ignores non-governors and counts a governor once, with its last report', () => {
    const result = genesisAgreement(governors(3), [
      ...reports(['ab1a', 'ab1b', 'ab1b']),
      { governor: 'stranger', hash: 'ab1a' },
      { governor: gov(1), hash: 'ab1a' },
      { governor: gov(2), hash: 'ab1a' },
    ]);
    expect(result).toMatchObject({ agreed: true, hash: 'ab1a', count: 3 });
  });

  it('compares hashes exactly, as strings', () => {
    expect(genesisAgreement(governors(3), reports(['ab1a', 'ab1a', 'AB1A'])).agreed).toBe(false);
  });
});
