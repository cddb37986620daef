import fc from 'fast-check';
import { bigIntToBytesLE, encodeAddress, encodeBech32m } from '../bech32';
import { isGroupX } from '../plaintext/curve';
import { printPlaintext } from '../plaintext/print';
import {
  FIELD_MODULUS,
  INTEGER_TYPES,
  type IntegerType,
  integerRange,
  isReservedName,
  type Plaintext,
  SCALAR_MODULUS,
} from '../plaintext/types';

// Random values of every kind, valid for the codec, and messy but valid spellings of them.

export const identifier = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/)
  .filter((s) => !isReservedName(s));
const utf8 = new TextEncoder();

export const integer = fc.constantFrom(...INTEGER_TYPES).chain((kind: IntegerType) => {
  const { min, max } = integerRange(kind);
  return fc.bigInt({ min, max }).map((value): Plaintext => ({ kind, value }));
});

export const fieldElement = fc.bigInt({ min: 0n, max: FIELD_MODULUS - 1n });
export const scalarElement = fc.bigInt({ min: 0n, max: SCALAR_MODULUS - 1n });
/**
 * About a quarter of the field elements are the x-coordinate of a group point. Filtering
 * random ones is slow inside deep values, so points come from a pool drawn once per run.
 */
export const GROUP_POOL = fc.sample(fieldElement.filter(isGroupX), 256);
export const groupX = fc.constantFrom(...GROUP_POOL);

const bytes32 = (n: bigint) => bigIntToBytesLE(n, 32);

/** An upstream address is a group point; the forks' are any 32 bytes (see `decodeAddress`). */
export const address = fc.oneof(
  groupX.map((x) => encodeAddress(bytes32(x), 'aleo')),
  fc
    .tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom('ax', 'dx'))
    .map(([b, hrp]) => encodeAddress(b, hrp)),
);

export function signatureOf(parts: [bigint, bigint, bigint, bigint]): string {
  const out = new Uint8Array(128);
  parts.forEach((n, i) => {
    out.set(bytes32(n), 32 * i);
  });
  return encodeBech32m('sign', out);
}

/** challenge and response scalars, then the x-coordinates of two points. */
export const signature = fc
  .tuple(scalarElement, scalarElement, groupX, groupX)
  .map((parts) => signatureOf(parts));

export const stringValue = fc
  .string({ unit: 'binary', maxLength: 120 })
  .filter((s) => utf8.encode(s).length <= 255 && !/\p{Cs}/u.test(s));

export const literal: fc.Arbitrary<Plaintext> = fc.oneof(
  integer,
  fieldElement.map((value): Plaintext => ({ kind: 'field', value })),
  groupX.map((value): Plaintext => ({ kind: 'group', value })),
  scalarElement.map((value): Plaintext => ({ kind: 'scalar', value })),
  fc.boolean().map((value): Plaintext => ({ kind: 'boolean', value })),
  address.map((value): Plaintext => ({ kind: 'address', value })),
  signature.map((value): Plaintext => ({ kind: 'signature', value })),
  stringValue.map((value): Plaintext => ({ kind: 'string', value })),
);

export const { value: plaintext } = fc.letrec<{ value: Plaintext }>((tie) => ({
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

export const { future } = fc.letrec<{ future: Plaintext }>((tie) => ({
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

/**
 * A valid but non-canonical spelling of v: free whitespace, underscores, unreduced fields,
 * leading zeros on integers (a node reads `007u8` as `7u8`; never on field, scalar, group).
 */
export function messy(v: Plaintext, g: fc.GeneratorValue): string {
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
      if (form === 2 && v.value !== 0n) return `-${digits(p - v.value)}${v.kind}`;
      return `${digits(v.value)}${v.kind}`;
    }
    case 'boolean':
    case 'address':
    case 'signature':
    case 'string':
      return printPlaintext(v);
    default: {
      const zeros = g(fc.constantFrom, '', '0', '00_');
      return `${v.value < 0n ? '-' : ''}${zeros}${digits(v.value < 0n ? -v.value : v.value)}${v.kind}`;
    }
  }
}
