import { decodeAddress, encodeAddress, fieldToBlockHash } from '@ratify/aleo';
import { type Database, listProposals, recentBlocks } from '@ratify/db';
import { intervalStats, projectSplit, type SideObservation, splitHealth } from '@ratify/governance';
import { defineView, type ReadContext, readContextOf } from './cache/define-view';
import { chainContextView } from './chain-context';
import { talliesFor } from './proposal';

const FALLBACK_INTERVAL_MS = 2_000;
// Block timestamps are whole seconds: a faster chain still cannot be judged below that.
const MIN_INTERVAL_MS = 1_000;

/** Delta authors carry Delta's HRP; voters are Alpha addresses. Same key, other prefix. */
function withHrp(address: string, hrp: string): string {
  try {
    const decoded = decodeAddress(address);
    return decoded.hrp === hrp ? address : encodeAddress(decoded.bytes, hrp);
  } catch {
    return address;
  }
}

type Since = { height: number } | { timestamp: number };

/** Recent blocks of a chain-network, and who authored them since a point (a height or a time). */
async function observe(db: Database, chainNetworkId: string, since: Since, hrp: string) {
  const recent = await recentBlocks(db, chainNetworkId, 100);
  const blocks = recent.map((b) => ({ height: b.height, timestamp: b.timestamp }));
  const after = (b: { height: number; timestamp: number }) =>
    'height' in since ? b.height >= since.height : b.timestamp > since.timestamp;
  const authors = recent.filter(after).flatMap((b) => b.authors.map((a) => withHrp(a, hrp)));
  return { blocks, authors, head: recent[0]?.height ?? null };
}

/**
 * Who goes where at activation and, once it has happened, how each side of each chain is
 * doing. Follows the most advanced proposal: the latest approved one, else the latest one.
 */
export async function buildSplitView(from: ReadContext | Database) {
  const ctx = readContextOf(from);
  const { db } = ctx;
  const [rows, chain] = await Promise.all([
    listProposals(db),
    chainContextView.read(ctx, undefined),
  ]);
  if (rows.length === 0) return null;
  const tallies = await talliesFor(ctx, rows, chain);
  const chosen = tallies.find((t) => t.approval.approved) ?? tallies[0];
  if (!chosen) return null;
  const p = chosen.row.proposal;
  // Voters' addresses carry the Alpha chain's prefix; Delta authors are compared in it.
  const hrp = decodeAddress(p.proposer).hrp;
  const projection = projectSplit({ tally: chosen.tally, committee: chosen.committee });
  const networks = chain.listed;
  const find = (chain: string, networkId: number, not?: string) =>
    networks.find(
      (n) => n.network.chain === chain && n.network.networkId === networkId && n.network.id !== not,
    );
  const oldAlpha = networks.find((n) => n.network.id === p.chainNetworkId);
  const newAlpha = find('alpha', p.targetNetwork, p.chainNetworkId);
  const oldDelta = find('delta', p.sourceNetwork);
  const newDelta = find('delta', p.targetNetwork);

  // The activation block itself is the last one everybody authors on the old network.
  const oldAlphaObs = await observe(db, p.chainNetworkId, { height: p.activationHeight + 1 }, hrp);
  // Delta has heights of its own: on its old network, count authors after Alpha's activation time.
  const activationBlock = oldAlphaObs.blocks.find((b) => b.height === p.activationHeight);
  const beforeActivation = oldAlphaObs.blocks.filter((b) => b.height < p.activationHeight);
  const expectedIntervalMs = Math.max(
    MIN_INTERVAL_MS,
    intervalStats(beforeActivation)?.medianMs ?? FALLBACK_INTERVAL_MS,
  );
  const activated = (oldAlphaObs.head ?? 0) >= p.activationHeight || newAlpha !== undefined;
  const expected = {
    alphaGenesisHash: fieldToBlockHash(BigInt(p.alphaExpectedHash)),
    deltaGenesisHash: fieldToBlockHash(BigInt(p.deltaExpectedHash)),
  };

  const side = async (
    n: (typeof networks)[number] | undefined,
    since: Since,
  ): Promise<SideObservation | undefined> => {
    if (!n) return undefined;
    const o = await observe(db, n.network.id, since, hrp);
    return { genesisHash: n.network.genesisHash, blocks: o.blocks, authors: o.authors };
  };
  const health =
    activated && chosen.approval.approved
      ? splitHealth({
          now: Math.floor(Date.now() / 1000),
          expectedIntervalMs,
          expected,
          targetNetwork: p.targetNetwork,
          tally: chosen.tally,
          alpha: {
            old: oldAlpha
              ? { genesisHash: oldAlpha.network.genesisHash, ...oldAlphaObs }
              : undefined,
            new: await side(newAlpha, { height: 0 }),
          },
          delta: {
            old: await side(oldDelta, {
              timestamp: activationBlock?.timestamp ?? Number.MAX_SAFE_INTEGER,
            }),
            new: await (async () => {
              const obs = await side(newDelta, { height: 0 });
              if (!obs || !newDelta) return undefined;
              return {
                ...obs,
                alphaGenesisHash: newDelta.network.alphaGenesisHash ?? '',
                alphaNetworkId: newDelta.network.alphaNetworkId ?? -1,
              };
            })(),
          },
        })
      : null;

  const sideView = (s: typeof projection.newSide) => ({
    count: s.count,
    stake: s.stake.toString(),
    stakeBps: s.stakeBps,
    hasQuorum: s.hasQuorum,
    validators: s.validators.map((v) => ({
      address: v.address,
      stake: v.stake.toString(),
      choice: v.choice,
    })),
  });
  return {
    proposalId: p.proposalId,
    approved: chosen.approval.approved,
    votingOpen: chosen.votingOpen,
    activationHeight: p.activationHeight,
    sourceNetwork: p.sourceNetwork,
    targetNetwork: p.targetNetwork,
    oldAlphaHead: oldAlphaObs.head,
    activated,
    expected,
    expectedIntervalMs,
    projection: {
      totalStake: projection.totalStake.toString(),
      oldChainHalts: projection.oldChainHalts,
      newChainHasQuorum: projection.newChainHasQuorum,
      newSide: sideView(projection.newSide),
      oldSide: sideView(projection.oldSide),
    },
    networks: {
      oldAlpha: oldAlpha?.network ?? null,
      newAlpha: newAlpha?.network ?? null,
      oldDelta: oldDelta?.network ?? null,
      newDelta: newDelta?.network ?? null,
    },
    health,
  };
}

export type SplitView = NonNullable<Awaited<ReturnType<typeof buildSplitView>>>;

/** The split view, once per commit to any chain-network and at most once a second. */
export const splitView = defineView({
  name: 'split',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => buildSplitView(ctx),
});
