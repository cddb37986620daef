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

test('the public JSON API serves the same proposals, their votes as CSV, and clear errors', async ({
  request,
}) => {
  const list = await request.get('/api/v1/proposals');
  expect(list.status()).toBe(200);
  const { proposals } = (await list.json()) as {
    proposals: { proposalId: string; phase: string }[];
  };
  const voting = proposals.find((p) => p.phase === 'voting');
  expect(voting).toBeDefined();

  const one = await request.get(`/api/v1/proposals/${voting?.proposalId}field`);
  expect(one.status()).toBe(200);
  expect(((await one.json()) as { proposalId: string }).proposalId).toBe(voting?.proposalId);

  const csv = await request.get(`/api/v1/proposals/${voting?.proposalId}/votes.csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\n');
  expect(lines[0]).toBe('height,voter,body,choice,status,transaction_id');
  expect(lines.length).toBeGreaterThan(1);

  const bad = await request.get('/api/v1/proposals/not-a-field');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain('decimal field value');
  expect((await request.get('/api/v1/proposals/123')).status()).toBe(404);

  const alerts = await request.get('/api/v1/alerts');
  expect(alerts.status()).toBe(200);
  expect(Array.isArray(((await alerts.json()) as { alerts: unknown[] }).alerts)).toBe(true);
});
