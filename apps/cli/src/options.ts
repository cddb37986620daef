import type { z } from 'zod';
import { z as zod } from 'zod';

export const port = zod.coerce
  .number({ error: 'a port is a number' })
  .int('a port is a whole number')
  .min(1, 'a port is between 1 and 65535')
  .max(65535, 'a port is between 1 and 65535');

/** Parses a command's flags once; a bad flag ends the command with a one-line message. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const flag = issue.path
        .map((p) => `--${String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)
        .join(' ');
      console.error(`ratify: ${flag}: ${issue.message}`);
    }
    process.exit(1);
  }
  return parsed.data;
}
