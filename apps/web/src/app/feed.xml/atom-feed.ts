import type { Alert, FeedProposal } from '@ratify/api/read-models';
import { Feed } from 'feed';

const NETWORKS: Record<number, string> = { 0: 'mainnet', 1: 'testnet', 2: 'canary' };
const network = (id: number) => NETWORKS[id] ?? `network ${id}`;

/**
 * The library puts titles and contents in CDATA marked `type="html"`, so a reader renders
 * them as HTML: every value is escaped to text first. This also keeps a `]]>` in a value
 * from closing the CDATA section.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * XML 1.0 has no escape for most control characters: one in a value (an alert message, a
 * node's error) would make the whole feed unreadable, so they are dropped.
 */
const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const dropXmlIllegal = (xml: string) => xml.replace(XML_ILLEGAL, '');

export type AtomInput = {
  origin: string;
  now: Date;
  proposals: FeedProposal[];
  alerts: Alert[];
};

/** The Atom feed of every proposal and of the latest alert events. */
export function atomFeed({ origin, now, proposals, alerts }: AtomInput): string {
  const dates = [
    ...proposals.flatMap((p) => (p.updatedAt ? [p.updatedAt * 1000] : [])),
    ...alerts.map((a) => Date.parse(a.clearedAt ?? a.raisedAt)),
  ];
  const feed = new Feed({
    title: 'Ratify: network upgrade proposals and alerts',
    id: `${origin}/`,
    link: `${origin}/`,
    feedLinks: { atom: `${origin}/feed.xml` },
    updated: dates.length === 0 ? now : new Date(Math.max(...dates)),
    generator: 'Ratify',
    copyright: 'Chain data, public',
  });
  for (const a of alerts) {
    const severity = a.severity.charAt(0).toUpperCase() + a.severity.slice(1);
    feed.addItem({
      title: escapeHtml(`${severity}${a.clearedAt ? ' (cleared)' : ''}: ${a.message}`),
      // One entry per event: the same condition raised again is a new entry.
      id: `urn:ratify:alert:${encodeURIComponent(a.key)}:${encodeURIComponent(a.raisedAt)}`,
      link: new URL(a.href, origin).toString(),
      date: new Date(a.clearedAt ?? a.raisedAt),
      published: new Date(a.raisedAt),
      content: escapeHtml(
        `${a.message}${a.height !== null ? ` (height ${a.height})` : ''}; raised ${a.raisedAt}${a.clearedAt ? `, cleared ${a.clearedAt}` : ''}.`,
      ),
    });
  }
  for (const p of proposals) {
    const upgrade = `${p.chain} ${network(p.sourceNetwork)} → ${network(p.targetNetwork)}`;
    const tally = `governors ${p.governors.yes} Yes, ${p.governors.no} No, ${p.governors.abstain} Abstain of ${p.governors.size}; public validators ${p.public.yes} Yes of ${p.public.size}`;
    const link = `${origin}/proposals/${p.proposalId}`;
    feed.addItem({
      title: escapeHtml(`Proposal ${p.proposalId}field (${upgrade}): ${p.phase.replace('_', ' ')}`),
      id: link,
      link,
      date: new Date((p.updatedAt ?? now.getTime() / 1000) * 1000),
      published: p.submittedAt ? new Date(p.submittedAt * 1000) : undefined,
      // Plain XML text (not html): the XML writer escapes it.
      author: [{ name: p.proposer }],
      content: escapeHtml(
        `Submitted at height ${p.createdAtHeight} by ${p.proposer}; voting ends at ${p.votingEndsHeight}, activation at ${p.activationHeight}. Tally: ${tally}.`,
      ),
    });
  }
  return dropXmlIllegal(feed.atom1());
}
