import { z } from 'zod';

/** Run-time faults of one node, switchable through `POST /devnet/faults`. */
export const faultsSchema = z.object({
  /** Added to every response. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Fraction of requests answered with a 500. */
  errorRate: z.number().min(0).max(1),
  /** Fraction of responses cut off mid-body (the connection drops). */
  truncateRate: z.number().min(0).max(1),
  /** Fraction of responses whose JSON is syntactically broken. */
  malformedRate: z.number().min(0).max(1),
  /** Per client IP; `legacy` answers HTTP 200 with a text body, `modern` answers 429. */
  rateLimit: z
    .object({ mode: z.enum(['legacy', 'modern']), perSecond: z.number().int().positive() })
    .nullable(),
  /** How errors look: `legacy` 500 + text, `modern` status + JSON. */
  errorStyle: z.enum(['modern', 'legacy']),
  /** The genesis routes name another block's hash, as a node of another chain would. */
  otherGenesis: z.boolean(),
});
export type Faults = z.infer<typeof faultsSchema>;
export const faultsPatchSchema = faultsSchema.partial().strict();

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  errorRate: 0,
  truncateRate: 0,
  malformedRate: 0,
  rateLimit: null,
  errorStyle: 'modern',
  otherGenesis: false,
};

/** A fixed-window limiter per client IP, as the upstream governor counts a second. */
export function createRateLimiter() {
  const windows = new Map<string, { second: number; count: number }>();
  return (ip: string, perSecond: number, nowMs: number): number | null => {
    const second = Math.floor(nowMs / 1000);
    const w = windows.get(ip);
    if (!w || w.second !== second) {
      windows.set(ip, { second, count: 1 });
      return null;
    }
    w.count += 1;
    return w.count > perSecond ? 1 : null;
  };
}

/** Breaks a JSON body so a parser must fail on it while the start still looks plausible. */
export const malform = (body: string): string =>
  `${body.slice(0, Math.max(1, Math.floor(body.length * 0.7)))},}`;
