import { bigIntToBytesLE, encodeAddress } from '../bech32';
import { FIELD_MODULUS, LITERAL_TYPE_NAMES, SCALAR_MODULUS } from '../plaintext/types';
import { signatureOf } from './plaintext-arbitraries';

// Texts a node refuses although they look close to valid, each with the codec's exact error.
// The differential test feeds them to a node too, so every entry must be refused there.

const GX = 1540945439182663264862696551825005342995406165131907382295858612069623286213n;
const aleoAddress = (x: bigint) => encodeAddress(bigIntToBytesLE(x, 32), 'aleo');
export const VALID_SIGNATURE = signatureOf([5n, 7n, GX, 2n]);
export const VALID_ADDRESS = aleoAddress(GX);

const LEADING_ZEROS: Array<[string, string]> = [
  '01field',
  '00field',
  '-01field',
  '0_1field',
  '0_0field',
  '00scalar',
  '-00scalar',
  '01group',
  '00_2group',
].map((t) => [t, `${t.replace(/^-?[0-9_]+/, '')} literal "${t}" has a leading zero at position 0`]);

const RESERVED_NAMES: Array<[string, string]> = [
  ...LITERAL_TYPE_NAMES.map((name): [string, string] => [
    `{ a: 1u8, ${name}: 2u8 }`,
    `member name "${name}" is a literal type name, which is reserved at position 10`,
  ]),
  ['{ u8: 1u8 }', 'member name "u8" is a literal type name, which is reserved at position 2'],
  [
    '{ program_id: u8.aleo, function_name: f, arguments: [] }',
    'program name "u8" is a literal type name, which is reserved at position 14',
  ],
  [
    '{ program_id: a.field, function_name: f, arguments: [] }',
    'program network "field" is a literal type name, which is reserved at position 16',
  ],
  [
    '{ program_id: a.aleo, function_name: group, arguments: [] }',
    'function name "group" is a literal type name, which is reserved at position 37',
  ],
];

const codePoints = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const REFUSED_IN_STRINGS = [
  ...codePoints(0x00, 0x08),
  0x0b,
  0x0c,
  ...codePoints(0x0e, 0x1f),
  0x7f,
  ...codePoints(0x202a, 0x202e),
  ...codePoints(0x2066, 0x2069),
];
const CONTROL_CHARS: Array<[string, string]> = REFUSED_IN_STRINGS.map((c) => {
  const name = c >= 0x202a ? 'bidirectional control' : 'control character';
  const hex = c.toString(16).toUpperCase().padStart(4, '0');
  return [`"ab${String.fromCharCode(c)}c"`, `${name} U+${hex} in string at position 3`];
});

const NOT_A_POINT = 'is not the x-coordinate of a point in the group';
const badAddress = (x: bigint): [string, string] => {
  const a = aleoAddress(x);
  return [a, `invalid address "${a}": not the x-coordinate of a point in the group at position 0`];
};
const badSignature = (parts: [bigint, bigint, bigint, bigint], why: string): [string, string] => {
  const s = signatureOf(parts);
  return [s, `invalid signature "${s}": ${why} at position 0`];
};
const NOT_ON_CURVE: Array<[string, string]> = [
  ['1group', `"1group" ${NOT_A_POINT} at position 0`],
  ['3group', `"3group" ${NOT_A_POINT} at position 0`],
  ['-1group', `"-1group" ${NOT_A_POINT} at position 0`],
  [`${FIELD_MODULUS + 1n}group`, `"${FIELD_MODULUS + 1n}group" ${NOT_A_POINT} at position 0`],
  badAddress(1n),
  badAddress(4n),
  badAddress(FIELD_MODULUS),
  badAddress(FIELD_MODULUS + 2n),
  badSignature([SCALAR_MODULUS, 7n, GX, 2n], 'challenge is not below the scalar modulus'),
  badSignature([5n, SCALAR_MODULUS + 9n, GX, 2n], 'response is not below the scalar modulus'),
  badSignature([5n, 7n, 1n, 2n], `pk_sig ${NOT_A_POINT}`),
  badSignature([5n, 7n, GX, FIELD_MODULUS + 2n], `pr_sig ${NOT_A_POINT}`),
];

const UPPER_CASE: Array<[string, string]> = [VALID_ADDRESS, VALID_SIGNATURE].map((v) => {
  const upper = v.toUpperCase();
  const what = v.startsWith('sign') ? 'signature' : 'address';
  return [upper, `invalid ${what} "${upper}": not in lower case at position 0`];
});

export const HOSTILE: Array<[input: string, message: string]> = [
  ...LEADING_ZEROS,
  ...RESERVED_NAMES,
  ...CONTROL_CHARS,
  ...NOT_ON_CURVE,
  ...UPPER_CASE,
];
