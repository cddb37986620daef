import { expect, type Page, test } from '@playwright/test';
import { PHONE, pageIn, SCREENSHOTS, scrollWidth, seriousViolations, settled } from './site-checks';

// Every page in both themes and on a phone: no serious or critical axe violation, no
// sideways scrolling at 390 px, and screenshots of each kept under test-results/. One
// load per page, switched from light to dark through the system setting and then narrowed,
// to keep the run short. It reads whatever phase the demo is in, so it may run at any time.
let proposal = '';
let validator = '';

test.beforeAll(async ({ request }) => {
  for (let i = 0; i < 120 && !validator; i++) {
    const { proposals } = (await (await request.get('/api/v1/proposals')).json()) as {
      proposals: { proposalId: string }[];
    };
    proposal = proposals[0]?.proposalId ?? '';
    if (proposal) {
      const { votes } = (await (await request.get(`/api/v1/proposals/${proposal}`)).json()) as {
        votes: { voter: string }[];
      };
      validator = votes[0]?.voter ?? '';
    }
    if (!validator) await new Promise((r) => setTimeout(r, 500));
  }
  expect(validator).toMatch(/^ax1/);
});

const pages: [name: string, path: () => string][] = [
  ['overview', () => '/'],
  ['proposals', () => '/proposals'],
  ['proposals-filtered', () => '/proposals?phase=voting&sort=oldest'],
  ['proposals-bad-filter', () => '/proposals?phase=bogus'],
  ['proposal', () => `/proposals/${proposal}`],
  ['validator', () => `/validators/${validator}`],
  ['chains', () => '/chains'],
  ['split', () => '/split'],
  ['wallet', () => '/wallet'],
  ['not-found', () => '/no-such-page'],
  ['proposal-not-found', () => '/proposals/12345'],
  ['validator-not-found', () => '/validators/not-an-address'],
];

const isDark = (page: Page) =>
  page.evaluate(() => document.documentElement.classList.contains('dark'));

for (const [name, path] of pages) {
  test(`${name}: both themes pass axe, and it fits a 390 px phone`, async ({
    browser,
    baseURL,
  }) => {
    const page = await pageIn(browser, baseURL, 'light');
    await page.goto(path());
    await settled(page);
    expect(await isDark(page)).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-light.png`, fullPage: true });
    expect(await seriousViolations(page), 'light').toEqual([]);

    // No stored choice: the page follows the system setting as it changes.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => isDark(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png`, fullPage: true });
    expect(await seriousViolations(page), 'dark').toEqual([]);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(PHONE);
    await expect.poll(() => isDark(page)).toBe(false);
    const width = await scrollWidth(page);
    console.log(`scrollWidth at 390 px, ${name}: ${width}`);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: true });
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
}
