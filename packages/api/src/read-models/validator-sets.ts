import { validatorSetsOf } from '@ratify/db';
import { defineView } from './cache/define-view';

export type ValidatorSet = {
  height: number;
  governors: string[];
  committee: { address: string; stake: bigint }[];
};

/**
 * Every validator set observed on a chain-network. Sets are stored only when they change, so
 * this is a handful of rows; it changes only with a new set or a rewind (a "wide" commit).
 */
export const validatorSetsView = defineView({
  name: 'validator-sets',
  key: (chainNetworkId: string) => chainNetworkId,
  version: (chainNetworkId, v) => v.wide(chainNetworkId),
  compute: async (ctx, id) => (await loadSets(ctx.db, [id]))[0] ?? [],
  computeMany: (ctx, ids) => loadSets(ctx.db, ids),
});

async function loadSets(db: Parameters<typeof validatorSetsOf>[0], ids: string[]) {
  const rows = await validatorSetsOf(db, ids);
  return ids.map((id) =>
    rows
      .filter((r) => r.chainNetworkId === id)
      .map(
        (r): ValidatorSet => ({
          height: r.height,
          governors: r.governors,
          committee: r.committee.map((m) => ({ address: m.address, stake: BigInt(m.stake) })),
        }),
      ),
  );
}

/**
 * The set in force at `height`: the latest observed at or below it. The node reports only
 * the current set, so before the first observation the earliest one stands in.
 */
export function setAt(history: readonly ValidatorSet[], height: number): ValidatorSet | undefined {
  let found: ValidatorSet | undefined;
  for (const s of history) if (s.height <= height) found = s;
  return found ?? history[0];
}
