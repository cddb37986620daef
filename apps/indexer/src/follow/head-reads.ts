import { decodeProposal, type NodeClient } from '@ratify/aleo';
import type { IndexedBatch } from '@ratify/db';

const PROGRAM = 'credits.alpha';

export type ValidatorSet = NonNullable<IndexedBatch['validatorSet']>;

/**
 * Stage 4: what the node reports only for its current state: the governor set and committee,
 * and the program's own vote counters. Read at the head only; mid-sync they would describe a
 * later state than the blocks being written.
 */
export function createHeadReader(client: NodeClient, signal: AbortSignal) {
  let lastSetKey: string | undefined;

  return {
    /** Starts from what is stored, so an unchanged set is not written again after a restart. */
    remember(stored: { governors: string[]; committee: ValidatorSet['committee'] } | undefined) {
      lastSetKey = stored ? setKey(stored.governors, stored.committee) : undefined;
    },

    /** The current sets, or undefined when they are the ones last recorded. */
    async validatorSet(height: number): Promise<ValidatorSet | undefined> {
      const [governors, committee] = await Promise.all([
        client.governors({ signal }),
        client.committee({ signal }),
      ]);
      const members = Object.entries(committee.members)
        .map(([address, m]) => ({ address, stake: m.stake.toString() }))
        .sort((a, b) => a.address.localeCompare(b.address));
      const sorted = [...governors].sort();
      const key = setKey(sorted, members);
      if (key === lastSetKey) return undefined;
      return { height, governors: sorted, committee: members };
    },

    /** Call after the set was committed: only then is it the last recorded one. */
    recorded(set: ValidatorSet) {
      lastSetKey = setKey(set.governors, set.committee);
    },

    async counters(
      proposalIds: string[],
      height: number,
    ): Promise<IndexedBatch['onchainCounters']> {
      const out: IndexedBatch['onchainCounters'] = [];
      for (const proposalId of proposalIds) {
        const text = await client.mapping(
          PROGRAM,
          'network_upgrade_proposals',
          `${proposalId}field`,
          {
            signal,
          },
        );
        if (text === null) continue;
        const p = decodeProposal(text);
        out.push({
          proposalId,
          height,
          counters: {
            governorYesVotes: p.governorYesVotes,
            governorNoVotes: p.governorNoVotes,
            publicYesVotes: p.publicYesVotes,
            publicNoVotes: p.publicNoVotes,
          },
        });
      }
      return out;
    },
  };
}

function setKey(governors: string[], committee: { address: string; stake: string }[]) {
  return JSON.stringify([governors, committee]);
}
