'use client';
import type { ProposalView } from '@ratify/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/client';
import { type Receipt, useReceipts } from './receipts';
import { CHOICE_NAMES, type Choice, signVote } from './sign-vote';
import { useWallet } from './use-wallet';
import { VoteChoices } from './vote-choices';
import { VoteReceipt } from './vote-receipt';
import { WalletSetup } from './wallet-setup';
import { wallet } from './wallet-store';
import { WalletUnlock } from './wallet-unlock';

const CHOICE_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', abstain: 'Abstain' };

const ROLE_TEXT = {
  governor: { text: 'governor', tone: 'bg-emerald-100 text-emerald-800' },
  public: { text: 'public validator', tone: 'bg-sky-100 text-sky-800' },
  none: { text: 'not eligible', tone: 'bg-rose-100 text-rose-800' },
  unknown: { text: 'eligibility not indexed yet', tone: 'bg-slate-100 text-slate-700' },
} as const;

/** Choose, sign in the browser, relay through the server, and follow the vote until it is counted. */
export function VotePanel({ p }: { p: ProposalView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { state, address } = useWallet();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [committed, setCommitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { receipts, add } = useReceipts(p.proposalId, address);
  const config = useQuery(
    trpc.votes.config.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const eligibility = useQuery(
    trpc.votes.eligibility.queryOptions(
      { proposalId: p.proposalId, address: address ?? '' },
      { enabled: address !== null },
    ),
  );
  const submit = useMutation(trpc.votes.submit.mutationOptions());

  const mine = p.votes.filter((v) => v.voter === address);
  const recorded = mine.find((v) => v.counted);
  const role = eligibility.data?.role;

  const reason = !p.votingOpen
    ? `Voting ended at height ${p.terms.votingEndsHeight.toLocaleString('en-US')}.`
    : p.chain !== 'alpha'
      ? 'Votes are cast on Alpha proposals only.'
      : config.data && config.data.relayNodes === 0
        ? 'This dashboard is not connected to an Alpha node (ALPHA_NODES), so it cannot relay votes.'
        : state.status !== 'unlocked'
          ? state.status === 'locked'
            ? 'Unlock the wallet to sign.'
            : 'Import or create an account first.'
          : role === 'none'
            ? 'This account is neither a governor nor a committee member: the chain would reject its vote and keep the fee.'
            : choice === null
              ? 'Choose Yes, No or Abstain.'
              : recorded && recorded.choice === CHOICE_NAMES[choice]
                ? 'That is already your recorded vote.'
                : choice === 1 && !committed
                  ? 'Confirm the Yes commitment first.'
                  : null;

  async function sign() {
    if (state.status !== 'unlocked' || choice === null || !address) return;
    setBusy(true);
    setError(null);
    try {
      const context = await queryClient.fetchQuery({
        ...trpc.votes.signingContext.queryOptions({ proposalId: p.proposalId }),
        staleTime: 0,
      });
      const transaction = signVote({
        secretKey: state.secretKey,
        context,
        proposalId: p.proposalId,
        choice,
      });
      const sent = await submit.mutateAsync({ transaction });
      const receipt: Receipt = { ...sent, submittedAt: new Date().toISOString() };
      add(receipt);
      setChoice(null);
      setCommitted(false);
    } catch (e) {
      setError((e as Error).message);
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
          Signed in this browser; the dashboard checks it and relays it to an Alpha node.
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

      <div className="space-y-3 border-t border-slate-100 pt-4">
        {state.status === 'loading' ? (
          <p className="text-sm text-slate-500">Opening the wallet…</p>
        ) : state.status === 'none' ? (
          p.votingOpen ? (
            <div className="space-y-2">
              <p className="text-sm text-slate-600">
                To vote, import your validator's secret key or create an account.
              </p>
              <WalletSetup problem={state.problem} />
            </div>
          ) : null
        ) : (
          <div className="space-y-2">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-500">Account</span>
              <span className="break-all font-mono text-xs" data-testid="vote-address">
                {address}
              </span>
              {role ? (
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${ROLE_TEXT[role].tone}`}
                  data-testid="vote-role"
                >
                  {ROLE_TEXT[role].text}
                </span>
              ) : null}
              {state.status === 'unlocked' ? (
                <button
                  type="button"
                  onClick={() => wallet.lock()}
                  className="text-xs text-slate-500 underline hover:text-slate-800"
                >
                  Lock
                </button>
              ) : null}
            </p>
            <p className="text-sm" data-testid="vote-recorded">
              {recorded
                ? `Recorded vote: ${CHOICE_LABELS[recorded.choice]} at height ${recorded.height.toLocaleString('en-US')}, counted.`
                : mine.length > 0
                  ? 'No counted vote yet; your last vote was rejected.'
                  : 'No vote recorded for this account yet.'}
            </p>
            {state.status === 'locked' && p.votingOpen ? <WalletUnlock /> : null}
          </div>
        )}
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
            ? 'Signing and sending…'
            : recorded
              ? 'Sign and change vote'
              : 'Sign and submit vote'}
        </button>
        {reason && !busy ? (
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
              votingEndsHeight={p.terms.votingEndsHeight}
              latest={i === 0}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}
