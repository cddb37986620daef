import { expect, type Page, test } from '@playwright/test';
import { accountFromSeed, addressOf, DEFAULT_FEE, randomAccount } from '@ratify/wallet';
import { E2E } from '../playwright.config';
import { type Stack, startStack } from './stack';
import {
  emitWalletEvent,
  injectTestWallets,
  type TestWalletConfig,
} from './wallet-standard/test-wallet';

// Connecting, two votes, inclusion and indexing take well under a minute at 1 s blocks.
const MIN_BLOCKS_LEFT = 70;
const OWN_PORTS = { web: 3482, indexer: 3582, devnet: 3460, pg: 54381 };
// governor-4's scenario vote (No) is the demo's last; the test votes with it once it is in.
const VOTER = 'governor-4';
const ICON =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxNiAxNiI+PHJlY3Qgd2lkdGg9IjE2IiBoZWlnaHQ9IjE2IiByeD0iOCIgZmlsbD0iIzdjM2FlZCIvPjxwYXRoIGQ9Ik00LjUgNWg3TTggNXY3IiBzdHJva2U9IiNmZmYiIHN0cm9rZS13aWR0aD0iMiIvPjwvc3ZnPg==';

const WALLETS: TestWalletConfig[] = [
  { name: 'Devnet Test Wallet', icon: ICON, chains: ['alpha:canary'], execute: true },
  { name: 'Testnet Only Wallet', icon: ICON, chains: ['alpha:testnet'], execute: true },
  { name: 'Watch-only Wallet', icon: ICON, chains: ['alpha:canary'], execute: false },
  {
    name: 'Stranger Wallet',
    icon: ICON,
    chains: ['alpha:canary'],
    execute: true,
    secretKeyHex: hex(randomAccount().secretKey),
  },
];

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let web = `http://127.0.0.1:${E2E.web}`;
let devnet = `http://127.0.0.1:${E2E.devnet}`;
let own: Stack | undefined;

type Vote = { voter: string; choice: string; counted: boolean };
type View = { proposalId: string; votingEndsHeight: number; indexedHeight: number; votes: Vote[] };

async function votingProposal(base: string): Promise<View | null> {
  const { proposals } = (await (await fetch(`${base}/api/v1/proposals`)).json()) as {
    proposals: { proposalId: string; phase: string }[];
  };
  const voting = proposals.find((p) => p.phase === 'voting');
  if (!voting) return null;
  const view = (await (await fetch(`${base}/api/v1/proposals/${voting.proposalId}`)).json()) as {
    proposalId: string;
    indexedHeight: number;
    terms: { votingEndsHeight: number };
    votes: Vote[];
  };
  return { ...view, votingEndsHeight: view.terms.votingEndsHeight };
}

/** The voting proposal once the scenario's votes of `voter` are in, or null if too little time is left. */
async function readyProposal(base: string, voter: string): Promise<View | null> {
  for (let i = 0; i < 240; i++) {
    const p = await votingProposal(base).catch(() => null);
    if (p && p.votingEndsHeight - p.indexedHeight < MIN_BLOCKS_LEFT) return null;
    if (p?.votes.some((v) => v.voter === voter && v.counted)) return p;
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}

let proposal: View;
let voterAddress: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  voterAddress = addressOf(accountFromSeed(`ratify-devnet/${VOTER}`).publicKey, 'ax');
  let ready = await readyProposal(web, voterAddress);
  if (!ready) {
    // The shared stack's vote closes too soon: play a fresh demo on ports of its own.
    own = await startStack('demo', OWN_PORTS, 1000);
    web = own.web;
    devnet = `http://127.0.0.1:${OWN_PORTS.devnet}`;
    ready = await readyProposal(web, voterAddress);
  }
  if (!ready) throw new Error('no proposal in voting with time left');
  proposal = ready;
});

test.afterAll(async () => {
  await own?.stop();
});

