'use client';
import type { ProposalPage } from '@ratify/api';
import type { VoteChoice as Choice } from '@ratify/governance';
import { chainLabel, networkName } from '../format';

/** What each choice commits a validator to, in the terms of this proposal. */
export function choiceMeanings(
  p: ProposalPage,
): { choice: Choice; label: string; summary: string; detail: string }[] {
  const t = p.terms;
  const chain = chainLabel(p.chain);
  const from = `${chain} ${networkName(t.sourceNetwork)}`;
  const to = networkName(t.targetNetwork);
  const at = t.activationHeight.toLocaleString('en-US');
  return [
    {
      choice: 1,
      label: 'Yes',
      summary: `Move to ${to}. A binding commitment.`,
      detail: `If the proposal is approved, at height ${at} this validator stops validating ${from} and must run ${chain} ${to} from genesis ${t.alphaExpectedHash}, then Delta ${to} from genesis ${t.deltaExpectedHash} once the new ${chain} has ${t.deltaMinAlphaBlocks} blocks. If it is rejected, nothing changes.`,
    },
    {
      choice: 2,
      label: 'No',
      summary: `Stay on ${networkName(t.sourceNetwork)}.`,
      detail: `You oppose the upgrade. Whatever the outcome, this validator keeps running ${from}; if the upgrade is approved, that network halts when the validators staying hold 2/3 of the stake or less.`,
    },
    {
      choice: 3,
      label: 'Abstain',
      summary: `Stay on ${networkName(t.sourceNetwork)}, taking no side.`,
      detail:
        'Recorded, but like No it is not a Yes: approval needs Yes from at least 67% of all governors. This validator keeps running the old network.',
    },
  ];
}

export function VoteChoices({
  p,
  value,
  onChange,
  disabled,
}: {
  p: ProposalPage;
  value: Choice | null;
  onChange: (c: Choice) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="grid gap-3 md:grid-cols-3" disabled={disabled}>
      <legend className="sr-only">Your choice</legend>
      {choiceMeanings(p).map((m) => (
        <label
          key={m.choice}
          className={`block cursor-pointer rounded-md border p-3 text-sm transition ${
            value === m.choice
              ? 'border-sky-600 bg-sky-50 ring-1 ring-sky-600'
              : 'border-slate-200 hover:border-slate-400'
          } ${disabled ? 'cursor-not-allowed opacity-60' : ''}`}
        >
          <span className="flex items-center gap-2">
            <input
              type="radio"
              name="vote-choice"
              value={m.choice}
              checked={value === m.choice}
              onChange={() => onChange(m.choice)}
              className="accent-sky-700"
              aria-label={m.label}
              aria-describedby={`choice-${m.choice}-summary choice-${m.choice}-detail`}
            />
            <span className="font-semibold">{m.label}</span>
          </span>
          <span id={`choice-${m.choice}-summary`} className="mt-1 block font-medium text-slate-800">
            {m.summary}
          </span>
          <span
            id={`choice-${m.choice}-detail`}
            className="mt-1 block wrap-anywhere text-xs leading-5 text-slate-600"
          >
            {m.detail}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
