import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createDbClient, type DbClient } from '@ratify/db';
import { type EmbeddedServer, startEmbeddedPostgres } from '@ratify/db/embedded';
import { migrateDatabase } from '@ratify/db/migrate';
import { startWeb, type WebServer } from '../apps/cli/src/launch/web';
import { type Seeded, seedChain } from '../bench/web/seed';
import { expectAxeClean, useTheme } from './page-checks';

// The web benchmark's data (50 proposals, 10,000 votes, 500 validators) behind a dashboard of
// its own: lists long enough that the voter tabs and the vote log page. The dashboard is the
// build the demo stack of playwright.config.ts made.
const OWN = { web: 3491, pg: 54391 };
const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.data', 'e2e-paging');
const base = `http://127.0.0.1:${OWN.web}`;

let pg: EmbeddedServer | undefined;
let client: DbClient | undefined;
let web: WebServer | undefined;
let proposalId = '';
let chain: Seeded;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(dataDir, { recursive: true, force: true });
  pg = await startEmbeddedPostgres({ dataDir, port: OWN.pg, database: 'postgres' });
  await migrateDatabase(pg.url);
  client = createDbClient(pg.url, { max: 4 });
  chain = await seedChain(client.db, {
    proposals: 50,
    votes: 10_000,
    validators: 500,
    blocks: 2_000,
  });
  proposalId = chain.proposalIds[0] as string;
  web = await startWeb({
    root,
    host: '127.0.0.1',
    port: OWN.web,
    env: { DATABASE_URL: pg.url },
    log: () => {},
  });
});

test.afterAll(async () => {
  await web?.stop();
  await client?.close();
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first screen is small; the public JSON API still has every list', async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ proposalId }));
  const first = await request.get(`${base}/api/trpc/proposals.get?input=${input}`);
  const full = await request.get(`${base}/api/v1/proposals/${proposalId}`);
  const firstBytes = (await first.body()).length;
  const view = (await full.json()) as { votes: unknown[]; voters: { public: unknown[] } };
  console.log(
    `proposals.get ${firstBytes} bytes, /api/v1/proposals/{id} ${(await full.body()).length} bytes`,
  );
  expect(firstBytes).toBeLessThan(40 * 1024);
  expect(view.votes).toHaveLength(200);
  expect(view.voters.public).toHaveLength(450);
  const csv = await request.get(`${base}/api/v1/proposals/${proposalId}/votes.csv`);
  expect((await csv.text()).trim().split('\n')).toHaveLength(201);
});

test('voter tabs and the vote log page through their lists', async ({ page }) => {
  await page.goto(`${base}/proposals/${proposalId}`);
  const governors = page.getByTestId('governor-voters').getByRole('row');
  await expect(governors).toHaveCount(20);
  const pager = page.getByRole('navigation', { name: 'Governors pages' });
  await expect(pager).toContainText('1–20 of 50');
  const firstRow = await governors.first().textContent();
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText('21–40 of 50');
  await expect(governors.first()).not.toHaveText(firstRow ?? '');
  // The keyboard pages too, and the focus stays on the button.
  await pager.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('41–50 of 50');
  await expect(governors).toHaveCount(10);
  await expect(pager.getByRole('button', { name: 'Next' })).toBeDisabled();
  await pager.getByRole('button', { name: 'Previous' }).click();
  await expect(pager).toContainText('21–40 of 50');

  await page.getByRole('tab', { name: /^Public validators/ }).click();
  await expect(page.getByTestId('public-voters').getByRole('row')).toHaveCount(20);
  const publicPager = page.getByRole('navigation', { name: 'Public validators pages' });
  await expect(publicPager).toContainText('1–20 of 450');
  await page.getByRole('tab', { name: /^Not yet voted/ }).click();
  await expect(page.getByTestId('not-voted').getByRole('row')).toHaveCount(20);
  // Each tab keeps its own page.
  await page.getByRole('tab', { name: /^Governors/ }).click();
  await expect(pager).toContainText('21–40 of 50');

  const votes = page.getByTestId('votes').getByRole('row');
  await expect(votes).toHaveCount(25);
  const votesPager = page.getByRole('navigation', { name: 'Vote transaction pages' });
  await expect(votesPager).toContainText('1–25 of 200');
  await votesPager.getByRole('button', { name: 'Next' }).click();
  await expect(votesPager).toContainText('26–50 of 200');
  await expect(votes).toHaveCount(25);

  // The what-if panel lists who has not voted a page at a time; "All Yes" applies to all.
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf.getByTestId('what-if-choice')).toHaveCount(20);
  await whatIf.getByRole('button', { name: 'All Yes' }).click();
  await expect(whatIf.getByTestId('what-if-approval')).toHaveText('Would be approved.');
  await whatIf.getByTestId('what-if-pager').getByRole('button', { name: 'Next' }).click();
  await expect(whatIf.getByTestId('what-if-choice').first()).toHaveValue('1');

  await expectAxeClean(page, 'the proposal page with paged lists');
  const shots = 'test-results/screenshots';
  await page.screenshot({ path: `${shots}/proposal-paging.png`, fullPage: true });
  await page
    .getByRole('heading', { name: 'Voters' })
    .locator('..')
    .screenshot({ path: `${shots}/proposal-paging-voters.png` });
  await page
    .getByRole('heading', { name: /^Vote transactions/ })
    .locator('..')
    .screenshot({ path: `${shots}/proposal-paging-votes.png` });
  await whatIf.screenshot({ path: `${shots}/proposal-paging-what-if.png` });
  await useTheme(page, 'dark');
  await page.waitForTimeout(300);
  await expectAxeClean(page, 'the proposal page with paged lists (dark)');
  await page
    .getByRole('heading', { name: 'Voters' })
    .locator('..')
    .screenshot({ path: `${shots}/proposal-paging-voters-dark.png` });
});

test('the newest page of the vote log grows as votes arrive; the rows being read stay', async ({
  page,
}) => {
  await page.goto(`${base}/proposals/${proposalId}`);
  const votes = page.getByTestId('votes').getByRole('row');
  await expect(votes).toHaveCount(25);
  const pager = page.getByRole('navigation', { name: 'Vote transaction pages' });
  await expect(pager).toContainText('1–25 of 200');
  const oldestShown = await votes.last().textContent();
  // The web server hears of the commit as it would from the indexer (NOTIFY).
  const next = await chain.nextBlock(0);
  await expect(page.getByRole('heading', { name: 'Vote transactions (201)' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(votes).toHaveCount(26);
  await expect(votes.first()).toContainText(next.height.toLocaleString('en-US'));
  await expect(votes.last()).toHaveText(oldestShown ?? '');
  await expect(pager).toContainText('1–26 of 201');
  await expect(page.getByRole('heading', { name: 'Vote transactions (201)' })).toBeVisible();
  // Older pages go on from the last row shown.
  await pager.getByRole('button', { name: 'Next' }).click();
  await expect(pager).toContainText('27–51 of 201');
});
