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

  it('reads a whole answer that is one integer, and pretty-printed documents', () => {
    expect(parseChainJson('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseChainJson(' 1203288\n')).toBe(1203288);
    expect(
      parseChainJson('[\n  18446744073709551615,\n  {\n    "x": -18446744073709551615\n  }\n]'),
    ).toEqual([18446744073709551615n, { x: -18446744073709551615n }]);
  });

  it('leaves a string alone that holds what looks like a big integer between punctuation', () => {
    const text = '{"s":"a: 18446744073709551615, b","t":[18446744073709551616]}';
    expect(parseChainJson(text)).toEqual({
      s: 'a: 18446744073709551615, b',
      t: [18446744073709551616n],
    });
  });

  it('matches lossless-json on random documents with big integers', () => {
    const big = fc.bigInt({ min: -(1n << 130n), max: 1n << 130n }).map((n) => `${n}`);
    // Strings that hold big integers between JSON punctuation, as plaintext values do.
    const tricky = fc
      .tuple(fc.constantFrom(': ', ',', '[', ''), big, fc.constantFrom(',', ']', '}', 'u64', ''))
      .map(([a, n, b]) => `${a}${n}${b}`);
    const doc = fc
      .tuple(fc.json(), fc.array(big, { maxLength: 4 }), fc.oneof(fc.string(), tricky))
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
