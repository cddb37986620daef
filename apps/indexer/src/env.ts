import { z } from 'zod';

const urlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

/** The indexer's whole configuration, parsed once from the environment. */
export const indexerEnvSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  ALPHA_NODES: urlList.default([]),
  DELTA_NODES: urlList.default([]),
  INDEXER_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  INDEXER_HOST: z.string().default('127.0.0.1'),
  POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  /** Starting rate per node, learned from there; `unpaced` until a node refuses. */
  NODE_REQUESTS_PER_SECOND: z
    .union([
      z.literal('unpaced').transform(() => Number.POSITIVE_INFINITY),
      z.coerce.number().min(0.1).max(10_000),
    ])
    .optional(),
});

export type IndexerEnv = z.infer<typeof indexerEnvSchema>;

export function parseIndexerEnv(env: NodeJS.ProcessEnv): IndexerEnv {
  const parsed = indexerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid indexer environment:\n${lines.join('\n')}`);
  }
  if (parsed.data.ALPHA_NODES.length + parsed.data.DELTA_NODES.length === 0) {
    throw new Error('invalid indexer environment: set ALPHA_NODES and/or DELTA_NODES');
  }
  return parsed.data;
}
