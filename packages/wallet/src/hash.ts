import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** Field modulus of the Aleo base field (spec section 5). */
export const FIELD_MODULUS =
  8444461749428370424248824938781546531375899335154063827935233455917409239041n;

// Keeping 252 bits makes every digest a valid field element (2^252 < modulus) without a
// modular reduction, so the same value round-trips through `ab1…` and `NNNfield`.
const MASK_252 = (1n << 252n) - 1n;

/** A deterministic field element from a domain tag and ordered parts. */
export function hashToField(domain: string, ...parts: string[]): bigint {
  const digest = sha256(utf8ToBytes([domain, ...parts].join('\u0000')));
  return bytesToBigIntLE(digest) & MASK_252;
}

export function bytesToBigIntLE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

/** 32-byte little-endian encoding of a field element, the data of `ab1…`-style ids. */
export function fieldToBytesLE(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = value;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** JSON with object keys sorted at every depth: the canonical form hashed into ids. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}
