import { frontHook } from '@/front/hook';
import { getDb } from '@/server/db';
import { liveIndex } from '@/server/notifications';

export const dynamic = 'force-dynamic';

// A health check must answer within its own timeout, not postgres.js's 30 s connect timeout.
const TIMEOUT_MS = 3_000;

/**
 * 200 when the dashboard can query its database; 503 with the reason otherwise. Also whether
 * live updates flow, and the response cache's counters (absent under `next dev`, which runs
 * without it).
 */
export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$client`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)),
          TIMEOUT_MS,
        );
      }),
    ]);
    const responseCache = frontHook().stats?.();
    // Whether commits reach this server over LISTEN (pages are pushed) or it reads the
    // checkpoints per request meanwhile (pages are right, not pushed).
    const live = liveIndex().live();
    return Response.json(
      { status: 'ok', live, ...(responseCache ? { responseCache } : {}) },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return Response.json(
      { status: 'unavailable', error: `database unreachable: ${reason}` },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  } finally {
    clearTimeout(timer);
  }
}
