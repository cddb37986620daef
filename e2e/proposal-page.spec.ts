import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  collectScripts,
  expectAxeClean,
  expectNoHorizontalScroll,
  type Theme,
  useTheme,
} from './page-checks';

// The demo scenario (playwright.config.ts) at one block a second: five governors, two public
// validators; votes at heights 26..56, voting ends at 264, activation at 324. Its known
// outcome: governors 3 Yes (governor-3 changed from No), 1 No, the demo account not voted;
// public 1 Yes, 1 Abstain. 3 of 5 governors is 60%, one short of the 4 that 67% needs.
const VOTING_ENDS = 264;
const ACTIVATION = 324;
const JS_BUDGET_GZIP = 250 * 1024;

let proposalId = '';

test.beforeAll(async ({ request }) => {
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/v1/proposals');
        const { proposals } = (await res.json()) as {
          proposals: { proposalId: string; phase: string; votingEndsHeight: number }[];
        };
        proposalId =
          proposals.find((p) => p.phase === 'voting' && p.votingEndsHeight === VOTING_ENDS)
            ?.proposalId ?? '';
        return proposalId;
      },
      { timeout: 90_000 },
    )
    .not.toBe('');
});

async function waitForAllDemoVotes(page: Page) {
  const counts = async () =>
    Promise.all(
      ['governors-yes', 'governors-no', 'governors-not-voted', 'public-yes', 'public-abstain'].map(
        async (id) => Number(await page.getByTestId(id).textContent()),
      ),
    );
  await expect.poll(counts, { timeout: 90_000, intervals: [1_000] }).toEqual([3, 1, 1, 1, 1]);
}

