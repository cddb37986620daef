// Apart from the scrypt and AES code: a page reads what is stored before anyone unlocks it.
// The mini build of zod: this schema is parsed in the browser, where every kilobyte loads.
import * as z from 'zod/mini';

/** An encrypted secret key, safe to keep in localStorage or a file. */
export const keystoreSchema = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  n: z.int().check(z.positive()),
  r: z.int().check(z.positive()),
  p: z.int().check(z.positive()),
  salt: z.string().check(z.regex(/^[0-9a-f]+$/)),
  iv: z.string().check(z.regex(/^[0-9a-f]{24}$/)),
  ciphertext: z.string().check(z.regex(/^[0-9a-f]+$/)),
});
export type Keystore = z.infer<typeof keystoreSchema>;
