import { blockAt, type Database, listChainNetworks, type ProposalRecord } from '@ratify/db';
import { type Countdown, estimateCountdown, type Lifecycle } from '@ratify/governance';
import { recentBlockTimes } from './production';

export type TimelineTime =
  | { kind: 'observed'; at: number }
  /** From the countdown: median interval, with the p10-p90 band. */
  | { kind: 'estimate'; at: number; earliest: number; latest: number }
  | null;

export interface TimelineEvent {
  key: 'submitted' | 'voting_ends' | 'outcome' | 'activation' | 'new_alpha' | 'delta_start';
  label: string;
  /** Height on the chain the event happens on; null when not known yet. */
  height: number | null;
  chain: string;
  status: 'done' | 'pending' | 'failed' | 'skipped';
  time: TimelineTime;
  note?: string;
  /** The genesis a started network runs from. */
  genesisHash?: string;
}

function timeOf(countdown: Countdown, observed: number | undefined): TimelineTime {
  if (observed !== undefined) return { kind: 'observed', at: observed };
  if (countdown.kind === 'reached' && countdown.reachedAt !== null)
    return { kind: 'observed', at: countdown.reachedAt };
  if (countdown.kind === 'estimate')
    return {
      kind: 'estimate',
      at: countdown.at,
      earliest: countdown.earliest,
      latest: countdown.latest,
    };
  return null;
}

/** The same estimate `blocks` blocks later, at the intervals it was made with. */
function later(c: Countdown, blocks: number): TimelineTime {
  if (c.kind !== 'estimate') return null;
  const after = (at: number, ms: number) => at + Math.round((blocks * ms) / 1000);
  return {
    kind: 'estimate',
    at: after(c.at, c.medianMs),
    earliest: after(c.earliest, c.p10Ms),
    latest: after(c.latest, c.p90Ms),
  };
}

const FAILED_STATES = new Set(['rejected', 'invalid']);

/**
 * The proposal's life as dated events: what happened with the block time it happened at,
 * what is due with the countdown's estimate. A rejected proposal skips the rest.
 */
export async function timelineFor(
  db: Database,
  p: ProposalRecord,
  life: Lifecycle,
  head: number,
  countdown: { votingEnds: Countdown; activation: Countdown },
): Promise<TimelineEvent[]> {
  const at = async (chainNetworkId: string, height: number) =>
    (await blockAt(db, chainNetworkId, height))?.timestamp;
  const ended = head >= p.votingEndsHeight;
  const activated = head >= p.activationHeight;
  const failed = FAILED_STATES.has(life.state);
  const networks = (await listChainNetworks(db)).map((n) => n.network);
  const newAlpha = networks.find(
    (n) => n.chain === 'alpha' && n.networkId === p.targetNetwork && n.id !== p.chainNetworkId,
  );
  const newDelta = networks.find((n) => n.chain === 'delta' && n.networkId === p.targetNetwork);
  const outcome: TimelineEvent =
    life.state === 'voting' || !ended
      ? {
          key: 'outcome',
          label: 'Approved or rejected',
          height: p.votingEndsHeight,
          chain: 'alpha',
          status: 'pending',
          time: timeOf(countdown.votingEnds, undefined),
        }
      : {
          key: 'outcome',
          label: failed ? 'Rejected' : 'Approved',
          height: p.votingEndsHeight,
          chain: 'alpha',
          status: failed ? 'failed' : 'done',
          time: timeOf(countdown.votingEnds, await at(p.chainNetworkId, p.votingEndsHeight)),
        };
  // Delta starts once the new Alpha has produced `delta_min_alpha_blocks` blocks: timed
  // from the new Alpha's own pace once it runs, else from activation at the old pace.
  const deltaTime: TimelineTime = newDelta
    ? null
    : newAlpha
      ? timeOf(
          estimateCountdown({
            blocks: await recentBlockTimes(db, newAlpha.id, 100),
            targetHeight: p.deltaMinAlphaBlocks,
            now: Math.floor(Date.now() / 1000),
          }),
          undefined,
        )
      : later(countdown.activation, p.deltaMinAlphaBlocks);
  const unlessFailed = (event: TimelineEvent): TimelineEvent =>
    failed ? { ...event, status: 'skipped', time: null, note: 'not reached: not approved' } : event;
  return [
    {
      key: 'submitted',
      label: 'Submitted',
      height: p.createdAtHeight,
      chain: 'alpha',
      status: 'done',
      time: timeOf(
        { kind: 'no_data', targetHeight: p.createdAtHeight },
        await at(p.chainNetworkId, p.createdAtHeight),
      ),
    },
    {
      key: 'voting_ends',
      label: 'Voting ends',
      height: p.votingEndsHeight,
      chain: 'alpha',
      status: ended ? 'done' : 'pending',
      time: timeOf(
        countdown.votingEnds,
        ended ? await at(p.chainNetworkId, p.votingEndsHeight) : undefined,
      ),
    },
    outcome,
    unlessFailed({
      key: 'activation',
      label: 'Activation',
      height: p.activationHeight,
      chain: 'alpha',
      status: activated ? 'done' : 'pending',
      time: timeOf(
        countdown.activation,
        activated ? await at(p.chainNetworkId, p.activationHeight) : undefined,
      ),
    }),
    unlessFailed({
      key: 'new_alpha',
      label: 'New Alpha starts',
      height: newAlpha ? 0 : null,
      chain: 'alpha (new)',
      status: newAlpha ? 'done' : 'pending',
      // It starts at activation: until then, the activation estimate.
      time: newAlpha
        ? timeOf({ kind: 'no_data', targetHeight: 0 }, await at(newAlpha.id, 0))
        : timeOf(countdown.activation, undefined),
      ...(newAlpha
        ? { genesisHash: newAlpha.genesisHash }
        : { note: 'from a new genesis at activation' }),
    }),
    unlessFailed({
      key: 'delta_start',
      label: 'Delta starts on the new network',
      height: newDelta ? 0 : null,
      chain: 'delta (new)',
      status: newDelta ? 'done' : 'pending',
      time: newDelta
        ? timeOf({ kind: 'no_data', targetHeight: 0 }, await at(newDelta.id, 0))
        : deltaTime,
      ...(newDelta
        ? { genesisHash: newDelta.genesisHash }
        : {
            note: `after ${p.deltaMinAlphaBlocks.toLocaleString('en-US')} blocks of the new Alpha`,
          }),
    }),
  ];
}
