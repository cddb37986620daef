import { describe, expect, it } from 'vitest';
import { FIXTURE_FILES, fixtureText, plaintextStrings } from '../_test/fixtures';
import { VALID_ADDRESS, VALID_SIGNATURE } from '../_test/hostile-plaintexts';
import { decodeAddress, encodeAddress } from '../bech32';
import { pt } from './build';
import { parsePlaintext } from './parse';
import { printPlaintext } from './print';
import { FIELD_MODULUS, SCALAR_MODULUS } from './types';

const ADDR = 'aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3t';

describe('fixture values', () => {
  const files = [
    FIXTURE_FILES.block,
    FIXTURE_FILES.transferPublic,
    FIXTURE_FILES.multiTransition,
    FIXTURE_FILES.deploy,
  ];
  const values = files.flatMap((f) => plaintextStrings(JSON.parse(fixtureText(f))));

  it('finds the fixture plaintexts', () => {
    expect(values.length).toBe(64);
  });

  it('prints every node value byte-for-byte as the node did', () => {
    for (const text of values) expect(printPlaintext(parsePlaintext(text))).toBe(text);
  });

  it('reads the mapping values', () => {
    const account = JSON.parse(fixtureText(FIXTURE_FILES.mappingAccount)) as string;
    expect(parsePlaintext(account)).toEqual(pt.u64(66138284723n));
    const committee = JSON.parse(fixtureText(FIXTURE_FILES.mappingCommittee)) as string;
    expect(parsePlaintext(committee)).toEqual(
      pt.struct({ is_open: pt.bool(true), commission: pt.u8(10) }),
    );
    const token = JSON.parse(fixtureText(FIXTURE_FILES.mappingToken)) as string;
    const v = parsePlaintext(token);
    expect(printPlaintext(v)).toBe(token);
    expect(v.kind === 'struct' && v.members.map(([n]) => n)).toEqual([
      'token_id',
      'name',
      'symbol',
      'decimals',
      'supply',
      'max_supply',
      'admin',
      'external_authorization_required',
      'external_authorization_party',
    ]);
  });

  it('keeps the blank line snarkVM prints after a last nested future', () => {
    const text = values.find((v) => v.includes('}\n  \n  ]'));
    expect(text).toBeDefined();
    const v = parsePlaintext(text as string);
    expect(v.kind).toBe('future');
  });
});

describe('literals', () => {
  it('parses integers with underscores and prints plain decimal', () => {
    expect(parsePlaintext('1_500_000_u64')).toEqual(pt.u64(1_500_000));
    expect(printPlaintext(parsePlaintext('1_500_000_u64'))).toBe('1500000u64');
    expect(parsePlaintext('1_27i8')).toEqual(pt.i8(127));
    expect(parsePlaintext('-128i8')).toEqual(pt.i8(-128));
    expect(parsePlaintext('007u8')).toEqual(pt.u8(7));
    expect(printPlaintext(parsePlaintext('00u8'))).toBe('0u8');
    expect(printPlaintext(parsePlaintext('-00_1i8'))).toBe('-1i8');
    expect(parsePlaintext('340282366920938463463374607431768211455u128').kind).toBe('u128');
    expect(parsePlaintext('-170141183460469231731687303715884105728i128')).toEqual(
      pt.i128(-(1n << 127n)),
    );
  });

  it('reduces field, scalar and group modulo their modulus', () => {
    expect(parsePlaintext(`${FIELD_MODULUS}field`)).toEqual(pt.field(0n));
    expect(parsePlaintext('-1field')).toEqual({ kind: 'field', value: FIELD_MODULUS - 1n });
    expect(printPlaintext(parsePlaintext('-1scalar'))).toBe(`${SCALAR_MODULUS - 1n}scalar`);
    expect(parsePlaintext(`${SCALAR_MODULUS + 5n}scalar`)).toEqual(pt.scalar(5n));
    expect(parsePlaintext('2group')).toEqual(pt.group(2n));
    // Zero itself is canonical, signed or with underscores after it.
    expect(['0field', '-0field', '0_field', '0scalar', '0group'].map(parsePlaintext)).toEqual([
      pt.field(0n),
      pt.field(0n),
      pt.field(0n),
      pt.scalar(0n),
      pt.group(0n),
    ]);
  });

  it('parses booleans, addresses, signatures and strings', () => {
    expect(parsePlaintext('true')).toEqual(pt.bool(true));
    expect(parsePlaintext(' false\n')).toEqual(pt.bool(false));
    expect(parsePlaintext(ADDR)).toEqual({ kind: 'address', value: ADDR });
    expect(parsePlaintext('"hi \\"you\\"\\n"')).toEqual(pt.string('hi "you"\n'));
    expect(printPlaintext(pt.string('a"b\\c\n'))).toBe('"a\\"b\\\\c\\n"');
    expect(parsePlaintext('"\\u{1F600}"')).toEqual(pt.string('😀'));
    expect(parsePlaintext(`"${'a'.repeat(255)}"`)).toEqual(pt.string('a'.repeat(255)));
    expect(parsePlaintext(`"${'é'.repeat(127)}"`).kind).toBe('string');
  });

  it('reads control characters written as escapes, and writes them back as escapes', () => {
    // A node refuses these raw but accepts the escapes, and so does the codec.
    const v = parsePlaintext('"a\\u{0}b\\u{202e}c\\u{7f}"');
    expect(v).toEqual(pt.string('a\u0000b\u202ec\u007f'));
    expect(printPlaintext(v)).toBe('"a\\u{0}b\\u{202e}c\\u{7f}"');
    expect(printPlaintext(v, { strings: 'raw' })).toBe('"a\u0000b\u202ec\u007f"');
    expect(parsePlaintext('"tab\tcr\rlf\n"')).toEqual(pt.string('tab\tcr\rlf\n'));
  });

  it('checks group values and reserved names in the constructors too', () => {
    expect(() => pt.group(1n)).toThrow('1 is not the x-coordinate of a point in the group');
    expect(() => pt.struct({ u8: pt.u8(1) })).toThrow(
      '"u8" is a literal type name, which is reserved',
    );
    expect(() => pt.future('a.aleo', 'signature', [])).toThrow(
      '"signature" is a literal type name, which is reserved',
    );
    expect(pt.signature(VALID_SIGNATURE)).toEqual({ kind: 'signature', value: VALID_SIGNATURE });
    expect(pt.address(VALID_ADDRESS)).toEqual({ kind: 'address', value: VALID_ADDRESS });
  });

  it('accepts an address of any HRP with a valid checksum and 32 bytes', () => {
    const { bytes } = decodeAddress(ADDR);
    const ax = encodeAddress(bytes, 'ax');
    expect(parsePlaintext(ax)).toEqual({ kind: 'address', value: ax });
    expect(parsePlaintext(encodeAddress(bytes, 'dx')).kind).toBe('address');
  });
});

