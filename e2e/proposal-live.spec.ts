import { expect, test } from '@playwright/test';

const bodies = ['governors', 'public'] as const;
const choices = ['yes', 'no', 'abstain'] as const;

test('the demo proposal page shows its tally changing as votes are indexed', async ({ page }) => {
  await page.goto('/');
  // The scenario submits its proposal in the first blocks; the list refreshes by itself.
  const votingRow = page.getByTestId('proposal-row').filter({ hasText: 'Voting' }).first();
  await expect(votingRow).toBeVisible({ timeout: 60_000 });
  await votingRow.getByRole('link').click();
  await expect(page.getByTestId('proposal-id')).toBeVisible();

  const readVotes = async () => {
    let total = 0;
    for (const body of bodies) {
      for (const choice of choices) {
        total += Number(await page.getByTestId(`${body}-${choice}`).textContent());
      }
    }
    return total;
  };
  const before = await readVotes();
  // New votes arrive every few blocks; the page must show them without a reload.
  await expect.poll(readVotes, { timeout: 60_000, intervals: [500] }).toBeGreaterThan(before);
  await expect(page.getByTestId('votes').getByRole('row').first()).toBeVisible();
});
