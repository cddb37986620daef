import { createHmac } from 'node:crypto';
import type { AlertEventRecord } from '@ratify/db';

export type AlertPayload = {
  /** Slack reads `text`, Discord reads `content`: one line for a chat channel. */
  text: string;
  content: string;
  event: {
    key: string;
    kind: string;
    severity: string;
    chainNetworkId: string | null;
    height: number | null;
    subject: string;
    message: string;
    href: string;
    details: Record<string, unknown>;
    raisedAt: string;
  };
  /** When this attempt was sent (unix seconds); the signature covers it. */
  sentAt: number;
};

const MARK = { critical: '🔴', warning: '🟠', info: '🔵' } as Record<string, string>;

/** The line a chat channel shows: severity, kind, where, what. */
export function chatLine(
  e: Pick<AlertEventRecord, 'severity' | 'kind' | 'chainNetworkId' | 'height' | 'message'>,
): string {
  const where = [
    e.chainNetworkId?.split(':').slice(0, 2).join(' network '),
    e.height !== null ? `height ${e.height}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${MARK[e.severity] ?? ''} Ratify ${e.severity} ${e.kind}${where ? ` (${where})` : ''}: ${e.message}`.trim();
}

export function alertPayload(e: AlertEventRecord, sentAt: number): AlertPayload {
  const line = chatLine(e);
  return {
    text: line,
    // Discord refuses a content longer than 2000 characters.
    content: line.length > 2000 ? `${line.slice(0, 1999)}…` : line,
    event: {
      key: e.key,
      kind: e.kind,
      severity: e.severity,
      chainNetworkId: e.chainNetworkId,
      height: e.height,
      subject: e.subject,
      message: e.message,
      href: e.href,
      details: e.details,
      raisedAt: e.raisedAt.toISOString(),
    },
    sentAt,
  };
}

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the receiver's secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
