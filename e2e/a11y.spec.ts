import { expect, test } from '@playwright/test';
import {
  PHONE,
  pageIn,
  SCREENSHOTS,
  scrollWidth,
  seriousViolations,
  settled,
  type Theme,
} from './page-checks';

// Every page, in both themes and on a phone: no serious or critical axe violation, no
// sideways scrolling at 390 px, and a screenshot of each kept under test-results/.

const pages: { name: string; path: string | (() => string) }[] = [];
let voting = '';
let validator = '';

test.beforeAll(async ({ request }) => {
  // The demo scenario's proposal in voting, and a voter found through its page.
  for (let i = 0; i < 120 && !voting; i++) {
    const { proposals } = (await (await request.get('/api/v1/proposals')).json()) as {
      proposals: { proposalId: string; phase: string }[];
    };
    voting = proposals.find((p) => p.phase === 'voting')?.proposalId ?? '';
    if (!voting) await new Promise((r) => setTimeout(r, 500));
  }
  expect(voting).not.toBe('');
  for (let i = 0; i < 120 && !validator; i++) {
    const { votes } = (await (await request.get(`/api/v1/proposals/${voting}`)).json()) as {
      votes: { voter: string }[];
    };
    validator = votes[0]?.voter ?? '';
    if (!validator) await new Promise((r) => setTimeout(r, 500));
  }
  expect(validator).toMatch(/^ax1/);
});

pages.push(
  { name: 'overview', path: '/' },
  { name: 'proposals', path: '/proposals' },
  { name: 'proposals-filtered', path: '/proposals?phase=voting&sort=oldest' },
  { name: 'proposals-bad-filter', path: '/proposals?phase=bogus' },
  { name: 'proposal', path: () => `/proposals/${voting}` },
  { name: 'validator', path: () => `/validators/${validator}` },
  { name: 'chains', path: '/chains' },
  { name: 'split', path: '/split' },
  { name: 'wallet', path: '/wallet' },
  { name: 'not-found', path: '/no-such-page' },
  { name: 'proposal-not-found', path: '/proposals/12345' },
  { name: 'validator-not-found', path: '/validators/not-an-address' },
);

for (const p of pages) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    test(`${p.name} (${theme}): axe finds nothing serious`, async ({ browser, baseURL }) => {
      const page = await pageIn(browser, baseURL, theme);
      await page.goto(typeof p.path === 'string' ? p.path : p.path());
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
        theme === 'dark',
      );
      await page.screenshot({ path: `${SCREENSHOTS}/${p.name}-${theme}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
  test(`${p.name} (phone): fits 390 px`, async ({ browser, baseURL }) => {
    const page = await pageIn(browser, baseURL, 'light', PHONE);
    await page.goto(typeof p.path === 'string' ? p.path : p.path());
    await settled(page);
    const width = await scrollWidth(page);
    console.log(`scrollWidth at 390 px, ${p.name}: ${width}`);
    await page.screenshot({ path: `${SCREENSHOTS}/${p.name}-phone.png`, fullPage: true });
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
}
