import {
  buildSplitView,
  chainProduction,
  type ProposalAlertFacts,
  proposalAlertFacts,
  type SplitView,
} from '@ratify/api/read-models';
import {
  type AlertEvent,
  type Database,
  type IndexedBatch,
  listChainNetworks,
  listProposals,
  type Queryable,
} from '@ratify/db';
import { ALERT_KINDS, type AlertKind, type HealthAlert } from '@ratify/governance';

/** Kinds that describe a state: while evaluated on the timer, those that no longer hold are cleared. */
export const STATE_KINDS: AlertKind[] = [
  'voting_ends_soon',
  'activation_soon',
  'genesis_mismatch',
  'delta_rogue',
  'chain_stalled',
  'chain_slow',
  'validator_defecting',
  'validator_double_authoring',
  'audit_mismatch',
];

export type ConditionOptions = {
  /** Unix seconds. */
  now: number;
  /** Include what depends on the clock (stalled, slow, within the lead time): on the timer only. */
  timeBased: boolean;
  leadSeconds: number;
  /** A chain-network still catching up is not judged stalled on the age of old blocks. */
  isCaughtUp?: (chainNetworkId: string) => boolean;
  /** Judge only the proposals this batch may have changed (see `batchScope`); default: all. */
  scope?: BatchScope;
};

/**
 * The proposals one batch may have changed the alerts of: those it wrote a row, a vote or a
 * counter for, and those of its chain-network whose end of voting or activation falls in its
 * heights (their lifecycle moves there). A new validator set may change every tally: all.
 * The rest are judged again on the timer within seconds, outside any write transaction.
 */
export type BatchScope =
  | { all: true }
  | { all: false; chainNetworkId: string; proposalIds: Set<string>; from: number; to: number };

export function batchScope(batch: IndexedBatch): BatchScope {
  if (batch.validatorSet) return { all: true };
  const proposalIds = new Set<string>();
  for (const rows of [batch.proposals, batch.votes, batch.onchainCounters])
    for (const r of rows) proposalIds.add(r.proposalId);
  const heights = batch.blocks.map((b) => b.height);
  const to = batch.checkpoint.height;
  return {
    all: false,
    chainNetworkId: batch.chainNetworkId,
    proposalIds,
    from: heights.length > 0 ? Math.min(...heights) : to,
    to,
  };
}

export function inScope(
  scope: BatchScope | undefined,
  p: {
    chainNetworkId: string;
    proposalId: string;
    votingEndsHeight: number;
    activationHeight: number;
  },
): boolean {
  if (!scope || scope.all) return true;
  if (scope.proposalIds.has(p.proposalId)) return true;
  if (p.chainNetworkId !== scope.chainNetworkId) return false;
  // One block of margin each side: the phase turns on the first block past the height.
  const crosses = (h: number) => h >= scope.from - 1 && h <= scope.to + 1;
  return crosses(p.votingEndsHeight) || crosses(p.activationHeight);
}

const short = (hash: string) => `${hash.slice(0, 12)}…${hash.slice(-6)}`;
const shortId = (id: string) => (id.length > 16 ? `${id.slice(0, 8)}…${id.slice(-6)}` : id);

function event(
  kind: AlertKind,
  at: { chainNetworkId: string | null; height: number | null; subject: string },
  message: string,
  href: string,
  details: Record<string, unknown> = {},
): AlertEvent {
  return { kind, severity: ALERT_KINDS[kind], ...at, message, href, details };
}

function inAbout(seconds: number): string {
  if (seconds <= 0) return 'any moment now (the estimate has passed)';
  return seconds < 90
    ? `in about ${Math.round(seconds)} s`
    : `in about ${Math.round(seconds / 60)} min`;
}

