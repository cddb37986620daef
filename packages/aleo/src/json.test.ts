import fc from 'fast-check';
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { parseChainJson, stringifyChainJson } from './json';

const lossless = (text: string) =>
  parse(text, null, (s) => (isInteger(s) ? (isSafeNumber(s) ? Number(s) : BigInt(s)) : Number(s)));

describe('parseChainJson', () => {
  it('keeps integers beyond 2^53 exact, and only outside strings', () => {
    expect(
      parseChainJson(
        '{"a":18741903340503531150,"b":-9007199254740993,"c":"x\\" 18741903340503531150","d":[1.5,9007199254740991,12874387158213933576]}',
      ),
    ).toEqual({
      a: 18741903340503531150n,
      b: -9007199254740993n,
      c: 'x" 18741903340503531150',
      d: [1.5, 9007199254740991, 12874387158213933576n],
    });
  });

  it('matches lossless-json on random documents with big integers', () => {
    const big = fc.bigInt({ min: -(1n << 130n), max: 1n << 130n }).map((n) => `${n}`);
    const doc = fc
      .tuple(fc.json(), fc.array(big, { maxLength: 4 }), fc.string())
      .map(([j, bigs, s]) => `{"j":${j},"b":[${bigs.join(',')}],"s":${JSON.stringify(s)}}`);
    fc.assert(
      fc.property(doc, (text) => {
        expect(parseChainJson(text)).toEqual(lossless(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('prints bigints as numbers and the u128 header fields as strings', () => {
    const text = stringifyChainJson({ cumulative_weight: 5n, counter: 18446744073709551615n });
    expect(text).toBe('{\n  "cumulative_weight": "5",\n  "counter": 18446744073709551615\n}');
  });
});
