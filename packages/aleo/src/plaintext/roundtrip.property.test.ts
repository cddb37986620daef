import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAddress, encodeBech32m } from '../bech32';
import { parsePlaintext } from './parse';
import { printPlaintext } from './print';
import {
  FIELD_MODULUS,
  INTEGER_TYPES,
  type IntegerType,
  integerRange,
  type Plaintext,
  SCALAR_MODULUS,
} from './types';

const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/);
const utf8 = new TextEncoder();

const integer = fc.constantFrom(...INTEGER_TYPES).chain((kind: IntegerType) => {
  const { min, max } = integerRange(kind);
  return fc.bigInt({ min, max }).map((value): Plaintext => ({ kind, value }));
});

const literal: fc.Arbitrary<Plaintext> = fc.oneof(
  integer,
  fc
    .bigInt({ min: 0n, max: FIELD_MODULUS - 1n })
    .map((value): Plaintext => ({ kind: 'field', value })),
  fc
    .bigInt({ min: 0n, max: FIELD_MODULUS - 1n })
    .map((value): Plaintext => ({ kind: 'group', value })),
  fc
    .bigInt({ min: 0n, max: SCALAR_MODULUS - 1n })
    .map((value): Plaintext => ({ kind: 'scalar', value })),
  fc.boolean().map((value): Plaintext => ({ kind: 'boolean', value })),
  fc
    .tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom('aleo', 'ax', 'dx'))
    .map(([bytes, hrp]): Plaintext => ({ kind: 'address', value: encodeAddress(bytes, hrp) })),
  fc
    .uint8Array({ minLength: 128, maxLength: 128 })
    .map((bytes): Plaintext => ({ kind: 'signature', value: encodeBech32m('sign', bytes) })),
  fc
    .string({ unit: 'binary', maxLength: 120 })
    .filter((s) => utf8.encode(s).length <= 255 && !/\p{Cs}/u.test(s))
    .map((value): Plaintext => ({ kind: 'string', value })),
);

const { value: plaintext } = fc.letrec<{ value: Plaintext }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc
      .uniqueArray(fc.tuple(identifier, tie('value')), {
        minLength: 1,
        maxLength: 6,
        selector: ([name]) => name,
      })
      .map((members): Plaintext => ({ kind: 'struct', members })),
    fc
      .array(tie('value'), { minLength: 1, maxLength: 6 })
      .map((elements): Plaintext => ({ kind: 'array', elements })),
  ),
}));

const { future } = fc.letrec<{ future: Plaintext }>((tie) => ({
  future: fc
    .tuple(
      identifier,
      identifier,
      identifier,
      fc.array(fc.oneof({ depthSize: 'small' }, plaintext, tie('future')), { maxLength: 5 }),
    )
    .map(
      ([name, network, functionName, args]): Plaintext => ({
        kind: 'future',
        programId: `${name}.${network}`,
        functionName,
        arguments: args,
      }),
    ),
}));

// A valid but non-canonical spelling of v: free whitespace, underscores, unreduced fields.
function messy(v: Plaintext, g: fc.GeneratorValue): string {
  const ws = () => g(fc.constantFrom, '', ' ', '\n', '\t ', '  \r\n');
  const digits = (n: bigint) => {
    const s = n.toString();
    return g(fc.boolean) ? s.replace(/(\d)(?=\d)/g, '$1_') : s;
  };
  switch (v.kind) {
    case 'struct':
      return `{${ws()}${v.members.map(([n, m]) => `${n}${ws()}:${ws()}${messy(m, g)}`).join(`${ws()},${ws()}`)}${ws()}}`;
    case 'array':
      return `[${ws()}${v.elements.map((e) => messy(e, g)).join(`,${ws()}`)}${ws()}]`;
    case 'future':
      return `{${ws()}program_id:${ws()}${v.programId},function_name:${ws()}${v.functionName}${ws()},${ws()}arguments:[${v.arguments.map((a) => `${ws()}${messy(a, g)}`).join(',')}${ws()}]}`;
    case 'field':
    case 'group':
    case 'scalar': {
      const p = v.kind === 'scalar' ? SCALAR_MODULUS : FIELD_MODULUS;
      const form = g(fc.integer, { min: 0, max: 2 });
      if (form === 1) return `${digits(v.value + p)}${v.kind}`;
      if (form === 2) return `-${digits(p - v.value)}${v.kind}`;
      return `${digits(v.value)}${v.kind}`;
    }
    case 'address':
      return g(fc.boolean) ? v.value.toUpperCase() : v.value;
    case 'boolean':
    case 'signature':
    case 'string':
      return printPlaintext(v);
    default:
      return `${v.value < 0n ? '-' : ''}${digits(v.value < 0n ? -v.value : v.value)}${v.kind}`;
  }
}

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
      { numRuns: 2000 },
    );
  });

  it('print(parse(x)) is the canonical form for any valid spelling x', () => {
    fc.assert(
      fc.property(fc.oneof(plaintext, future), fc.gen(), (v, g) => {
        const x = messy(v, g);
        const canonical = printPlaintext(v);
        expect(printPlaintext(parsePlaintext(x))).toBe(canonical);
        expect(printPlaintext(parsePlaintext(canonical))).toBe(canonical);
      }),
      { numRuns: 4000 },
    );
  });

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
