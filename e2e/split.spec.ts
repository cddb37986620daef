import { expect, test } from '@playwright/test';
import { type Stack, startStack } from './stack';

// The upgrade design's rehearsal: 5 governors, 4 vote Yes. It runs through activation, the
// new Alpha, then Delta; the dashboard must follow all four chain-networks.
let stack: Stack;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  stack = await startStack(
    'rehearsal-4of5',
    { web: 3450, indexer: 3550, devnet: 3470, pg: 54359 },
    400,
  );
});

test.afterAll(async () => {
  await stack?.stop();
});

test('the rehearsal splits: both chains upgrade and the operators see both sides', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${stack.web}/proposals`);
  const row = page.getByTestId('proposal-row').first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.getByTestId('proposal-link').click();
  await expect(page.getByTestId('phase')).toHaveText('Upgraded: Alpha and Delta', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('governors-yes')).toHaveText('4');
  await expect(page.getByTestId('governors-no')).toHaveText('1');

  await page.goto(`${stack.web}/chains`);
  await expect(page.getByTestId('chain-row')).toHaveCount(4, { timeout: 30_000 });
  // Block production of both sides of the split, on one time axis per chain.
  const legend = page.getByTestId('production-chart-alpha').locator('.u-legend');
  await expect(legend).toContainText('testnet (new)', { timeout: 30_000 });
  await expect(legend).toContainText('canary (old)');
  await expect(page.getByTestId('production-chart-alpha').locator('canvas')).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/chains-after-split.png',
    fullPage: true,
  });

  await page.goto(`${stack.web}/split`);
  const health = page.getByTestId('split-health');
  await expect(health).toBeVisible();
  await expect(page.getByTestId('old-chain-halts')).toBeVisible();
  await expect(health.getByText('matched')).toHaveCount(3); // new Alpha, new Delta, Delta's reference
  await page.screenshot({ path: 'test-results/split.png', fullPage: true });
});
