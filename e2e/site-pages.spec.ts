import { expect, test } from '@playwright/test';
import { encodeAddress } from '@ratify/aleo';
import { E2E } from '../playwright.config';
import { pageIn, settled } from './site-checks';
import { type Stack, startStack } from './stack';

// The demo scenario at 1 s blocks: the past proposal (rejected; votes at 4-8, a late one at
// 14) and the proposal in voting (submitted at 22; votes at 26, 31, …, 56; voting ends at
// 264, activation at 324). Once its votes are in: governors 3 Yes of 5 (governor-3 changed
// No to Yes, governor-4 No, the demo account not voted), public validators 1 Yes of 2.
// The file name sorts after proposal-live (which needs the scenario's votes still
// arriving); when the shared stack's vote has closed by the time this runs, it plays its own.
test.describe.configure({ mode: 'serial' });

const OWN_PORTS = { web: 3486, indexer: 3586, devnet: 3420, pg: 54383 };
// About 30 s of tests: the demo proposal must stay in voting that long.
const MIN_BLOCKS_LEFT = 60;
let web = `http://127.0.0.1:${E2E.web}`;
let own: Stack | undefined;

async function blocksLeft(base: string): Promise<number> {
  type Summary = { phase: string; votingEndsHeight: number; indexedHeight: number };
  for (let i = 0; i < 60; i++) {
    const { proposals } = (await (await fetch(`${base}/api/v1/proposals`)).json()) as {
      proposals: Summary[];
    };
    const voting = proposals.find((p) => p.phase === 'voting');
    if (voting) return voting.votingEndsHeight - voting.indexedHeight;
    if (proposals.length >= 2) return 0;
    await new Promise((r) => setTimeout(r, 500));
  }
  return 0;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if ((await blocksLeft(web)) >= MIN_BLOCKS_LEFT) return;
  // The specs before this one took the shared stack past its vote: play a fresh demo.
  own = await startStack('demo', OWN_PORTS, 1000);
  web = own.web;
});

test.afterAll(async () => {
  await own?.stop();
});

test('the overview shows each chain, the proposal in voting and the next activation', async ({
  page,
}) => {
  await page.goto(`${web}/`);
  const chains = page.getByTestId('overview-chains').getByTestId('chain-row');
  await expect(chains).toHaveCount(2, { timeout: 60_000 });
  await expect(chains.nth(0)).toContainText('Alpha');
  await expect(chains.nth(1)).toContainText('Delta');
  await expect(chains.getByTestId('production').first()).toHaveText('producing');
  const card = page.getByTestId('proposal-row').filter({ hasText: 'Voting' });
  await expect(card).toHaveCount(1, { timeout: 60_000 });
  // The last scenario vote is at height 56; then the tally stays.
  await expect(card.getByTestId('overview-governors-yes')).toHaveText('3 of 5', {
    timeout: 60_000,
  });
  await expect(card).toContainText('1 of 2');
  await expect(card.getByTestId('overview-approval')).toHaveText(
    'Not approved yet: needs 1 more governor Yes vote.',
  );
  await expect(page.getByTestId('next-activation')).toContainText('Activation · height 324');
  await expect(page.getByTestId('next-activation')).toContainText(/in about|blocks to go/);
});

