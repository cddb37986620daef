import { expect, test } from '@playwright/test';
import { accountFromSeed, addressOf } from '@ratify/wallet';
import { E2E } from '../playwright.config';
import { type Stack, startStack } from './stack';

const PASSWORD = 'correct horse battery';
// Importing, signing, inclusion and indexing take seconds; this leaves a wide margin at 1 s blocks.
const MIN_BLOCKS_LEFT = 45;
const OWN_PORTS = { web: 3480, indexer: 3580, devnet: 3490, pg: 54379 };

let web = `http://127.0.0.1:${E2E.web}`;
let devnet = `http://127.0.0.1:${E2E.devnet}`;
let own: Stack | undefined;

/** Blocks until the demo proposal's voting closes on the stack at `base`, once it is indexed. */
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
  // The specs before this one took long enough to close the shared stack's vote: play a fresh demo.
  own = await startStack('demo', OWN_PORTS, 1000);
  web = own.web;
  devnet = `http://127.0.0.1:${OWN_PORTS.devnet}`;
});

test.afterAll(async () => {
  await own?.stop();
});

// The devnet derives each dev account from its seed ('ratify-devnet' unless told otherwise)
// and the validator's name; its admin route lists the addresses, never the keys.
async function demoKey(): Promise<string> {
  const account = accountFromSeed('ratify-devnet/demo');
  const info = (await (await fetch(`${devnet}/devnet/info`)).json()) as {
    accounts: { name: string; address: string }[];
  };
  const listed = info.accounts.find((a) => a.name === 'demo')?.address;
  expect(addressOf(account.publicKey, 'ax'), 'the derived key is the devnet demo account').toBe(
    listed,
  );
  return Array.from(account.secretKey, (b) => b.toString(16).padStart(2, '0')).join('');
}

test('a governor imports its key, votes Yes in the browser, and sees the vote counted', async ({
  page,
}) => {
  const key = await demoKey();
  await page.goto(`${web}/`);
  const votingRow = page.getByTestId('proposal-row').filter({ hasText: 'Voting' }).first();
  await expect(votingRow).toBeVisible({ timeout: 60_000 });
  await votingRow.getByRole('link').click();
  const panel = page.getByTestId('vote-panel');
  await expect(panel).toBeVisible();
  const governorYes = async () => Number(await page.getByTestId('governors-yes').textContent());
  const yesBefore = await governorYes();

  // A wrong key is explained, and what was typed stays.
  const keyField = panel.getByTestId('wallet-secret-key');
  await keyField.fill(`${key.slice(0, 60)}zz`);
  await panel.getByTestId('wallet-password').fill(PASSWORD);
  await panel.getByTestId('wallet-password-confirm').fill(PASSWORD);
  await panel.getByTestId('wallet-save').click();
  await expect(panel.getByTestId('wallet-error')).toHaveText(/^Not hex: "z" at position 61/);
  await expect(keyField).toHaveValue(`${key.slice(0, 60)}zz`);
  await keyField.fill(key);
  await panel.getByTestId('wallet-save').click();

  await expect(panel.getByTestId('vote-address')).toHaveText(/^ax1/, { timeout: 30_000 });
  await expect(panel.getByTestId('vote-role')).toHaveText('governor');
  await expect(panel.getByTestId('vote-recorded')).toHaveText(
    'No vote recorded for this account yet.',
  );
  await expect(page.getByTestId('wallet-button')).toContainText('ax1');

  await panel.getByRole('radio', { name: 'Yes' }).check();
  await expect(panel.getByTestId('vote-disabled-reason')).toHaveText(
    'Confirm the Yes commitment first.',
  );
  await panel.getByTestId('vote-commit').check();
  await panel.getByTestId('vote-submit').click();

  await expect(panel.getByTestId('vote-receipt-tx')).toHaveText(/^at1/);
  await expect(panel.getByTestId('vote-receipt-status')).toHaveText(
    /^Included at height \d+, counted\.$/,
    {
      timeout: 30_000,
    },
  );
  await expect.poll(governorYes, { timeout: 30_000 }).toBeGreaterThan(yesBefore);
  await expect(panel.getByTestId('vote-recorded')).toHaveText(
    /^Recorded vote: Yes at height \d+, counted\.$/,
  );

  // After a reload the key is locked again and the receipt is still there.
  await page.reload();
  await expect(panel.getByTestId('wallet-unlock')).toBeVisible();
  await expect(panel.getByTestId('vote-receipt-status')).toHaveText(/counted\.$/);
  await panel.getByTestId('wallet-unlock-password').fill('not the password');
  await panel.getByRole('button', { name: 'Unlock' }).click();
  await expect(panel.getByTestId('wallet-error')).toHaveText('Wrong password.');
  await panel.getByTestId('wallet-unlock-password').fill(PASSWORD);
  await panel.getByRole('button', { name: 'Unlock' }).click();
  await expect(panel.getByTestId('wallet-unlock')).toHaveCount(0);
  await panel.getByRole('radio', { name: 'Yes' }).check();
  await panel.getByTestId('vote-commit').check();
  await expect(panel.getByTestId('vote-disabled-reason')).toHaveText(
    'That is already your recorded vote.',
  );
});
