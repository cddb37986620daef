import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** Shows the page in a theme: the system preference, and the `dark` class the toggle sets. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((dark) => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, theme === 'dark');
}

/** No serious or critical axe violation; the list of them is the failure message. */
export async function expectAxeClean(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** The page scrolls only vertically: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

export type ScriptLoad = { url: string; gzipBytes: number; prefetch: boolean };

/**
 * Every script the page loads, with its gzipped size. Chunks fetched ahead for the routes
 * that links point to are marked: they are the next page's, not this one's.
 */
export function collectScripts(page: Page): () => Promise<ScriptLoad[]> {
  const pending: Promise<ScriptLoad>[] = [];
  page.on('response', (res) => {
    const req = res.request();
    if (req.resourceType() !== 'script' && !req.url().endsWith('.js')) return;
    const headers = req.headers();
    const prefetch = headers.purpose === 'prefetch' || headers['sec-purpose'] === 'prefetch';
    pending.push(
      res
        .body()
        .then((b) => ({ url: req.url(), gzipBytes: gzipSync(b, { level: 9 }).length, prefetch }))
        .catch(() => ({ url: req.url(), gzipBytes: 0, prefetch })),
    );
  });
  return () => Promise.all(pending);
}
