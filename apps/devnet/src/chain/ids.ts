import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeBech32Id, fieldToBlockHash } from '@ratify/aleo';
import { fieldToBytesLE, hashToField } from '@ratify/wallet';
import { bech32m } from '@scure/base';

/** `NNNfield` from a domain-separated hash. */
export const fieldOf = (domain: string, ...parts: string[]): string =>
  `${hashToField(domain, ...parts)}field`;

export const blockHashOf = (...parts: string[]): string =>
  fieldToBlockHash(hashToField('block-hash', ...parts));

export const idOf = (prefix: 'at' | 'au' | 'sr', domain: string, ...parts: string[]): string =>
  encodeBech32Id(prefix, fieldToBytesLE(hashToField(domain, ...parts)));

// Upstream signatures carry 128 bytes (216 characters); the content here only has to be
// well-formed and stable, so one digest is stretched with a cheap xorshift.
export function signatureOf(...parts: string[]): string {
  const seed = sha256(utf8ToBytes(parts.join('\u0000')));
  const out = new Uint8Array(128);
  out.set(seed);
  let x = (seed[0] ?? 1) | ((seed[1] ?? 0) << 8) | ((seed[2] ?? 0) << 16) | 1;
  for (let i = 32; i < 128; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x & 0xff) ^ (seed[i % 32] ?? 0);
  }
  return bech32m.encode('sign', bech32m.toWords(out), false);
}

export const solutionIdOf = (...parts: string[]): string =>
  bech32m.encode(
    'solution',
    bech32m.toWords(sha256(utf8ToBytes(parts.join('\u0000'))).slice(0, 8)),
    false,
  );

/** A u64 from a hash, for solution counters (often above 2^53 upstream). */
export function u64Of(...parts: string[]): bigint {
  const d = sha256(utf8ToBytes(parts.join('\u0000')));
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(d[i] ?? 0);
  return v;
}
