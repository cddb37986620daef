import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/**
 * How many reverse proxies stand in front of the dashboard (`TRUST_PROXY_HOPS`). Each appends
 * the address it was reached from to X-Forwarded-For, so the client is the entry that many
 * places from the right of those entries followed by the socket's own address; anything further
 * left was written by the client and proves nothing. With none (the default) the socket's
 * address is the client, whatever the request says.
 */
export const trustProxyHopsSchema = z.coerce
  .number({ error: 'TRUST_PROXY_HOPS is a whole number of proxies (0 when none)' })
  .int('TRUST_PROXY_HOPS is a whole number of proxies (0 when none)')
  .min(0, 'TRUST_PROXY_HOPS is a whole number of proxies (0 when none)')
  .max(10, 'TRUST_PROXY_HOPS is at most 10')
  .default(0);

export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const chain = [
    ...(Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? 'unknown',
  ];
  // With more hops configured than the request went through, the leftmost is as far as trust goes.
  return chain[Math.max(0, chain.length - 1 - hops)] ?? 'unknown';
}

/** Rewrites X-Forwarded-For to the one address the dashboard takes as the client's. */
export function settleClientAddress(req: IncomingMessage, hops: number): void {
  req.headers['x-forwarded-for'] = clientAddress(
    req.headers['x-forwarded-for'],
    req.socket.remoteAddress,
    hops,
  );
}
