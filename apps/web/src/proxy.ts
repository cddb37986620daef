import { type NextRequest, NextResponse } from 'next/server';
import {
  COMMON_HEADERS,
  DATA_POLICY,
  isDataPath,
  newNonce,
  pagePolicy,
} from '@/server/security/headers';

/**
 * Security headers on every response. A page gets a policy with a fresh nonce: Next.js reads
 * it from the request's Content-Security-Policy header and puts it on the scripts it renders
 * (pages are rendered per request for this; see the root layout).
 */
export function proxy(request: NextRequest) {
  const data = isDataPath(request.nextUrl.pathname);
  const policy = data
    ? DATA_POLICY
    : pagePolicy(newNonce(), process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  if (!data) headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
  return response;
}
