import { type AlertEvent, type Queryable, raiseAlert } from '@ratify/db';

/** What a follower knows when it pauses a chain-network instead of writing past a fault. */
export type IndexPause = {
  chainNetworkId: string;
  reason: string;
  height: number;
  detail: string;
  node: string;
};

export function indexPausedAlert(p: IndexPause): AlertEvent {
  return {
    kind: 'index_paused',
    severity: 'critical',
    chainNetworkId: p.chainNetworkId,
    height: p.height,
    // One event per pause: a later pause at another height is a new one.
    subject: `${p.height}:${p.reason}`,
    message: `Indexing of ${p.chainNetworkId.split(':').slice(0, 2).join(' network ')} is paused at height ${p.height} (${p.reason}): ${p.detail}`,
    href: '/chains',
    details: { reason: p.reason, node: p.node, detail: p.detail },
  };
}

/** For the follower's pause transaction: the event commits with the pause. */
export async function raiseIndexPaused(tx: unknown, pause: IndexPause): Promise<boolean> {
  return raiseAlert(tx as Queryable, indexPausedAlert(pause));
}