test('the proposals list filters, searches, pages, keeps its state in the URL and refuses bad values', async ({
  page,
}) => {
  await page.goto(`${web}/proposals`);
  const rows = page.getByTestId('proposal-row');
  await expect(rows).toHaveCount(2, { timeout: 60_000 });

  await page.getByTestId('phase-filter').selectOption('rejected');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/proposals\?q=&phase=rejected&sort=newest$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('phase')).toHaveText('Rejected');
  const pastId = (await rows.getByTestId('proposal-link').getAttribute('title')) ?? '';
  expect(pastId).toMatch(/^\d+$/);

  // A shared link shows the same view.
  await page.goto(`${web}/proposals?phase=voting`);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('phase')).toHaveText('Voting');
  const proposer = (await rows.getByTestId('address-link').getAttribute('title')) ?? '';

  await page.goto(`${web}/proposals`);
  await page.getByTestId('proposal-search').fill(pastId.slice(2, 14));
  await page.getByTestId('proposal-search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${pastId.slice(2, 14)}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('proposal-link')).toHaveAttribute('title', pastId);

  await page.goto(`${web}/proposals?q=${proposer}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('phase')).toHaveText('Voting');
  await page.goto(`${web}/proposals?q=nothing-like-this`);
  await expect(page.getByTestId('no-proposals')).toHaveText('No proposal matches this filter.');

  await page.goto(`${web}/proposals?per=1&sort=oldest`);
  await expect(page.getByTestId('proposal-count')).toHaveText('1–1 of 2 proposals');
  await expect(rows.getByTestId('proposal-link')).toHaveAttribute('title', pastId);
  await page.getByTestId('pager').getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('proposal-count')).toHaveText('2–2 of 2 proposals');
  await expect(rows.getByTestId('phase')).toHaveText('Voting');

  const bad = await page.goto(`${web}/proposals?phase=bogus&page=0`);
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId('search-error')).toHaveText(
    "This link's filter is not valid: phase must be one of voting, approved, activating, split, delta_upgraded, rejected, invalid, halted; page must be at least 1.",
  );
});

test('a voter links to its validator page: role, stake, every vote and its authoring', async ({
  page,
}) => {
  await page.goto(`${web}/proposals?phase=voting`);
  await page.getByTestId('proposal-row').getByTestId('proposal-link').click();
  const votes = page.getByTestId('votes');
  // governor-3 voted No at 36, then Yes at 51: its No is the replaced row.
  const replaced = votes.getByRole('row').filter({ hasText: 'replaced' });
  await expect(replaced).toHaveCount(1, { timeout: 60_000 });
  const address = (await replaced.getByTestId('address-link').getAttribute('title')) ?? '';
  await replaced.getByTestId('address-link').click();
  await expect(page).toHaveURL(new RegExp(`/validators/${address}$`));
  await expect(page.getByTestId('validator-address')).toHaveText(address);
  await expect(page.getByTestId('validator-role')).toHaveText('Governor');
  await expect(page.getByTestId('roles')).toContainText('10,000,000 credits');
  const mine = page.getByTestId('validator-vote');
  await expect(mine).toHaveCount(3);
  // Newest first: Yes at 51 (counted), No at 36 (replaced), No at 6 on the past proposal.
  await expect(mine.nth(0)).toContainText('yes');
  await expect(mine.nth(0)).toContainText('counted');
  await expect(mine.nth(0)).toContainText('51');
  await expect(mine.nth(1)).toContainText('replaced');
  await expect(mine.nth(1)).toContainText('36');
  await expect(mine.nth(2)).toContainText('counted');
  await expect(mine.nth(2)).toContainText('6');
  await expect(page.getByTestId('side-row')).toHaveCount(2);
  await expect(page.getByTestId('side-row').first()).toContainText('no split: not approved');
  const authoring = page.getByTestId('authoring-row');
  await expect(authoring.first()).toBeVisible();
  await expect(authoring.filter({ hasText: 'Alpha canary' })).toHaveCount(1);

  // The past proposal: public-2's late vote was included and rejected by the chain.
  await page.goto(`${web}/proposals?phase=rejected`);
  await page.getByTestId('proposal-row').getByTestId('proposal-link').click();
  const rejected = page.getByTestId('votes').getByRole('row').filter({ hasText: 'rejected' });
  await expect(rejected).toHaveCount(1, { timeout: 30_000 });
  await rejected.getByTestId('address-link').click();
  await expect(page.getByTestId('validator-role')).toHaveText('Public validator');
  await expect(
    page.getByTestId('validator-vote').filter({ hasText: 'rejected by the chain' }),
  ).toHaveCount(1);
});

test('an unknown page, proposal or validator is a 404 that says so', async ({ page }) => {
  const cases: [string, string][] = [
    ['/no-such-page', 'There is nothing at this address: no such page, proposal or validator.'],
    ['/proposals/12345', 'No proposal 12345field is indexed on any chain.'],
    [
      '/proposals/not-an-id',
      'A proposal id is a decimal field value, optionally ending in "field".',
    ],
    [
      '/validators/not-an-address',
      '"not-an-address" is not a validator address: it is not valid bech32m.',
    ],
  ];
  const unseen = encodeAddress(new Uint8Array(32).fill(7), 'ax');
  cases.push([
    `/validators/${unseen}`,
    `No indexed chain has seen ${unseen}: it has cast no vote, led or authored no block, and sits in no governor set or committee.`,
  ]);
  for (const [path, reason] of cases) {
    const response = await page.goto(`${web}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId('not-found-reason')).toHaveText(reason);
  }
});

test('the Atom feed has an entry per proposal, linking to its page', async ({ page, request }) => {
  const res = await request.get(`${web}/feed.xml`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await res.text();
  const { proposals } = (await (await request.get(`${web}/api/v1/proposals`)).json()) as {
    proposals: { proposalId: string; phase: string }[];
  };
  expect(proposals).toHaveLength(2);
  await page.goto(`${web}/`);
  // Parsed by the browser's own XML parser, as a feed reader would.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror'))
      return { error: doc.querySelector('parsererror')?.textContent };
    return {
      root: doc.documentElement.namespaceURI,
      entries: [...doc.querySelectorAll('entry')].map((e) => ({
        id: e.querySelector('id')?.textContent ?? '',
        title: e.querySelector('title')?.textContent ?? '',
        link: e.querySelector('link')?.getAttribute('href') ?? '',
      })),
    };
  }, xml);
  expect(parsed.error).toBeUndefined();
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
  for (const p of proposals) {
    // Alerts about a proposal link to its page too; a proposal's own entry has that page as id.
    const entry = parsed.entries?.find((e) => e.id.endsWith(`/proposals/${p.proposalId}`));
    expect(entry, p.proposalId).toBeDefined();
    expect(entry?.title).toContain(`Proposal ${p.proposalId}field`);
    expect(entry?.title).toContain(p.phase);
    expect(entry?.link).toBe(entry?.id);
  }
});

test('the theme follows the system, the toggle is remembered, and no page flashes the wrong theme', async ({
  browser,
}) => {
  const page = await pageIn(browser, web, 'dark');
  // Records the theme when the document is parsed, before any of the app's scripts run.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        (window as unknown as { themeAtParse: boolean }).themeAtParse =
          document.documentElement.classList.contains('dark');
      }
    });
  });
  const themeAtParse = () =>
    page.evaluate(() => (window as unknown as { themeAtParse: boolean }).themeAtParse);
  const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  await page.goto(`${web}/proposals`);
  await settled(page);
  expect(await themeAtParse()).toBe(true);
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  expect(await dark()).toBe(false);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Remembered over the system's dark setting, from the first parse of the next page.
  await page.goto(`${web}/`);
  expect(await themeAtParse()).toBe(false);
  expect(await dark()).toBe(false);
  // Keyboard: the toggle is reachable and its focus is visible.
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await dark()).toBe(true);
  const outline = await toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.context().close();
});
