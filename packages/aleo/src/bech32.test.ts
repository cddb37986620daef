import { describe, expect, it } from 'vitest';
import {
  blockHashToField,
  DEFAULT_HRP,
  decodeAddress,
  decodeBech32Id,
  encodeAddress,
  encodeBech32Id,
  fieldToBlockHash,
  isAddress,
} from './bech32';
import { FIELD_MODULUS } from './plaintext/types';

const ADDR = 'aleo1q3vx8pet0h7739hx5xlekfxh9kus6qdlxhx9qdkxhh9rnva8q5gsskve3t';
const BLOCK_HASH = 'ab1pc83g2v3f9um0n5hy609pmnug4yx8xzfkdjwkuq4nxsxacsdggrqz2tzkj';

describe('addresses', () => {
  it('checks that an upstream address is a curve point, and leaves fork addresses alone', () => {
    const one = new Uint8Array(32);
    one[0] = 1; // x = 1 is not the x-coordinate of a point in the group
    const aleo = encodeAddress(one, 'aleo');
    expect(() => decodeAddress(aleo)).toThrow(
      `invalid address "${aleo}": not the x-coordinate of a point in the group`,
    );
    expect(isAddress(aleo)).toBe(false);
    // The devnet's addresses are ed25519 keys under the fork HRPs: 32 bytes is all they promise.
    expect(isAddress(encodeAddress(one, DEFAULT_HRP.alpha), 'ax')).toBe(true);
  });

  it('round-trips an upstream address and re-encodes it under the fork HRPs', () => {
    const { hrp, bytes } = decodeAddress(ADDR);
    expect(hrp).toBe('aleo');
    expect(bytes.length).toBe(32);
    expect(encodeAddress(bytes, 'aleo')).toBe(ADDR);
    const ax = encodeAddress(bytes, DEFAULT_HRP.alpha);
    expect(ax.startsWith('ax1')).toBe(true);
    expect(ax.length).toBe(61);
    expect(decodeAddress(ax).bytes).toEqual(bytes);
    expect(isAddress(ax, 'ax')).toBe(true);
    expect(isAddress(ax, 'dx')).toBe(false);
    expect(isAddress(ADDR)).toBe(true);
  });

  it('rejects a bad checksum, wrong length and bad input', () => {
    const bad = `${ADDR.slice(0, -1)}q`;
    expect(() => decodeAddress(bad)).toThrowError(
      `invalid bech32m "${bad}": Invalid checksum in ${bad}`,
    );
    expect(isAddress(bad)).toBe(false);
    const id = encodeBech32Id('at', new Uint8Array(32));
    expect(isAddress(id)).toBe(true);
    expect(() => encodeAddress(new Uint8Array(31), 'ax')).toThrowError(
      'address data must be 32 bytes, got 31 bytes',
    );
    expect(() => encodeAddress(new Uint8Array(32), 'A1')).toThrowError('invalid HRP "A1"');
  });
});

describe('ids and block hashes', () => {
  it('decodes ab/at/au/sr ids', () => {
    expect(decodeBech32Id(BLOCK_HASH).prefix).toBe('ab');
    const at = encodeBech32Id('at', new Uint8Array(32).fill(7));
    expect(decodeBech32Id(at)).toEqual({ prefix: 'at', bytes: new Uint8Array(32).fill(7) });
    expect(() => decodeBech32Id(ADDR)).toThrowError(
      `invalid id "${ADDR}": prefix "aleo" is not one of ab, at, au, sr`,
    );
  });

  it('converts a block hash to its field value and back exactly', () => {
    const f = blockHashToField(BLOCK_HASH);
    expect(f < FIELD_MODULUS).toBe(true);
    expect(fieldToBlockHash(f)).toBe(BLOCK_HASH);
    expect(fieldToBlockHash(0n)).toBe(encodeBech32Id('ab', new Uint8Array(32)));
    expect(blockHashToField(fieldToBlockHash(1n))).toBe(1n);
    // Little-endian: the value 1 sets the first byte.
    expect(decodeBech32Id(fieldToBlockHash(1n)).bytes[0]).toBe(1);
    expect(() => fieldToBlockHash(FIELD_MODULUS)).toThrowError(
      `field value ${FIELD_MODULUS} is out of range 0..p-1`,
    );
    const big = encodeBech32Id('ab', new Uint8Array(32).fill(255));
    expect(() => blockHashToField(big)).toThrowError('is not below the field modulus');
  });
});
