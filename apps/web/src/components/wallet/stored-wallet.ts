import { keystoreSchema } from '@ratify/wallet';
// zod's mini build: this runs in the browser, once a wallet is stored there.
import * as z from 'zod/mini';

/** What localStorage holds: the public key in the clear, the secret key only encrypted. */
export const storedSchema = z.object({
  version: z.literal(1),
  publicKeyHex: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  origin: z.enum(['imported', 'generated']),
  createdAt: z.string(),
  keystore: keystoreSchema,
});
export type Stored = z.infer<typeof storedSchema>;
