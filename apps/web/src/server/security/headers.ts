import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from '../../components/site/theme-script';

/** The one inline script written by hand; allowed by its hash, whatever the nonce. */
const THEME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}'`;

/**
 * The policy for pages. Scripts: only those Next.js tags with this request's nonce, and what
 * they load ('strict-dynamic'); no eval outside development (React uses it there for error
 * stacks). Styles allow inline: React renders `style` attributes, and a nonce cannot cover
 * those.
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${THEME_SCRIPT_HASH} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Data and assets (JSON, CSV, the feed, scripts) never need to run or embed anything. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every response, page or not. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** Paths answered with data or static files rather than a rendered page. */
export const isDataPath = (pathname: string) =>
  pathname.startsWith('/api/') ||
  pathname.startsWith('/_next/static/') ||
  /\.(xml|ics|csv|json|txt|ico|png|svg|webmanifest)$/.test(pathname);

/** A fresh, unguessable nonce per request (128 random bits). */
export const newNonce = () =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
