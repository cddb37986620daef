import { type Browser, chromium, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { type Spread, spread } from './sse';

/**
 * The vote count a reader sees on a proposal page: the rows of its vote log
 * (`[data-testid="votes"]`), one per vote transition, the same number as the log's heading
 * "Vote transactions (N)". The tally cards do not serve: a vote that replaces an earlier one
 * leaves them as they were.
 */
const COUNT_SELECTOR = '[data-testid="votes"]';

/**
 * Records each change of the count with the time the DOM showed it. A string, so the
 * bench's transpiler adds no helpers the page does not have.
 */
const OBSERVE = `(() => {
  window.__voteCounts = [];
  const read = () => document.querySelector(${JSON.stringify(COUNT_SELECTOR)})?.childElementCount ?? -1;
  let last = read();
  new MutationObserver(() => {
    const n = read();
    if (n === last) return;
    last = n;
    window.__voteCounts.push([n, Date.now()]);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  return last;
})()`;
const COUNTS = 'window.__voteCounts';

export type ProposalPage = {
  /** Vote rows shown when the page had loaded. */
  initialCount: number;
  /** Script responses of the page's load: count and body bytes as sent (encoded). */
  scripts: { files: number; bytes: number; encodings: string[]; paths: string[] };
  /** From each commit's start to the first DOM change that showed its vote. */
  measure: (commits: { startedAt: number; count: number }[]) => Promise<{
    updated: number;
    latency: Spread;
  }>;
  close: () => Promise<void>;
};

/** Chromium as the end-to-end tests launch it, on one proposal page. */
export async function openProposalPage(url: string): Promise<ProposalPage> {
  const launch = config.use?.launchOptions ?? {};
  const browser: Browser = await chromium.launch({ ...launch, headless: true });
  try {
    const page: Page = await browser.newPage();
    const scripts: Promise<{ path: string; bytes: number; encoding: string }>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      scripts.push(
        r
          .request()
          .sizes()
          .then((s) => ({
            path: new URL(r.url()).pathname,
            bytes: s.responseBodySize,
            encoding: r.headers()['content-encoding'] ?? 'identity',
          }))
          .catch(() => ({ path: new URL(r.url()).pathname, bytes: 0, encoding: 'unknown' })),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector(`${COUNT_SELECTOR} tr`, { timeout: 60_000 });
    // Chunks loaded after `load` (hydration, lazy components) count as sent too.
    await page.waitForTimeout(1_500);
    const sent = await Promise.all(scripts);
    const initialCount = (await page.evaluate(OBSERVE)) as number;
    return {
      initialCount,
      scripts: {
        files: sent.length,
        bytes: sent.reduce((n, s) => n + s.bytes, 0),
        encodings: [...new Set(sent.map((s) => s.encoding))].sort(),
        paths: sent.map((s) => s.path),
      },
      measure: async (commits) => {
        const last = commits[commits.length - 1];
        // Wait (up to 15 s) for the last commit's vote to show.
        const deadline = Date.now() + 15_000;
        let seen: [number, number][] = [];
        for (;;) {
          seen = (await page.evaluate(COUNTS)) as [number, number][];
          if (!last || seen.some(([n]) => n >= last.count) || Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        const latencies: number[] = [];
        for (const c of commits) {
          const shown = seen.find(([n]) => n >= c.count);
          if (shown) latencies.push(shown[1] - c.startedAt);
        }
        return { updated: latencies.length, latency: spread(latencies) };
      },
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}
