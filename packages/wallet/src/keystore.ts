import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { type Keystore, keystoreSchema } from './keystore-schema';

// WebCrypto exists in browsers and in Node 20 as globalThis.crypto; no Node-only import.
const subtle = () => globalThis.crypto.subtle;

async function deriveKey(password: string, salt: Uint8Array, n: number, r: number, p: number) {
  const raw = await scryptAsync(utf8ToBytes(password), salt, { N: n, r, p, dkLen: 32 });
  return subtle().importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function encryptSecretKey(
  secretKey: Uint8Array,
  password: string,
  options: { n?: number } = {},
): Promise<Keystore> {
  const n = options.n ?? 2 ** 15;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(password, salt, n, 8, 1);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
    key,
    secretKey as Uint8Array<ArrayBuffer>,
  );
  return {
    version: 1,
    kdf: 'scrypt',
    n,
    r: 8,
    p: 1,
    salt: bytesToHex(salt),
    iv: bytesToHex(iv),
    ciphertext: bytesToHex(new Uint8Array(ct)),
  };
}

/** Throws `Error('wrong password or corrupted keystore')` when authentication fails. */
export async function decryptSecretKey(blob: unknown, password: string): Promise<Uint8Array> {
  const k = keystoreSchema.parse(blob);
  const key = await deriveKey(password, hexToBytes(k.salt), k.n, k.r, k.p);
  try {
    const iv = hexToBytes(k.iv) as Uint8Array<ArrayBuffer>;
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv },
      key,
      hexToBytes(k.ciphertext) as Uint8Array<ArrayBuffer>,
    );
    return new Uint8Array(plain);
  } catch {
    throw new Error('wrong password or corrupted keystore');
  }
}
