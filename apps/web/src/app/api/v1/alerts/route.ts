import { z } from 'zod';
import { api, errorResponse, jsonResponse } from '@/server/public-api';

export const dynamic = 'force-dynamic';

// Plain decimal digits only: `Number()` would also take `0x10`, `1e2` and blanks.
const query = z.object({
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, 'limit is between 1 and 500')
    .transform(Number)
    .pipe(z.number().min(1, 'limit is between 1 and 500').max(500, 'limit is between 1 and 500'))
    .default(50),
});

/**
 * For monitoring systems: `alerts` are exactly what the banner shows (the recorded events
 * still holding), `events` the recorded history the webhooks were sent, newest first.
 */
export async function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse(400, parsed.error.issues[0]?.message ?? 'bad query');
  const caller = api();
  const [alerts, events] = await Promise.all([
    caller.alerts.list(),
    caller.alerts.history({ limit: parsed.data.limit }),
  ]);
  return jsonResponse({ alerts, events });
}