async function openWithWallets(page: Page) {
  const account = accountFromSeed(`ratify-devnet/${VOTER}`);
  const info = (await (await fetch(`${devnet}/devnet/info`)).json()) as {
    accounts: { name: string; address: string }[];
  };
  expect(info.accounts.find((a) => a.name === VOTER)?.address).toBe(voterAddress);
  const wallet = await injectTestWallets(page, WALLETS, {
    secretKeyHex: hex(account.secretKey),
    node: `${devnet}/canary`,
    networkId: 2,
    hrp: 'ax',
    validityBlocks: 20,
  });
  await page.goto(`${web}/proposals/${proposal.proposalId}`);
  return wallet;
}

test('a standard wallet connects, votes Yes then No, follows its events and disconnects; one on another network is refused', async ({
  page,
}, testInfo) => {
  const wallet = await openWithWallets(page);
  const panel = page.getByTestId('vote-panel');
  const option = (name: string) => panel.getByTestId('wallet-option').filter({ hasText: name });
  const governorYes = async () => Number(await page.getByTestId('governors-yes').textContent());

  // Every wallet of the page is listed with its icon; the one without aleo:execute cannot vote.
  await expect(panel.getByTestId('wallet-option')).toHaveText([
    'Devnet Test Wallet',
    'Testnet Only Wallet',
    'Stranger Wallet',
    'Browser keystore',
  ]);
  await expect(option('Devnet Test Wallet').locator('img')).toHaveAttribute('src', ICON);
  await expect(panel.getByTestId('wallet-unusable')).toHaveText(
    'Watch-only Wallet cannot vote here: it does not offer aleo:execute.',
  );

  // A wallet on another network is refused before it is even asked to connect.
  await option('Testnet Only Wallet').click();
  const refusal =
    'Testnet Only Wallet is on Alpha testnet, but this proposal is voted on Alpha canary. Switch the wallet to Alpha canary or choose another wallet.';
  await expect(panel.getByTestId('wallet-refusal')).toHaveText(refusal);
  await expect(panel.getByTestId('vote-submit')).toBeDisabled();
  await expect(panel.getByTestId('wallet-connect')).toBeDisabled();
  await panel.screenshot({ path: testInfo.outputPath('wallet-wrong-network.png') });
  expect(wallet.calls.filter((c) => c.wallet === 'Testnet Only Wallet')).toEqual([]);

  // Connect: the page asks for the proposal's network, no decryption, and credits.alpha only.
  await option('Devnet Test Wallet').click();
  await expect(panel.getByTestId('vote-disabled-reason')).toHaveText(
    'Connect Devnet Test Wallet first.',
  );
  await panel.getByTestId('wallet-connect').click();
  await expect(panel.getByTestId('vote-address')).toHaveText(voterAddress);
  expect(wallet.calls[0]).toEqual({
    wallet: 'Devnet Test Wallet',
    method: 'connect',
    args: ['canary', 'NO_DECRYPT', ['credits.alpha']],
  });
  await expect(panel.getByTestId('wallet-network')).toHaveText('Alpha canary');
  await expect(panel.getByTestId('vote-role')).toHaveText('governor');
  await expect(panel.getByTestId('vote-role-why')).toHaveText(/^A governor at height [\d,]+:/);
  await expect(panel.getByTestId('vote-recorded')).toHaveText(
    /^Recorded vote: No at height [\d,]+, counted\.$/,
  );
  await expect(page.getByTestId('wallet-button')).toContainText(voterAddress.slice(0, 8));
  await panel.screenshot({ path: testInfo.outputPath('wallet-connected.png') });

  // Vote Yes: the wallet signs and broadcasts; the tally moves once the indexer has it.
  const yesBefore = await governorYes();
  await panel.getByRole('radio', { name: 'Yes' }).check();
  await panel.getByTestId('vote-commit').check();
  await panel.getByTestId('vote-submit').click();
  await expect(panel.getByTestId('vote-receipt-status')).toHaveText(
    /^Included at height \d+, counted\.$/,
    { timeout: 30_000 },
  );
  expect(wallet.calls.find((c) => c.method === 'executeTransaction')?.args).toEqual([
    {
      program: 'credits.alpha',
      function: 'vote_network_upgrade',
      inputs: [`${proposal.proposalId}field`, '1u8'],
      fee: Number(DEFAULT_FEE),
    },
  ]);
  await expect(panel.getByTestId('vote-receipt-tx')).toHaveText(/^at1/);
  await expect(panel.getByTestId('vote-receipt-wallet')).toHaveText(
    'Devnet Test Wallet says: accepted',
  );
  await expect.poll(governorYes, { timeout: 30_000 }).toBe(yesBefore + 1);
  await expect(panel.getByTestId('vote-recorded')).toHaveText(/^Recorded vote: Yes at height/);

  // Change to No: the Yes is replaced and the tally moves back.
  await panel.getByRole('radio', { name: 'No' }).check();
  await panel.getByTestId('vote-submit').click();
  await expect(panel.getByTestId('vote-receipt-status')).toHaveText(
    /^Included at height \d+, counted\.$/,
    { timeout: 30_000 },
  );
  await expect(panel.getByTestId('vote-receipt').first()).toContainText('No ·');
  await expect.poll(governorYes, { timeout: 30_000 }).toBe(yesBefore);
  await expect(panel.getByTestId('vote-recorded')).toHaveText(/^Recorded vote: No at height/);

  // The wallet switches network: the panel refuses until it is back.
  await emitWalletEvent(page, 'Devnet Test Wallet', 'networkChange', 'testnet');
  await expect(panel.getByTestId('wallet-network')).toHaveText('Alpha testnet');
  await expect(panel.getByTestId('wallet-refusal')).toHaveText(
    'Devnet Test Wallet is on Alpha testnet, but this proposal is voted on Alpha canary. Switch the wallet to canary to vote.',
  );
  await panel.getByRole('radio', { name: 'Abstain' }).check();
  await expect(panel.getByTestId('vote-submit')).toBeDisabled();
  await panel.screenshot({ path: testInfo.outputPath('wallet-switched-network.png') });
  await emitWalletEvent(page, 'Devnet Test Wallet', 'networkChange', 'canary');
  await expect(panel.getByTestId('wallet-refusal')).toHaveCount(0);
  await expect(panel.getByTestId('vote-submit')).toBeEnabled();

  // The wallet switches accounts: the address is dropped until the user connects again.
  await emitWalletEvent(page, 'Devnet Test Wallet', 'accountChange');
  await expect(panel.getByTestId('wallet-notice')).toHaveText(
    'Devnet Test Wallet switched accounts: connect again to vote with the new one.',
  );
  await expect(panel.getByTestId('vote-address')).toHaveCount(0);
  await panel.getByTestId('wallet-connect').click();
  await expect(panel.getByTestId('vote-address')).toHaveText(voterAddress);

  // Disconnect from the page.
  await panel.getByTestId('wallet-disconnect').click();
  await expect(panel.getByTestId('vote-address')).toHaveCount(0);
  await expect(panel.getByTestId('vote-disabled-reason')).toHaveText(
    'Connect Devnet Test Wallet first.',
  );
  expect(wallet.calls.at(-1)).toMatchObject({ wallet: 'Devnet Test Wallet', method: 'disconnect' });

  // The wallet disconnects by itself.
  await panel.getByTestId('wallet-connect').click();
  await expect(panel.getByTestId('vote-address')).toHaveText(voterAddress);
  await emitWalletEvent(page, 'Devnet Test Wallet', 'disconnect');
  await expect(panel.getByTestId('wallet-notice')).toHaveText('Devnet Test Wallet disconnected.');
  await expect(panel.getByTestId('vote-address')).toHaveCount(0);

  // An account that is neither governor nor committee member is told so before it signs.
  await option('Stranger Wallet').click();
  await panel.getByTestId('wallet-connect').click();
  await expect(panel.getByTestId('vote-role')).toHaveText('not eligible');
  await expect(panel.getByTestId('vote-role-why')).toHaveText(
    /^Neither a governor nor a committee member at height [\d,]+: the chain would reject its vote and keep the fee\.$/,
  );
  await panel.getByRole('radio', { name: 'No' }).check();
  await expect(panel.getByTestId('vote-disabled-reason')).toHaveText(
    'This account is neither a governor nor a committee member: the chain would reject its vote and keep the fee.',
  );
});
