import { DEFAULT_SCHEMA, schemaNameSchema } from '@ratify/db';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (the launcher sets it)'),
  DATABASE_SCHEMA: schemaNameSchema.default(DEFAULT_SCHEMA),
  // Alpha nodes that signed votes are relayed to, in order of preference; none: no relaying.
  ALPHA_NODES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u.length > 0),
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^https?$/,
          error: 'ALPHA_NODES holds http(s) node URLs, comma-separated',
        }),
      ),
    ),
  ALPHA_HRP: z
    .string()
    .regex(/^[a-z]{1,83}$/, 'ALPHA_HRP is lowercase letters')
    .default('ax'),
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
