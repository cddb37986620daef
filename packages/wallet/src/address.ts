import { hexToBytes } from '@noble/hashes/utils.js';
import { encodeAddress } from '@ratify/aleo';

// Apart from the account's keys: an address needs no curve, so a page that only shows one
// does not load the signing code.

/** The chain address of a public key: bech32m of its 32 bytes under the chain's HRP. */
export function addressOf(publicKey: Uint8Array | string, hrp: string): string {
  const bytes = typeof publicKey === 'string' ? hexToBytes(publicKey) : publicKey;
  if (bytes.length !== 32) throw new RangeError('public key must be 32 bytes');
  return encodeAddress(bytes, hrp);
}
