import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export type Account = {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  publicKeyHex: string;
};

/** Derives a devnet account; the same seed gives the same key on every machine. */
export function accountFromSeed(seed: string | Uint8Array): Account {
  const bytes = typeof seed === 'string' ? utf8ToBytes(seed) : seed;
  const prefix = utf8ToBytes('ratify-devnet-account-v1\u0000');
  const input = new Uint8Array(prefix.length + bytes.length);
  input.set(prefix);
  input.set(bytes, prefix.length);
  return accountFromSecretKey(sha256(input));
}

/** An account from a 32-byte ed25519 secret key (bytes or hex), e.g. an imported dev key. */
export function accountFromSecretKey(secretKey: Uint8Array | string): Account {
  const sk = typeof secretKey === 'string' ? hexToBytes(secretKey.replace(/^0x/, '')) : secretKey;
  if (sk.length !== 32) throw new RangeError('secret key must be 32 bytes');
  const publicKey = ed25519.getPublicKey(sk);
  return { secretKey: sk, publicKey, publicKeyHex: bytesToHex(publicKey) };
}

export function randomAccount(): Account {
  return accountFromSecretKey(ed25519.utils.randomSecretKey());
}