/** Lifecycle, audit and countdowns of one proposal, as the proposal page shows them. */
function proposalEvents(v: ProposalAlertFacts, o: ConditionOptions): AlertEvent[] {
  const href = `/proposals/${v.proposalId}`;
  const at = (height: number | null, chainNetworkId = v.chainNetworkId) => ({
    chainNetworkId,
    height,
    subject: v.proposalId,
  });
  const t = v.terms;
  const name = `Proposal ${shortId(v.proposalId)}`;
  const out = [
    event(
      'proposal_created',
      at(t.createdAtHeight),
      `${name} submitted: network ${t.sourceNetwork} → ${t.targetNetwork}, voting ends at height ${t.votingEndsHeight}, activation at ${t.activationHeight}.`,
      href,
      { votingEndsHeight: t.votingEndsHeight, activationHeight: t.activationHeight },
    ),
  ];
  const life = v.lifecycle;
  if (life.state === 'rejected') {
    out.push(
      event(
        'proposal_rejected',
        at(t.votingEndsHeight),
        `${name} was rejected at height ${t.votingEndsHeight}: ${life.failed.map((c) => c.id).join(', ')} not met.`,
        href,
        {
          failed: life.failed.map((c) => c.id),
        },
      ),
    );
  }
  if (['approved', 'activating', 'split', 'delta_upgraded', 'halted'].includes(life.state)) {
    out.push(
      event(
        'proposal_approved',
        at(t.votingEndsHeight),
        `${name} was approved at height ${t.votingEndsHeight}; activation at height ${t.activationHeight}.`,
        href,
      ),
    );
  }
  const mismatches = v.audit?.mismatches ?? [];
  // Counters read before the latest vote lag behind it for a moment: not a fault to report.
  const lastVote = v.lastAcceptedVoteHeight;
  if (mismatches.length > 0 && (v.audit?.readHeight ?? -1) >= lastVote) {
    out.push(
      event(
        'audit_mismatch',
        at(v.audit?.readHeight ?? null),
        `${name}: the program's counters disagree with the votes (${mismatches.map((m) => `${m.counter} ${m.onChain} on chain, ${m.recomputed} recomputed`).join('; ')}).`,
        href,
        { mismatches },
      ),
    );
  }
  if (o.timeBased) {
    const ends = v.countdown.votingEnds;
    if (v.votingOpen && ends.kind === 'estimate' && ends.at - o.now <= o.leadSeconds) {
      out.push(
        event(
          'voting_ends_soon',
          at(t.votingEndsHeight),
          `${name}: voting ends ${inAbout(ends.at - o.now)} (height ${t.votingEndsHeight}, ${ends.blocksLeft} blocks left).`,
          href,
          {
            estimatedAt: ends.at,
          },
        ),
      );
    }
    const act = v.countdown.activation;
    if (life.state === 'approved' && act.kind === 'estimate' && act.at - o.now <= o.leadSeconds) {
      out.push(
        event(
          'activation_soon',
          at(t.activationHeight),
          `${name}: activation ${inAbout(act.at - o.now)} (height ${t.activationHeight}, ${act.blocksLeft} blocks left).`,
          href,
          {
            estimatedAt: act.at,
          },
        ),
      );
    }
  }
  return out;
}

type Side = 'old' | 'new';

/** After activation: the split's health alerts, and the new networks starting. */
function splitEvents(s: SplitView, o: ConditionOptions): AlertEvent[] {
  const net = (chain: 'alpha' | 'delta', side: Side) =>
    s.networks[`${side}${chain === 'alpha' ? 'Alpha' : 'Delta'}`]?.id ?? null;
  const out: AlertEvent[] = [];
  const h = s.health;
  if (!h) return out;
  for (const chain of ['alpha', 'delta'] as const) {
    const fresh = h[chain].new;
    const id = net(chain, 'new');
    if (fresh && id && fresh.status !== 'not_started') {
      const Chain = chain === 'alpha' ? 'Alpha' : 'Delta';
      out.push(
        event(
          `${chain}_started`,
          { chainNetworkId: id, height: fresh.lastBlock?.height ?? null, subject: s.proposalId },
          `The new ${Chain} on network ${s.targetNetwork} is producing blocks (genesis ${short(id.split(':')[2] ?? '')}).`,
          '/split',
        ),
      );
    }
    if (o.timeBased) {
      for (const side of ['old', 'new'] as const) {
        const state = h[chain][side];
        const id = net(chain, side);
        if (state?.status === 'slow' && id && (o.isCaughtUp?.(id) ?? true)) {
          out.push(
            event(
              'chain_slow',
              {
                chainNetworkId: id,
                height: state.lastBlock?.height ?? null,
                subject: String(state.lastBlock?.height ?? 0),
              },
              `${chain} ${side} network is slow: last block ${Math.round(state.ageSeconds ?? 0)} s ago, median interval ${state.medianMs ?? '?'} ms.`,
              '/split',
            ),
          );
        }
      }
    }
  }
  for (const a of h.alerts) out.push(...healthEvents(a, s, o, net));
  return out;
}

