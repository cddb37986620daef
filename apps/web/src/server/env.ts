import { DEFAULT_VOTE_RELAY_RATE, rateSchema } from '@ratify/api';
import { DEFAULT_SCHEMA, schemaNameSchema } from '@ratify/db';
import { z } from 'zod';

/** A comma-separated list of http(s) URLs; empty entries are dropped. */
function urlList(message: string) {
  return z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u.length > 0),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: message })));
}

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (the launcher sets it)'),
  DATABASE_SCHEMA: schemaNameSchema.default(DEFAULT_SCHEMA),
  // Alpha nodes that signed votes are relayed to, in order of preference; none: no relaying.
  ALPHA_NODES: urlList('ALPHA_NODES holds http(s) node URLs, comma-separated'),
  // Governors' nodes asked for their genesis hash on /split; none: the check is not shown.
  GOVERNOR_NODES: urlList(
    'GOVERNOR_NODES holds http(s) node URLs with the network segment, comma-separated',
  ),
  ALPHA_HRP: z
    .string()
    .regex(/^[a-z]{1,83}$/, 'ALPHA_HRP is lowercase letters')
    .default('ax'),
  // Votes one client, and one voter address, may relay per window (token buckets, in memory).
  VOTE_RELAY_RATE: z
    .string()
    .default(DEFAULT_VOTE_RELAY_RATE)
    .transform((s, ctx) => {
      const rate = rateSchema.safeParse(s);
      if (rate.success) return rate.data;
      ctx.addIssue({
        code: 'custom',
        message: `VOTE_RELAY_RATE: ${rate.error.issues[0]?.message}`,
      });
      return z.NEVER;
    }),
});

/** Parsed on first use, not at build time: `next build` must not need a database. */
export function serverEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `invalid web environment: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return parsed.data;
}
