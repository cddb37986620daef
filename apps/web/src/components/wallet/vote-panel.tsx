'use client';
import { CREDITS_PROGRAM, VOTE_FUNCTION } from '@ratify/aleo';
import type { ProposalPage } from '@ratify/api';
import { CHOICE_BY_NAME, type VoteChoice } from '@ratify/governance';
import { DEFAULT_FEE } from '@ratify/wallet';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { AccountSummary } from './account-summary';
import { connection } from './connection-store';
import { useReceipts } from './receipts';
import { useVoteAccount } from './use-vote-account';
import { voteBlocker } from './vote-blocker';
import { VoteChoices } from './vote-choices';
import { VoteReceipt } from './vote-receipt';
import { WalletConnection } from './wallet-connection';
import { WalletPicker } from './wallet-picker';
import { WalletSetup } from './wallet-setup';
import { wallet as keystoreStore } from './wallet-store';
import { WalletUnlock } from './wallet-unlock';

/** Choose a wallet, see what the account is here, sign, and follow the vote until it is counted. */
export function VotePanel({ p }: { p: ProposalPage }) {
  const account = useVoteAccount(p);
  const { wallet, conn, ks, address, fit, signer, target } = account;
  const [choice, setChoice] = useState<VoteChoice | null>(null);
  const [committed, setCommitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { receipts, add } = useReceipts(p.proposalId, address);
  const trpc = useTRPC();
  // This account's own votes: a page of the vote log kept to one voter.
  const own = useQuery(
    trpc.proposals.votes.queryOptions(
      { proposalId: p.proposalId, voter: address ?? '', limit: 100 },
      { enabled: Boolean(address), refetchInterval: 10_000 },
    ),
  );
  const mine = (address && own.data?.items) || [];
  const recorded = mine.find((v) => v.counted);

  const reason = voteBlocker({
    votingOpen: p.votingOpen,
    votingEndsHeight: p.terms.votingEndsHeight,
    chain: p.chain,
    walletName: wallet.name,
    relaysHere: wallet.builtIn,
    relayNodes: account.relayNodes,
    signer,
    fitProblem: fit,
    role: account.eligibility?.role,
    choice,
    recordedChoice:
      recorded && recorded.choice !== 'invalid' ? CHOICE_BY_NAME[recorded.choice] : null,
    committed,
  });

  async function sign() {
    if (choice === null || !address || reason !== null) return;
    setBusy(true);
    setError(null);
    // The vote is the first matching one included after every vote of this account seen so far.
    const submittedAtHeight = Math.max(p.indexedHeight, ...mine.map((v) => v.height));
    try {
      const sent = await wallet.executeTransaction({
        program: CREDITS_PROGRAM,
        function: VOTE_FUNCTION,
        inputs: [`${p.proposalId}field`, `${choice}u8`],
        fee: Number(DEFAULT_FEE),
      });
      await add({
        wallet: wallet.name,
        transactionId: sent.transactionId,
        chainNetworkId: p.chainNetworkId,
        proposalId: p.proposalId,
        voter: address,
        choice,
        submittedAtHeight,
        expiresAtHeight: sent.expiresAtHeight,
        submittedAt: new Date().toISOString(),
      });
      setChoice(null);
      setCommitted(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="vote-panel"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">Your vote</h2>
        <p className="text-xs text-slate-500">
          {wallet.builtIn
            ? 'Signed in this browser; the dashboard checks it and relays it to an Alpha node.'
            : `Signed and broadcast by ${wallet.name}; the dashboard follows it in its index.`}
        </p>
      </div>

      <VoteChoices p={p} value={choice} onChange={setChoice} disabled={!p.votingOpen || busy} />

      {choice === 1 && p.votingOpen ? (
        <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <input
            type="checkbox"
            checked={committed}
            onChange={(e) => setCommitted(e.target.checked)}
            className="mt-0.5 accent-amber-700"
            data-testid="vote-commit"
          />
          <span>
            I understand that if this proposal is approved, this validator must leave the current
            network at height {p.terms.activationHeight.toLocaleString('en-US')} and run the new
            one.
          </span>
        </label>
      ) : null}

      <div className="space-y-3 border-t border-slate-100 pt-4" data-testid="vote-wallet">
        {account.usable.length > 0 ? (
          <WalletPicker
            wallets={[...account.usable, account.keystore]}
            unusable={account.unusable}
            chosen={wallet}
            onChoose={(w) => void connection.choose(w)}
            disabled={busy}
          />
        ) : p.votingOpen ? (
          <p className="text-xs text-slate-500" data-testid="wallet-none-found">
            No wallet of the Aleo wallet standard is installed in this browser
            {account.unusable.length > 0 ? ' that can vote' : ''}; the built-in keystore signs here.
          </p>
        ) : null}

        {wallet.builtIn ? (
          <KeystoreSetup
            status={ks.status}
            problem={ks.status === 'none' ? ks.problem : undefined}
            open={p.votingOpen}
          />
        ) : (
          <WalletConnection
            wallet={wallet}
            conn={conn}
            chain={account.chain}
            refusal={fit}
            onConnect={() => void connection.connect(wallet, target.network)}
            onDisconnect={() => void connection.disconnect()}
          />
        )}

        {address ? (
          <AccountSummary
            mine={mine}
            address={address}
            role={account.eligibility?.role}
            roleHeight={account.eligibility?.atHeight}
          >
            {wallet.builtIn && ks.status === 'unlocked' ? (
              <button
                type="button"
                onClick={() => keystoreStore.lock()}
                className="text-xs text-slate-500 underline hover:text-slate-800"
              >
                Lock
              </button>
            ) : null}
          </AccountSummary>
        ) : null}
        {wallet.builtIn && ks.status === 'locked' && p.votingOpen ? <WalletUnlock /> : null}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={sign}
          disabled={reason !== null || busy}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-300"
          data-testid="vote-submit"
        >
          {busy
            ? `Waiting for ${wallet.name}…`
            : recorded
              ? 'Sign and change vote'
              : 'Sign and submit vote'}
        </button>
        {/* A refusal of the wallet is already shown beside it. */}
        {reason && reason !== fit && !busy ? (
          <span className="text-sm text-slate-600" data-testid="vote-disabled-reason">
            {reason}
          </span>
        ) : null}
      </div>
      {error ? (
        <p
          role="alert"
          className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800"
          data-testid="vote-error"
        >
          The vote was not sent: {error}
        </p>
      ) : null}

      {receipts.length > 0 ? (
        <div className="space-y-2">
          {receipts.slice(0, 3).map((r, i) => (
            <VoteReceipt
              key={r.transactionId}
              receipt={r}
              wallet={r.wallet === wallet.name && signer === 'ready' ? wallet : null}
              votingEndsHeight={p.terms.votingEndsHeight}
              latest={i === 0}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** The keystore's first step on the panel: opening, or importing or creating an account. */
function KeystoreSetup({
  status,
  problem,
  open,
}: {
  status: 'loading' | 'none' | 'locked' | 'unlocked';
  problem: string | undefined;
  open: boolean;
}) {
  if (status === 'loading') return <p className="text-sm text-slate-500">Opening the wallet…</p>;
  if (status !== 'none' || !open) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        To vote, import your validator's secret key or create an account.
      </p>
      <WalletSetup problem={problem} />
    </div>
  );
}
