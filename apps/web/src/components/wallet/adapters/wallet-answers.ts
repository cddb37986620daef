// zod's mini build: this runs in the browser, once a wallet of the page answers.
import * as z from 'zod/mini';

// What comes back from a wallet is another program's data: parsed like any boundary.
const schemas = {
  connect: z.object({ address: z.string().check(z.minLength(1)) }),
  executeTransaction: z.object({ transactionId: z.string().check(z.minLength(1)) }),
  status: z.object({
    status: z.string(),
    transactionId: z.optional(z.string()),
    error: z.optional(z.string()),
  }),
};

type Schemas = typeof schemas;

/** A wallet's answer to one call, in the shape the standard gives it, or an error. */
export function answer<K extends keyof Schemas>(what: K, value: unknown): z.infer<Schemas[K]> {
  const parsed = schemas[what].safeParse(value);
  if (!parsed.success) throw new Error(`the wallet answered ${what} in an unexpected shape`);
  return parsed.data as z.infer<Schemas[K]>;
}
