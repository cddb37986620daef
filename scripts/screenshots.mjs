// Screenshots of the dashboard's pages, to look at what a user sees:
//   node scripts/screenshots.mjs [base-url] [out-dir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/chromium.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'test-results/screenshots';
const browserPath = chromiumPath();
if (!browserPath.ok) {
  console.error(browserPath.message);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: browserPath.path,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const shoot = async (path, name) => {
  await page.goto(new URL(path, base).toString());
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  console.log(`${name}.png  ${path}`);
};
await shoot('/', 'proposals');
const link = await page
  .getByTestId('proposal-row')
  .first()
  .getByRole('link')
  .getAttribute('href')
  .catch(() => null);
if (link) await shoot(link, 'proposal');
await shoot('/chains', 'chains');
await shoot('/split', 'split');
await browser.close();
