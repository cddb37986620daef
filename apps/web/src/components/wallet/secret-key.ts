/** What the import field accepted, or why not, in words a person can act on. */
export type SecretKeyInput = { ok: true; secretKey: Uint8Array } | { ok: false; error: string };

/** Parses a secret key as the devnet prints it: 64 hex characters, `0x` and spaces allowed. */
export function parseSecretKey(text: string): SecretKeyInput {
  const hex = text.trim().replace(/^0x/i, '').replace(/\s+/g, '');
  if (hex.length === 0) return { ok: false, error: 'Paste the 64-character hex secret key.' };
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad) {
    return {
      ok: false,
      error: `Not hex: "${bad[0]}" at position ${bad.index + 1}. A secret key uses only 0-9 and a-f.`,
    };
  }
  if (hex.length !== 64) {
    return {
      ok: false,
      error: `Wrong length: ${hex.length} hex characters, a secret key has 64 (32 bytes).`,
    };
  }
  const secretKey = new Uint8Array(32);
  for (let i = 0; i < 32; i++) secretKey[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return { ok: true, secretKey };
}

export const MIN_PASSWORD_LENGTH = 8;

/** A password for a new keystore; null when acceptable. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password !== confirm) return 'The two passwords differ.';
  return null;
}
