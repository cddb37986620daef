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

/** Sums the gzipped size of every script the page loads from its own origin. */
export function collectScriptBytes(
  page: Page,
): () => Promise<{ files: number; gzipBytes: number }> {
  const pending: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      res
        .body()
        .then((b) => gzipSync(b, { level: 9 }).length)
        .catch(() => 0),
    );
  });
  return async () => {
    const sizes = await Promise.all(pending);
    return { files: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0) };
  };
}
