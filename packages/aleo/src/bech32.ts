import { bech32m } from '@scure/base';
import { isPoint } from './plaintext/curve';
import { FIELD_MODULUS } from './plaintext/types';

/** Default address HRPs of the forks; upstream uses `aleo`. */
export const DEFAULT_HRP = { alpha: 'ax', delta: 'dx' } as const;
export const UPSTREAM_HRP = 'aleo';

export type Bech32IdPrefix = 'ab' | 'at' | 'au' | 'sr';
const ID_PREFIXES: ReadonlySet<string> = new Set(['ab', 'at', 'au', 'sr']);

/** bech32m text that is not what the caller asked for. */
export class Bech32Error extends Error {
  override name = 'Bech32Error';
}

// Signatures are 216 characters, far over BIP-173's 90: lift the length limit.
const NO_LIMIT = false;

/** Decodes any bech32m text into its HRP and data bytes. */
export function decodeBech32m(text: string): { hrp: string; bytes: Uint8Array } {
  let decoded: { prefix: string; words: number[] };
  try {
    decoded = bech32m.decode(text as `${string}1${string}`, NO_LIMIT);
  } catch (error) {
    throw new Bech32Error(`invalid bech32m "${text}": ${(error as Error).message}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = bech32m.fromWords(decoded.words);
  } catch (error) {
    throw new Bech32Error(`invalid bech32m "${text}": ${(error as Error).message}`);
  }
  return { hrp: decoded.prefix, bytes };
}

export function encodeBech32m(hrp: string, bytes: Uint8Array): string {
  return bech32m.encode(hrp, bech32m.toWords(bytes), NO_LIMIT);
}

function assertBytes32(bytes: Uint8Array, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    const len = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new Bech32Error(`${what} must be 32 bytes, got ${len}`);
  }
}

function assertHrp(hrp: string): void {
  if (!/^[a-z]{1,20}$/.test(hrp)) throw new Bech32Error(`invalid HRP "${hrp}"`);
}

export function encodeAddress(bytes32: Uint8Array, hrp: string): string {
  assertHrp(hrp);
  assertBytes32(bytes32, 'address data');
  return encodeBech32m(hrp, bytes32);
}

/**
 * Decodes an address of any HRP; throws on a bad checksum or data that is not 32 bytes.
 * An upstream (`aleo`) address is the x-coordinate of a point, so its data must be one.
 * The forks' HRPs are not checked: the spec defines their addresses only as 32 bytes, and
 * the devnet's are ed25519 public keys, which are not points of this group.
 */
export function decodeAddress(text: string): { hrp: string; bytes: Uint8Array } {
  const { hrp, bytes } = decodeBech32m(text);
  if (bytes.length !== 32) {
    throw new Bech32Error(`invalid address "${text}": data is ${bytes.length} bytes, expected 32`);
  }
  if (!/^[a-z]{1,20}$/.test(hrp)) throw new Bech32Error(`invalid address "${text}": bad HRP`);
  if (hrp === UPSTREAM_HRP && !isPoint(bytesToBigIntLE(bytes))) {
    throw new Bech32Error(
      `invalid address "${text}": not the x-coordinate of a point in the group`,
    );
  }
  return { hrp, bytes };
}

/** True when `text` is a valid address, and of HRP `hrp` when given. */
export function isAddress(text: string, hrp?: string): boolean {
  try {
    const decoded = decodeAddress(text);
    return hrp === undefined || decoded.hrp === hrp;
  } catch {
    return false;
  }
}

export function encodeBech32Id(prefix: Bech32IdPrefix, bytes32: Uint8Array): string {
  if (!ID_PREFIXES.has(prefix)) throw new Bech32Error(`unknown id prefix "${prefix}"`);
  assertBytes32(bytes32, `${prefix} id data`);
  return encodeBech32m(prefix, bytes32);
}

export function decodeBech32Id(text: string): { prefix: Bech32IdPrefix; bytes: Uint8Array } {
  const { hrp, bytes } = decodeBech32m(text);
  if (!ID_PREFIXES.has(hrp)) {
    throw new Bech32Error(`invalid id "${text}": prefix "${hrp}" is not one of ab, at, au, sr`);
  }
  if (bytes.length !== 32) {
    throw new Bech32Error(`invalid id "${text}": data is ${bytes.length} bytes, expected 32`);
  }
  return { prefix: hrp as Bech32IdPrefix, bytes };
}

export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  return n;
}

export function bigIntToBytesLE(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = n;
  for (let i = 0; i < length; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** A block hash is a field element whose bech32m data is its 32-byte little-endian encoding. */
export function blockHashToField(ab1: string): bigint {
  const { prefix, bytes } = decodeBech32Id(ab1);
  if (prefix !== 'ab') throw new Bech32Error(`invalid block hash "${ab1}": prefix is not ab`);
  const value = bytesToBigIntLE(bytes);
  if (value >= FIELD_MODULUS) {
    throw new Bech32Error(`invalid block hash "${ab1}": value is not below the field modulus`);
  }
  return value;
}

export function fieldToBlockHash(f: bigint): string {
  if (typeof f !== 'bigint' || f < 0n || f >= FIELD_MODULUS) {
    throw new Bech32Error(`field value ${String(f)} is out of range 0..p-1`);
  }
  return encodeBech32m('ab', bigIntToBytesLE(f, 32));
}
