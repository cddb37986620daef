import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';
export const PHONE = { width: 390, height: 844 } as const;
export const SCREENSHOTS = 'test-results/screenshots';

/** A page in a fresh context whose system setting is `theme` (no stored choice). */
export async function pageIn(
  browser: Browser,
  baseURL: string | undefined,
  theme: Theme,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, colorScheme: theme, viewport });
  return context.newPage();
}

/** Waits until every query on the page has answered. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 60_000 });
}

/** Serious and critical axe violations, one line each, so a failure says what and where. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
