import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { future, messy, plaintext } from '../_test/plaintext-arbitraries';
import { parsePlaintext } from './parse';
import { printPlaintext } from './print';
import { INTEGER_TYPES, integerRange } from './types';

describe('round trips (property)', () => {
  it('parse(print(v)) equals v for plaintext values', () => {
    fc.assert(
      fc.property(plaintext, (v) => {
        expect(parsePlaintext(printPlaintext(v))).toEqual(v);
      }),
      { numRuns: 4000 },
    );
  });

  it('parse(print(f)) equals f for futures', () => {
    fc.assert(
      fc.property(future, (f) => {
        expect(parsePlaintext(printPlaintext(f))).toEqual(f);
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('print(parse(x)) is the canonical form for any valid spelling x', () => {
    fc.assert(
      fc.property(fc.oneof(plaintext, future), fc.gen(), (v, g) => {
        const x = messy(v, g);
        const canonical = printPlaintext(v);
        expect(printPlaintext(parsePlaintext(x))).toBe(canonical);
        expect(printPlaintext(parsePlaintext(canonical))).toBe(canonical);
      }),
      // Futures hold many values each: fewer runs keep this file under a minute on a busy machine.
      { numRuns: 1500 },
    );
  }, 60_000);

  it('every literal out of its range fails', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INTEGER_TYPES),
        fc.bigInt({ min: 1n, max: 1n << 130n }),
        (kind, d) => {
          const { min, max } = integerRange(kind);
          expect(() => parsePlaintext(`${max + d}${kind}`)).toThrow();
          if (min < 0n) expect(() => parsePlaintext(`${min - d}${kind}`)).toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
