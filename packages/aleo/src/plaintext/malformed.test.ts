import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../_test/hostile-plaintexts';
import { encodeBech32m } from '../bech32';
import { PlaintextError } from './errors';
import { parsePlaintext } from './parse';

const ADDR = 'aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3t';
const SHORT_ADDR = encodeBech32m('ax', new Uint8Array(20));
const SHORT_SIG = encodeBech32m('sign', new Uint8Array(64));

// Each malformed input and the exact error it gives.
const MALFORMED: Array<[input: string, message: string]> = [
  ['256u8', 'u8 value "256u8" is out of range 0..255 at position 0'],
  ['-1u8', 'negative value "-1u8" for unsigned type u8 at position 0'],
  ['65536u16', 'u16 value "65536u16" is out of range 0..65535 at position 0'],
  ['4294967296u32', 'u32 value "4294967296u32" is out of range 0..4294967295 at position 0'],
  [
    '18446744073709551616u64',
    'u64 value "18446744073709551616u64" is out of range 0..18446744073709551615 at position 0',
  ],
  [
    '340282366920938463463374607431768211456u128',
    'u128 value "340282366920938463463374607431768211456u128" is out of range 0..340282366920938463463374607431768211455 at position 0',
  ],
  ['128i8', 'i8 value "128i8" is out of range -128..127 at position 0'],
  ['-129i8', 'i8 value "-129i8" is out of range -128..127 at position 0'],
  ['32768i16', 'i16 value "32768i16" is out of range -32768..32767 at position 0'],
  ['-32769i16', 'i16 value "-32769i16" is out of range -32768..32767 at position 0'],
  [
    '2147483648i32',
    'i32 value "2147483648i32" is out of range -2147483648..2147483647 at position 0',
  ],
  [
    '-2147483649i32',
    'i32 value "-2147483649i32" is out of range -2147483648..2147483647 at position 0',
  ],
  [
    '9223372036854775808i64',
    'i64 value "9223372036854775808i64" is out of range -9223372036854775808..9223372036854775807 at position 0',
  ],
  [
    '-9223372036854775809i64',
    'i64 value "-9223372036854775809i64" is out of range -9223372036854775808..9223372036854775807 at position 0',
  ],
  [
    '170141183460469231731687303715884105728i128',
    'i128 value "170141183460469231731687303715884105728i128" is out of range -170141183460469231731687303715884105728..170141183460469231731687303715884105727 at position 0',
  ],
  ['5', 'missing type suffix in "5" at position 0'],
  ['5u7', 'unknown literal type "u7" in "5u7" at position 0'],
  ['5U8', 'unknown literal type "U8" in "5U8" at position 0'],
  ['5 u8', 'missing type suffix in "5" at position 0'],
  ['5u8u8', 'unknown literal type "u8u8" in "5u8u8" at position 0'],
  ['_5u8', 'expected a value, found "_5u8" at position 0'],
  ['5.0field', 'expected a value, found "5." at position 0'],
  ['0x10u8', 'unknown literal type "x10u8" in "0x10u8" at position 0'],
  ['--1i8', 'invalid number literal "--1i8" at position 0'],
  ['5fields', 'unknown literal type "fields" in "5fields" at position 0'],
  ['1e3u32', 'unknown literal type "e3u32" in "1e3u32" at position 0'],
  ['5 field', 'missing type suffix in "5" at position 0'],
  ['True', 'expected a value, found "True" at position 0'],
  ['yes', 'expected a value, found "yes" at position 0'],
  ['aleo', 'expected a value, found "aleo" at position 0'],
  [
    'ax1qqqqqqqqqq',
    'invalid address "ax1qqqqqqqqqq": Invalid checksum in ax1qqqqqqqqqq at position 0',
  ],
  [
    'sign1qqqqqqqq',
    'invalid signature "sign1qqqqqqqq": Invalid checksum in sign1qqqqqqqq at position 0',
  ],
  ['"abc', 'unterminated string at position 0'],
  ['"bad \\x escape"', 'invalid escape "\\x" in string at position 5'],
  ['"\\u{110000}"', 'invalid unicode escape in string at position 1'],
  ['"\\u{d800}"', 'invalid unicode escape in string at position 1'],
  ['{', 'expected member name, found end of input at position 1'],
  ['{ a: 1u8', 'expected "," or "}" after member "a", found end of input at position 8'],
  ['{ a: 1u8 ]', 'expected "," or "}" after member "a", found "]" at position 9'],
  ['[1u8', 'expected "," or "]" in array, found end of input at position 4'],
  ['[1u8, 2u8', 'expected "," or "]" in array, found end of input at position 9'],
  ['1u8 }', 'unexpected "}" after the value at position 4'],
  ['{ a: 1u8 } }', 'unexpected "}" after the value at position 11'],
  ['{}', 'struct has no members at position 0'],
  ['[]', 'array has no elements at position 0'],
  [']', 'expected a value, found "]" at position 0'],
  ['{ a: [1u8 }', 'expected "," or "]" in array, found "}" at position 10'],
  ['{ a: 1u8, a: 2u8 }', 'duplicate struct member "a" at position 10'],
  ['{ a: 1u8, b: { c: true, c: false } }', 'duplicate struct member "c" at position 24'],
  ['{ a: 1u8, }', 'trailing comma in struct at position 10'],
  ['[ 1u8, ]', 'trailing comma in array at position 7'],
  ['{ a 1u8 }', 'expected ":" after member name "a", found "1u8" at position 4'],
  ['{ 1a: 1u8 }', 'invalid member name "1a" at position 2'],
  ['{ a-b: 1u8 }', 'invalid member name "a-b" at position 2'],
  ['', 'expected a value, found end of input at position 0'],
  ['   ', 'expected a value, found end of input at position 3'],
  ['1u8 2u8', 'unexpected "2u8" after the value at position 4'],
  ['{ a: credits.aleo }', 'expected a value, found "credits." at position 5'],
  [
    '[ { program_id: a.aleo, function_name: f, arguments: [] } ]',
    'a future can only be a top-level value or a future argument at position 2',
  ],
  [
    '{ x: { program_id: a.aleo, function_name: f, arguments: [] } }',
    'a future can only be a top-level value or a future argument at position 5',
  ],
  [
    '{ program_id: a.aleo, function_name: f }',
    'expected "," after function_name, found "}" at position 39',
  ],
  [
    '{ program_id: a.aleo, name: f, arguments: [] }',
    'expected "function_name" in future, found "name" at position 22',
  ],
  [
    '{ program_id: a.aleo, function_name: f, arguments: [ 1u8, ] }',
    'trailing comma in future arguments at position 58',
  ],
  [
    '{ program_id: a.aleo, function_name: f, arguments: [] ',
    'expected "}" to close the future, found end of input at position 54',
  ],
  [
    '{ program_id: a., function_name: f, arguments: [] }',
    'expected program network, found "," at position 16',
  ],
  [
    '{ program_id: a.aleo, function_name: f, arguments: 1u8 }',
    'expected "[" to open the future arguments, found "1u8" at position 51',
  ],
  [
    `${ADDR.slice(0, -1)}q`,
    'invalid address "aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3q": Invalid checksum in aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3q at position 0',
  ],
  [
    ADDR.slice(0, 40),
    'invalid address "aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx": Invalid checksum in aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx at position 0',
  ],
  [
    ADDR.replace('q5gs', 'Q5GS'),
    'invalid address "aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8Q5GSskve3t": not in lower case at position 0',
  ],
  [`"${'a'.repeat(256)}"`, 'string is 256 bytes, more than the 255-byte limit at position 0'],
  [`"${'é'.repeat(128)}"`, 'string is 256 bytes, more than the 255-byte limit at position 0'],
  [
    `{ ${'a'.repeat(32)}: 1u8 }`,
    'member name "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is longer than 31 bytes at position 2',
  ],
  [
    `{ ${Array.from({ length: 33 }, (_, i) => `m${i}: 1u8`).join(', ')} }`,
    'struct has more than 32 members at position 312',
  ],
  [`[ ${Array(33).fill('1u8').join(', ')} ]`, 'array has more than 32 elements at position 162'],
  [`${'['.repeat(33)}1u8${']'.repeat(33)}`, 'nesting is deeper than 32 levels at position 32'],
  [
    `${'{ a: '.repeat(33)}1u8${' }'.repeat(33)}`,
    'nesting is deeper than 32 levels at position 160',
  ],
  [SHORT_ADDR, `invalid address "${SHORT_ADDR}": data is 20 bytes, expected 32 at position 0`],
  [SHORT_SIG, `invalid signature "${SHORT_SIG}": data is 64 bytes, expected 128 at position 0`],
  // Leading zeros, reserved names, raw controls, points off the curve, upper case.
  ...HOSTILE,
];

describe('malformed plaintext', () => {
  it('has at least 50 cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(MALFORMED)('%j', (input, message) => {
    let error: unknown;
    try {
      parsePlaintext(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlaintextError);
    expect((error as Error).message).toBe(message);
  });
});
