import type { Alert, FeedProposal } from '@ratify/api/read-models';
import { describe, expect, it } from 'vitest';
import { atomFeed, dropXmlIllegal, escapeHtml } from './atom-feed';

const proposal = (over: Partial<FeedProposal> = {}): FeedProposal => ({
  chainNetworkId: 'alpha:2:ab1x',
  chain: 'alpha',
  networkId: 2,
  proposalId: '1234',
  proposer: 'ax1proposer',
  sourceNetwork: 2,
  targetNetwork: 1,
  createdAtHeight: 22,
  votingEndsHeight: 264,
  activationHeight: 324,
  indexedHeight: 100,
  phase: 'voting',
  approved: false,
  governors: { size: 5, yes: 3, no: 1, abstain: 0 },
  public: { size: 2, yes: 1, no: 0, abstain: 1 },
  submittedAt: 1_700_000_000,
  updatedAt: 1_700_000_100,
  ...over,
});

const now = new Date('2026-12-01T12:00:00Z');

const alert = (over: Partial<Alert> = {}): Alert => ({
  key: 'stalled:alpha:2',
  code: 'stalled',
  severity: 'critical',
  message: 'alpha stalled',
  href: '/chains',
  chainNetworkId: 'alpha:2:ab1x',
  height: 90,
  raisedAt: '2026-11-30T10:00:00.000Z',
  clearedAt: '2026-11-30T10:05:00.000Z',
  ...over,
});
const entries = (xml: string) => xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];

describe('atomFeed', () => {
  it('has one entry per proposal and per alert, with links on the given origin', () => {
    const xml = atomFeed({
      origin: 'http://127.0.0.1:3000',
      now,
      proposals: [proposal(), proposal({ proposalId: '99', phase: 'rejected', updatedAt: null })],
      alerts: [alert()],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(entries(xml)).toHaveLength(3);
    expect(xml).toContain('<link href="http://127.0.0.1:3000/proposals/1234"/>');
    expect(xml).toContain('<id>http://127.0.0.1:3000/proposals/99</id>');
    expect(xml).toContain('<link href="http://127.0.0.1:3000/chains"/>');
    expect(xml).toContain('<updated>2023-11-14T22:15:00.000Z</updated>');
    // The feed is as new as its newest entry: here the alert's clearing.
    expect(xml.split('<entry>')[0]).toContain('<updated>2026-11-30T10:05:00.000Z</updated>');
    expect(xml).toContain('Critical (cleared): alpha stalled');
    expect(xml).toContain(
      '<id>urn:ratify:alert:stalled%3Aalpha%3A2:2026-11-30T10%3A00%3A00.000Z</id>',
    );
    expect(xml).toContain('Proposal 1234field (alpha canary → testnet): voting');
  });

  it('keeps markup in chain values as text, and a CDATA end inside a value harmless', () => {
    const hostile = '<script>alert(1)</script>]]><img src=x onerror=alert(2)>&amp;';
    const xml = atomFeed({
      origin: 'http://127.0.0.1:3000',
      now,
      proposals: [proposal({ proposer: hostile })],
      alerts: [alert({ severity: 'warning', code: 'defectors', message: hostile, href: '/split' })],
    });
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    // The only CDATA ends are the library's own, one per section it opened.
    expect(xml.split(']]>').length).toBe(xml.split('<![CDATA[').length);
    expect(xml).toContain(escapeHtml(hostile));
    // The author name is plain XML text, escaped by the writer.
    expect(xml).toContain('<name>&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&lt;img');
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('drops the characters XML cannot carry, keeps the rest (a bidi override included)', () => {
    expect(dropXmlIllegal('a\u0000b\u0007c\u001bd\te\nf\u202eg\ud83d\ude00h\ud800i\uffff')).toBe(
      'abcd\te\nf\u202eg\ud83d\ude00hi',
    );
  });
});