function healthEvents(
  a: HealthAlert,
  s: SplitView,
  o: ConditionOptions,
  net: (chain: 'alpha' | 'delta', side: Side) => string | null,
): AlertEvent[] {
  switch (a.code) {
    case 'genesis_mismatch':
      return [
        event(
          'genesis_mismatch',
          { chainNetworkId: net(a.chain, 'new'), height: 0, subject: a.actual },
          `New ${a.chain} genesis ${short(a.actual)} is not the expected ${short(a.expected)}: the upgrade must halt.`,
          '/split',
          {
            expected: a.expected,
            actual: a.actual,
          },
        ),
      ];
    case 'delta_rogue':
      return [
        event(
          'delta_rogue',
          { chainNetworkId: net('delta', 'new'), height: 0, subject: a.alphaGenesisHash },
          `Rogue Delta: its genesis names Alpha ${short(a.alphaGenesisHash)} on network ${a.alphaNetworkId}, not the new Alpha.`,
          '/split',
          {
            alphaGenesisHash: a.alphaGenesisHash,
            alphaNetworkId: a.alphaNetworkId,
          },
        ),
      ];
    case 'stalled': {
      const id = net(a.chain, a.side);
      if (!o.timeBased || (id && !(o.isCaughtUp?.(id) ?? true))) return [];
      const last = s.health?.[a.chain][a.side]?.lastBlock?.height ?? null;
      const expected = a.side === 'old' && s.projection.oldChainHalts;
      return [
        {
          ...event(
            'chain_stalled',
            { chainNetworkId: id, height: last, subject: String(last) },
            `${a.chain} ${a.side} network: no block for ${Math.round(a.ageSeconds)} s${expected ? ' (expected: no quorum left there)' : ''}.`,
            '/split',
            {
              ageSeconds: a.ageSeconds,
            },
          ),
          severity: expected ? 'warning' : 'critical',
        },
      ];
    }
    case 'defectors':
      return a.addresses.map((address) =>
        event(
          'validator_defecting',
          { chainNetworkId: net(a.chain, a.side), height: null, subject: address },
          `${a.chain} ${a.side} network: validator ${shortId(address)} authors against its vote.`,
          '/split',
          { address, side: a.side },
        ),
      );
    case 'double_authoring':
      return a.addresses.map((address) =>
        event(
          'validator_double_authoring',
          { chainNetworkId: net(a.chain, 'new'), height: null, subject: address },
          `${a.chain}: validator ${shortId(address)} authors on both networks at once.`,
          '/split',
          { address },
        ),
      );
  }
}

/**
 * Every alert condition that holds now, judged by the same read models the dashboard pages
 * use. Called inside a batch's transaction (so the events commit with the data that raised
 * them) and on a timer for what depends on the clock.
 */
export async function currentConditions(tx: Queryable, o: ConditionOptions): Promise<AlertEvent[]> {
  // The read models only read; a transaction answers the same queries as the pool.
  const db = tx as Database;
  const out: AlertEvent[] = [];
  const rows = await listProposals(db);
  const facts = await proposalAlertFacts(db, {
    now: o.now,
    rows,
    only: (p) => inScope(o.scope, p),
  });
  for (const f of facts) out.push(...proposalEvents(f, o));
  // The split is judged whenever a proposal exists, whatever the scope: its health moves with
  // the blocks of every network.
  const split = rows.length > 0 ? await buildSplitView(db) : null;
  if (split?.health) {
    out.push(...splitEvents(split, o));
  } else if (o.timeBased) {
    for (const { network } of await listChainNetworks(db)) {
      if (!(o.isCaughtUp?.(network.id) ?? true)) continue;
      const production = await chainProduction(db, network.id);
      const stall = production?.stall;
      if (!production || !stall?.stalled) continue;
      const height = production.stats.last.height;
      out.push({
        ...event(
          'chain_stalled',
          { chainNetworkId: network.id, height, subject: String(height) },
          `${network.chain} (network ${network.networkId}) has produced no block for ${stall.ageSeconds} s (threshold ${stall.thresholdSeconds} s).`,
          '/chains',
          {
            ageSeconds: stall.ageSeconds,
            thresholdSeconds: stall.thresholdSeconds,
          },
        ),
      });
    }
  }
  return out;
}
