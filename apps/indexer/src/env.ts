import { DEFAULT_SCHEMA, schemaNameSchema } from '@ratify/db';
import { z } from 'zod';

export const nodeUrlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.url({ protocol: /^https?$/, error: 'node URLs are http(s) URLs, comma-separated' })),
  );

/** The indexer's whole configuration from the environment, parsed once. */
export const indexerEnvSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  DATABASE_SCHEMA: schemaNameSchema.default(DEFAULT_SCHEMA),
  ALPHA_NODES: nodeUrlList.default([]),
  DELTA_NODES: nodeUrlList.default([]),
  INDEXER_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  INDEXER_HOST: z.string().min(1).default('127.0.0.1'),
  POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
  BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  /** Starting rate per node, learned from there; `unpaced` until a node refuses. */
  NODE_REQUESTS_PER_SECOND: z
    .union([
      z.literal('unpaced').transform(() => Number.POSITIVE_INFINITY),
      z.coerce.number().min(0.1).max(10_000),
    ])
    .optional(),
  /** How long a writer's lease lasts without renewal: a standby takes over after it. */
  WRITER_LEASE_SECONDS: z.coerce.number().int().min(2).max(300).default(10),
  READY_LAG_BLOCKS: z.coerce.number().int().min(0).max(10_000).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export type IndexerEnv = z.infer<typeof indexerEnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseIndexerEnv(env: NodeJS.ProcessEnv): IndexerEnv {
  const parsed = indexerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `${i.path.filter((p) => typeof p === 'string').join('.')}: ${i.message}`,
    );
    throw new ConfigError(`invalid indexer environment: ${lines.join('; ')}`);
  }
  if (parsed.data.ALPHA_NODES.length + parsed.data.DELTA_NODES.length === 0) {
    throw new ConfigError('invalid indexer environment: set ALPHA_NODES and/or DELTA_NODES');
  }
  return parsed.data;
}