describe('structs, arrays, futures', () => {
  it('prints nested structs and arrays in the node form', () => {
    const v = pt.struct({
      a: pt.u8(1),
      b: pt.struct({ c: pt.array([pt.bool(true), pt.struct({ d: pt.field(3n) })]) }),
      e: pt.array([pt.array([pt.i8(-1)])]),
    });
    const text = printPlaintext(v);
    expect(text).toBe(
      [
        '{',
        '  a: 1u8,',
        '  b: {',
        '    c: [',
        '      true,',
        '      {',
        '        d: 3field',
        '      }',
        '    ]',
        '  },',
        '  e: [',
        '    [',
        '      -1i8',
        '    ]',
        '  ]',
        '}',
      ].join('\n'),
    );
    expect(parsePlaintext(text)).toEqual(v);
    expect(parsePlaintext('{a:1u8,b:{c:[true,{d:3field}]},e:[[-1i8]]}')).toEqual(v);
  });

  it('parses a governance future with the caller first', () => {
    const text = `{ program_id: credits.alpha, function_name: vote_network_upgrade, arguments: [ ${ADDR}, 7field, 1u8 ] }`;
    const v = parsePlaintext(text);
    expect(v).toEqual(
      pt.future('credits.alpha', 'vote_network_upgrade', [
        pt.address(ADDR),
        pt.field(7n),
        pt.u8(1),
      ]),
    );
    expect(printPlaintext(v)).toBe(
      `{\n  program_id: credits.alpha,\n  function_name: vote_network_upgrade,\n  arguments: [\n    ${ADDR},\n    7field,\n    1u8\n  ]\n}`,
    );
  });

  it('prints struct arguments of a future with their own indentation, and empty arguments', () => {
    const v = pt.future('a.aleo', 'f', [pt.struct({ x: pt.u8(1) }), pt.future('b.aleo', 'g', [])]);
    expect(printPlaintext(v)).toBe(
      '{\n  program_id: a.aleo,\n  function_name: f,\n  arguments: [\n    {\n  x: 1u8\n},\n    {\n      program_id: b.aleo,\n      function_name: g,\n      arguments: []\n    }\n  \n  ]\n}',
    );
    expect(parsePlaintext(printPlaintext(v))).toEqual(v);
  });

  it('treats a struct whose first member is program_id but not a program id as a struct', () => {
    expect(parsePlaintext('{ program_id: 1u8 }')).toEqual(pt.struct({ program_id: pt.u8(1) }));
  });

  it('accepts 32 members, 32 elements and 32 levels', () => {
    const members = Array.from({ length: 32 }, (_, i) => `m${i}: ${i}u8`).join(', ');
    expect(parsePlaintext(`{ ${members} }`).kind).toBe('struct');
    const elements = Array.from({ length: 32 }, () => 'true').join(', ');
    expect(parsePlaintext(`[ ${elements} ]`).kind).toBe('array');
    expect(parsePlaintext(`${'['.repeat(32)}1u8${']'.repeat(32)}`).kind).toBe('array');
  });
});
