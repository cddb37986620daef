/**
 * What the front server (src/front/server.ts, outside the Next.js bundle) and the dashboard
 * code (inside it) share in one process: they are loaded as separate module graphs, so the
 * only common ground is a global slot.
 */
export type FrontHook = {
  /**
   * The token of the indexed state: it moves on every commit the web server learns of (NOTIFY,
   * or the checkpoints while LISTEN is down). Set by the dashboard once its live index exists.
   */
  dataToken?: () => Promise<string>;
  /** The response cache's counters, set by the front server (read by /api/health). */
  stats?: () => Record<string, number>;
};

const SLOT = Symbol.for('ratify.web.front');

export function frontHook(): FrontHook {
  const g = globalThis as unknown as Record<symbol, FrontHook | undefined>;
  g[SLOT] ??= {};
  return g[SLOT];
}
