import type { z } from 'zod';
import { z as zod } from 'zod';

export const port = zod.coerce
  .number({ error: 'a port is a number' })
  .int('a port is a whole number')
  .min(1, 'a port is between 1 and 65535')
  .max(65535, 'a port is between 1 and 65535');

/** Parses a command's flags once; a bad flag ends the command with a one-line message and exit 2. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const flag = issue.path
        .map((p) => `--${String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)
        .join(' ');
      console.error(`ratify: ${flag}: ${issue.message}`);
    }
    process.exit(2);
  }
  return parsed.data;
}

/** A comma-separated list of node base URLs, as ALPHA_NODES and DELTA_NODES take. */
export { nodeUrlList as nodeUrls } from '@ratify/indexer';

/** Asks a yes/no question on the terminal; anything but y/yes is no. */
export async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