test('the proposal page, chart included, loads less than 250 KB of JavaScript gzipped', async ({
  page,
}) => {
  const scripts = collectScripts(page, '/proposals/[id]/page');
  await page.goto(`/proposals/${proposalId}`);
  await expect(page.getByTestId('tally-chart').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  const loads = await scripts();
  const own = loads.filter((s) => !s.prefetch);
  const sum = (list: typeof loads) => list.reduce((a, s) => a + s.gzipBytes, 0);
  for (const s of loads)
    console.log(
      `${String(s.gzipBytes).padStart(7)} ${s.prefetch ? 'prefetch' : 'page    '} ${s.url}`,
    );
  console.log(
    `proposal page JavaScript: ${own.length} files, ${sum(own)} bytes gzipped (${loads.length} files, ${sum(loads)} bytes with prefetches of linked routes)`,
  );
  test.info().annotations.push({ type: 'js-gzip-bytes', description: String(sum(own)) });
  expect(sum(own)).toBeLessThan(JS_BUDGET_GZIP);
});

test('the proposal page charts, lists and explains the demo tally', async ({ page }) => {
  await page.goto(`/proposals/${proposalId}`);
  await waitForAllDemoVotes(page);

  // The chart: one point at submission and one per height where the tally changed.
  const chart = page.getByTestId('tally-chart');
  await expect(chart).toHaveAttribute('data-points', '8', { timeout: 20_000 });
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('tally-summary')).toContainText(
    'governor Yes at 60% against the 67% line (4 of 5 governors), 3 governor Yes of 3 required, 1 public Yes of 1 required',
  );

  // Voters in tabs, operable with the keyboard.
  const governorsTab = page.getByRole('tab', { name: /^Governors/ });
  await expect(governorsTab).toHaveAttribute('aria-selected', 'true');
  const governorRows = page.getByTestId('governor-voters').getByRole('row');
  await expect(governorRows).toHaveCount(5);
  await expect(page.getByTestId('governor-voters').getByText('(changed once)')).toHaveCount(1);
  await governorsTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /^Public validators/ })).toBeFocused();
  await expect(page.getByTestId('public-voters').getByRole('row')).toHaveCount(2);
  await page.keyboard.press('ArrowRight');
  const notVoted = page.getByTestId('not-voted').getByRole('row');
  await expect(notVoted).toHaveCount(1);
  await expect(notVoted.first()).toContainText('governor');
  await expect(notVoted.first()).toContainText('10,000,000 credits');

  // Every vote transaction, with the change of mind.
  await expect(page.getByTestId('votes').getByRole('row')).toHaveCount(7);
  await expect(page.getByTestId('votes').getByText('changed from no')).toBeVisible();

  // The lifecycle: submitted in the past, the rest estimated.
  await expect(page.getByTestId('timeline-submitted')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('timeline-voting_ends')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByTestId('timeline-activation')).toContainText(`alpha height ${ACTIVATION}`);
  await expect(page.getByTestId('timeline-activation')).toContainText('≈');

  // What-if: the demo account's Yes is the one that decides.
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf.getByTestId('what-if-approval')).toHaveText('Would not be approved.');
  await whatIf.getByRole('button', { name: 'All Yes' }).click();
  await expect(whatIf.getByTestId('what-if-approval')).toHaveText('Would be approved.');
  await expect(whatIf.getByTestId('what-if-new-side')).toHaveText(
    'Moving to the new network: 5 validators, 77.7% of stake, a BFT quorum',
  );
  await expect(whatIf.getByTestId('what-if-old-side')).toHaveText(
    'Staying: 2 validators, 22.2% of stake; the old chain would halt',
  );
  await whatIf.getByTestId('what-if-choice').selectOption('2');
  await expect(whatIf.getByTestId('what-if-approval')).toHaveText('Would not be approved.');
  // Nothing was submitted: the real tally is unchanged.
  await expect(page.getByTestId('governors-not-voted')).toHaveText('1');

  // Height and time.
  await page.getByTestId('height-time-input').fill(String(ACTIVATION));
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.getByTestId('height-time-answer')).toContainText(
    `height ${ACTIVATION} is expected at about`,
  );
  await page.getByTestId('height-time-input').fill('soon');
  await page.getByRole('button', { name: 'Ask' }).click();
  await expect(page.getByTestId('height-time-answer')).toContainText('enter a block height');

  // A voter's address leads to its validator page.
  const link = page.getByTestId('not-voted').getByRole('link').first();
  const address = (await link.getAttribute('title')) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/validators/${address}$`));
});

/** Unfolded `NAME:value` lines of each VEVENT. */
function icsEvents(text: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of text.replace(/\r\n[ \t]/g, '').split(/\r\n/)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0] ?? ''] = line.slice(colon + 1);
    }
  }
  return events;
}

function icsTime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s) / 1000;
}

test('the calendar file has voting end and activation at the countdown estimate', async ({
  page,
}) => {
  await page.goto(`/proposals/${proposalId}`);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('calendar-link').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^proposal-\d+\.ics$/);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const [votingEnds, activation] = icsEvents(text);
  expect(votingEnds?.SUMMARY).toBe(`Voting ends: alpha height ${VOTING_ENDS}`);
  expect(activation?.SUMMARY).toBe(`Activation: alpha height ${ACTIVATION}`);
  expect(activation?.DESCRIPTION).toContain('p10-p90');
  expect(activation?.STATUS).toBe('TENTATIVE');
  // Sixty blocks apart at about one block a second.
  const gap = icsTime(activation?.DTSTART ?? '') - icsTime(votingEnds?.DTSTART ?? '');
  expect(gap).toBeGreaterThanOrEqual(45);
  expect(gap).toBeLessThanOrEqual(120);
  const now = Date.now() / 1000;
  expect(icsTime(votingEnds?.DTSTART ?? '')).toBeGreaterThan(now - 30);
  expect(icsTime(votingEnds?.DTSTART ?? '')).toBeLessThan(now + VOTING_ENDS * 3);
});

test('an unknown or malformed proposal id is a 404 page; the field suffix is accepted', async ({
  page,
}) => {
  expect((await page.goto('/proposals/123'))?.status()).toBe(404);
  expect((await page.goto('/proposals/not-a-field'))?.status()).toBe(404);
  expect((await page.goto('/proposals/-5field'))?.status()).toBe(404);
  expect((await page.goto(`/proposals/${proposalId}field`))?.status()).toBe(200);
  expect((await page.request.get('/proposals/123/calendar.ics')).status()).toBe(404);
});

const PAGES = [
  { name: 'proposal', path: () => `/proposals/${proposalId}`, ready: 'tally-chart' },
  { name: 'chains', path: () => '/chains', ready: 'production-chart-alpha' },
  { name: 'split', path: () => '/split', ready: 'genesis-agreement' },
] as const;

for (const p of PAGES) {
  test(`the ${p.name} page is axe clean in both themes and usable at 390 px`, async ({ page }) => {
    await page.goto(p.path());
    await expect(page.getByTestId(p.ready)).toBeVisible({ timeout: 30_000 });
    // The pages poll and hold a live stream open: wait for the charts, not for network idle.
    await page.waitForTimeout(1_500);
    for (const theme of ['light', 'dark'] as Theme[]) {
      await useTheme(page, theme);
      await page.waitForTimeout(300);
      await expectAxeClean(page, `${p.name} (${theme})`);
      await page.screenshot({
        path: `test-results/screenshots/${p.name}-${theme}.png`,
        fullPage: true,
      });
    }
    await useTheme(page, 'light');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screenshots/${p.name}-390.png`, fullPage: true });
    await page.getByTestId(p.ready).screenshot({
      path: `test-results/screenshots/${p.name}-390-${p.ready}.png`,
    });
    // Keyboard focus is visible: the first focusable element gets an outline.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
  });
}

test('/split shows the share of governor nodes reporting each genesis against 67%', async ({
  page,
}) => {
  await page.goto('/split');
  const panel = page.getByTestId('genesis-agreement');
  await expect(panel.getByTestId('genesis-verdict')).toContainText(
    '4 governor nodes listed; a joining node trusts a genesis that 3 of them (67%) report.',
  );
  await expect(panel.getByTestId('genesis-verdict')).toContainText('Agreed on');
  await expect(panel.getByTestId('genesis-hash')).toHaveCount(1);
  await expect(panel.getByTestId('genesis-share')).toHaveText('3 of 4 · 75.0%');
  await expect(panel.getByTestId('genesis-hash')).toContainText('the old Alpha genesis');
});

test('/chains shows each node with its lag behind the best node', async ({ page }) => {
  await page.goto('/chains');
  const rows = page.getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  // The demo's Alpha and Delta nodes each lead their chain-network.
  await expect(rows.filter({ hasText: 'Alpha canary' }).getByTestId('node-lag')).toHaveText('best');
  await expect(page.getByTestId('production-chart-alpha').locator('canvas')).toBeVisible();
});
