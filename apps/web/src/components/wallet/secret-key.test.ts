import { describe, expect, it } from 'vitest';
import { parseSecretKey, passwordProblem } from './secret-key';

const key = 'ab'.repeat(32);

describe('parseSecretKey', () => {
  it('accepts 64 hex characters, with 0x, spaces or capitals', () => {
    for (const text of [
      key,
      `0x${key}`,
      `  ${key.toUpperCase()}\n`,
      key.replace(/(.{8})/g, '$1 '),
    ]) {
      const r = parseSecretKey(text);
      expect(r.ok && r.secretKey.every((b) => b === 0xab)).toBe(true);
    }
  });

  it.each([
    ['', 'Paste the 64-character hex secret key.'],
    [
      `${key.slice(0, 10)}g${key.slice(11)}`,
      'Not hex: "g" at position 11. A secret key uses only 0-9 and a-f.',
    ],
    [key.slice(2), 'Wrong length: 62 hex characters, a secret key has 64 (32 bytes).'],
    [`${key}00`, 'Wrong length: 66 hex characters, a secret key has 64 (32 bytes).'],
  ])('refuses %j', (text, error) => {
    expect(parseSecretKey(text)).toEqual({ ok: false, error });
  });
});

describe('passwordProblem', () => {
  it('wants 8 characters, typed twice the same', () => {
    expect(passwordProblem('short', 'short')).toBe('Choose a password of at least 8 characters.');
    expect(passwordProblem('long enough', 'long enougH')).toBe('The two passwords differ.');
    expect(passwordProblem('long enough', 'long enough')).toBeNull();
  });
});
