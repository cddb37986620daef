import { describe, expect, it } from 'vitest';
import { parseFieldId, proposalIdSchema } from './field-id';
import { FIELD_MODULUS } from './plaintext/types';

describe('parseFieldId', () => {
  it.each([
    ['123', '123'],
    ['123field', '123'],
    ['0', '0'],
    ['1_000', '1000'],
    [`${FIELD_MODULUS - 1n}field`, `${FIELD_MODULUS - 1n}`],
  ])('reads %s', (text, id) => {
    expect(parseFieldId(text)).toBe(id);
  });

  it.each([
    '',
    'field',
    'abc',
    '12u8',
    '-1field',
    '_1',
    // A node refuses leading zeros in a field literal, so the id parse does too.
    '0042field',
    ' 12',
    '12 field',
    '12fieldfield',
    `${FIELD_MODULUS}`,
    '9'.repeat(78),
  ])('refuses %j', (text) => {
    expect(parseFieldId(text)).toBeNull();
  });

  it('can require the suffix, as transition inputs carry it', () => {
    expect(parseFieldId('42', { requireSuffix: true })).toBeNull();
    expect(parseFieldId('42field', { requireSuffix: true })).toBe('42');
  });
});

describe('proposalIdSchema', () => {
  it('gives the digits or one clear message', () => {
    expect(proposalIdSchema.parse('77field')).toBe('77');
    const bad = proposalIdSchema.safeParse('not-a-field');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      'a proposal id is a decimal field value, optionally ending in "field"',
    );
  });
});
