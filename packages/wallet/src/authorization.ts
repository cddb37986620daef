import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export type ChainName = 'alpha' | 'delta';

export type AuthorizationMessageParameters = {
  chain: ChainName;
  networkId: number;
  program: string;
  function: string;
  /** Canonical plaintext strings, in the function's input order. */
  inputs: readonly string[];
  expiresAtHeight: number;
  /** Makes two otherwise identical authorizations distinct, so replays can be refused. */
  nonce?: string;
};

export const AUTHORIZATION_DOMAIN = 'ratify-devnet-authorization-v1';

/**
 * The exact text a devnet authorization signs. Each field is on its own line and inputs
 * are JSON-quoted, so a multi-line struct input cannot forge another line.
 */
export function authorizationMessage(p: AuthorizationMessageParameters): string {
  const lines = [
    AUTHORIZATION_DOMAIN,
    `chain: ${p.chain}`,
    `network: ${p.networkId}`,
    `program: ${p.program}`,
    `function: ${p.function}`,
    ...p.inputs.map((input, i) => `input[${i}]: ${JSON.stringify(input)}`),
    `expires: ${p.expiresAtHeight}`,
  ];
  if (p.nonce !== undefined) lines.push(`nonce: ${p.nonce}`);
  return lines.join('\n');
}

export function signAuthorization(secretKey: Uint8Array, message: string): string {
  return bytesToHex(ed25519.sign(utf8ToBytes(message), secretKey));
}

export function verifyAuthorizationSignature(
  publicKeyHex: string,
  message: string,
  signatureHex: string,
): boolean {
  try {
    return ed25519.verify(hexToBytes(signatureHex), utf8ToBytes(message), hexToBytes(publicKeyHex));
  } catch {
    return false;
  }
}
