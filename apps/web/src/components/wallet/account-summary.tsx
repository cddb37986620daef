'use client';
import type { VotesPage } from '@ratify/api';
import { CHOICE_LABELS } from '@ratify/governance';

export type Role = 'governor' | 'public' | 'none' | 'unknown';

const ROLE: Record<Role, { text: string; tone: string; why: (height: string) => string }> = {
  governor: {
    text: 'governor',
    tone: 'bg-emerald-100 text-emerald-800',
    why: (h) => `A governor at height ${h}: its Yes counts toward the 67% of governors.`,
  },
  public: {
    text: 'public validator',
    tone: 'bg-sky-100 text-sky-800',
    why: (h) =>
      `A committee member that is not a governor at height ${h}: its Yes counts toward the public validators' minimum.`,
  },
  none: {
    text: 'not eligible',
    tone: 'bg-rose-100 text-rose-800',
    why: (h) =>
      `Neither a governor nor a committee member at height ${h}: the chain would reject its vote and keep the fee.`,
  },
  unknown: {
    text: 'eligibility not indexed yet',
    tone: 'bg-slate-100 text-slate-700',
    why: () => 'The governor set and committee are not indexed yet.',
  },
};

/** What this address is here, before anything is signed: its role, why, and its current vote. */
export function AccountSummary({
  mine,
  address,
  role,
  roleHeight,
  children,
}: {
  /** This address's votes on the proposal. */
  mine: VotesPage['items'];
  address: string;
  role: Role | undefined;
  roleHeight: number | undefined;
  children?: React.ReactNode;
}) {
  const recorded = mine.find((v) => v.counted);
  const r = role ? ROLE[role] : null;
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-500">Account</span>
        <span className="break-all font-mono text-xs" data-testid="vote-address">
          {address}
        </span>
        {r ? (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${r.tone}`}
            data-testid="vote-role"
          >
            {r.text}
          </span>
        ) : null}
        {children}
      </p>
      {r ? (
        <p className="text-xs text-slate-600" data-testid="vote-role-why">
          {r.why((roleHeight ?? 0).toLocaleString('en-US'))}
        </p>
      ) : null}
      <p className="text-sm" data-testid="vote-recorded">
        {recorded
          ? `Recorded vote: ${recorded.choice === 'invalid' ? 'invalid' : CHOICE_LABELS[recorded.choice]} at height ${recorded.height.toLocaleString('en-US')}, counted.`
          : mine.length > 0
            ? 'No counted vote yet; your last vote was rejected.'
            : 'No vote recorded for this account yet.'}
      </p>
    </div>
  );
}
