import { intervalStats } from './countdown';
import type { Tally } from './tally';
import type { BlockTime } from './types';

/** What one node of one side of the split shows after activation. */
export interface SideObservation {
  genesisHash: string;
  /** Recent blocks, in any order. */
  blocks: readonly BlockTime[];
  /**
   * Validators that authored certificates on this side since activation. Delta addresses
   * must be given in the same form as the voters' (Alpha) addresses.
   */
  authors: readonly string[];
}

export interface DeltaSideObservation extends SideObservation {
  /** From Delta's genesis ratification: the Alpha genesis it belongs to. */
  alphaGenesisHash: string;
  alphaNetworkId: number;
}

export interface SplitHealthParameters {
  /** Unix seconds. */
  now: number;
  /** The block interval before activation, e.g. `intervalStats(...).medianMs`. */
  expectedIntervalMs: number;
  /** The proposal's expected hashes, as `ab1…` strings. */
  expected: { alphaGenesisHash: string; deltaGenesisHash: string };
  targetNetwork: number;
  /** Who voted what; Yes voters are expected on the new side only. */
  tally: Tally;
  alpha: { old?: SideObservation; new?: SideObservation };
  delta: { old?: SideObservation; new?: DeltaSideObservation };
  /** Slow when the median interval or the last block's age exceeds this many expected intervals. Default 2. */
  slowFactor?: number;
  /** Stalled when the last block is older than this many expected intervals. Default 5. */
  stallFactor?: number;
}

/** `not_started`: nothing observed beyond a genesis block. */
export type ProductionStatus = 'producing' | 'slow' | 'stalled' | 'not_started';

export type HashCheck = 'matched' | 'mismatched' | 'not_checked';

export interface Defector {
  address: string;
  /** `yes_on_old`: voted Yes but still authors on the old side. `no_on_new`: voted No but authors on the new side. */
  kind: 'yes_on_old' | 'no_on_new';
}

export interface SideHealth {
  status: ProductionStatus;
  lastBlock: BlockTime | null;
  ageSeconds: number | null;
  medianMs: number | null;
  /** New sides: the genesis hash against the proposal's expected hash. */
  genesis: HashCheck;
  defectors: Defector[];
}

export interface DeltaSideHealth extends SideHealth {
  /** New Delta: its `alpha_genesis_hash` and network against the new Alpha. Mismatch: rogue chain. */
  alphaReference: HashCheck;
}

export type HealthAlert =
  | { code: 'genesis_mismatch'; chain: 'alpha' | 'delta'; expected: string; actual: string }
  | { code: 'delta_rogue'; alphaGenesisHash: string; alphaNetworkId: number }
  | { code: 'stalled'; chain: 'alpha' | 'delta'; side: 'old' | 'new'; ageSeconds: number }
  | { code: 'defectors'; chain: 'alpha' | 'delta'; side: 'old' | 'new'; addresses: string[] }
  | { code: 'double_authoring'; chain: 'alpha' | 'delta'; addresses: string[] };

export interface SplitHealth {
  alpha: { old: SideHealth | null; new: SideHealth | null };
  delta: { old: SideHealth | null; new: DeltaSideHealth | null };
  /** Validators authoring on both sides at once, per chain. */
  bothSides: { alpha: string[]; delta: string[] };
  alerts: HealthAlert[];
}

interface Judge {
  now: number;
  expectedIntervalMs: number;
  slowFactor: number;
  stallFactor: number;
}

function production(blocks: readonly BlockTime[], j: Judge) {
  let last: BlockTime | null = null;
  for (const b of blocks) if (last === null || b.height > last.height) last = b;
  if (last === null || last.height === 0) {
    return { status: 'not_started' as const, lastBlock: last, ageSeconds: null, medianMs: null };
  }
  const ageMs = Math.max(0, j.now - last.timestamp) * 1000;
  const medianMs = intervalStats(blocks)?.medianMs ?? null;
  const status: ProductionStatus =
    ageMs > j.stallFactor * j.expectedIntervalMs
      ? 'stalled'
      : ageMs > j.slowFactor * j.expectedIntervalMs ||
          (medianMs !== null && medianMs > j.slowFactor * j.expectedIntervalMs)
        ? 'slow'
        : 'producing';
  return { status, lastBlock: last, ageSeconds: ageMs / 1000, medianMs };
}

function check(expected: string, actual: string): HashCheck {
  return expected === actual ? 'matched' : 'mismatched';
}

/**
 * After activation: per chain and side, whether blocks are produced, whether the new
 * genesis hashes are the expected ones, whether Delta names the new Alpha, and which
 * validators break their vote or author on both sides.
 */
export function splitHealth(params: SplitHealthParameters): SplitHealth {
  const judge: Judge = {
    now: params.now,
    expectedIntervalMs: params.expectedIntervalMs,
    slowFactor: params.slowFactor ?? 2,
    stallFactor: params.stallFactor ?? 5,
  };
  const yes = new Set([...params.tally.governors.yes, ...params.tally.public.yes]);
  const no = new Set([...params.tally.governors.no, ...params.tally.public.no]);
  const alerts: HealthAlert[] = [];

  const side = (
    chain: 'alpha' | 'delta',
    which: 'old' | 'new',
    obs: SideObservation | undefined,
    expectedGenesis: string | null,
  ): SideHealth | null => {
    if (obs === undefined) return null;
    const p = production(obs.blocks, judge);
    const authors = [...new Set(obs.authors)];
    const defectors: Defector[] =
      which === 'old'
        ? authors.filter((a) => yes.has(a)).map((address) => ({ address, kind: 'yes_on_old' }))
        : authors.filter((a) => no.has(a)).map((address) => ({ address, kind: 'no_on_new' }));
    const genesis =
      expectedGenesis === null ? 'not_checked' : check(expectedGenesis, obs.genesisHash);
    if (genesis === 'mismatched' && expectedGenesis !== null) {
      alerts.push({
        code: 'genesis_mismatch',
        chain,
        expected: expectedGenesis,
        actual: obs.genesisHash,
      });
    }
    if (p.status === 'stalled' && p.ageSeconds !== null) {
      alerts.push({ code: 'stalled', chain, side: which, ageSeconds: p.ageSeconds });
    }
    if (defectors.length > 0) {
      alerts.push({
        code: 'defectors',
        chain,
        side: which,
        addresses: defectors.map((d) => d.address),
      });
    }
    return { ...p, genesis, defectors };
  };

  const alpha = {
    old: side('alpha', 'old', params.alpha.old, null),
    new: side('alpha', 'new', params.alpha.new, params.expected.alphaGenesisHash),
  };
  const deltaOld = side('delta', 'old', params.delta.old, null);
  const newDeltaObs = params.delta.new;
  const deltaNewBase = side('delta', 'new', newDeltaObs, params.expected.deltaGenesisHash);
  let deltaNew: DeltaSideHealth | null = null;
  if (deltaNewBase !== null && newDeltaObs !== undefined) {
    // Without an observed new Alpha, its expected hash is the reference.
    const alphaGenesis = params.alpha.new?.genesisHash ?? params.expected.alphaGenesisHash;
    const ok =
      newDeltaObs.alphaGenesisHash === alphaGenesis &&
      newDeltaObs.alphaNetworkId === params.targetNetwork;
    if (!ok) {
      alerts.push({
        code: 'delta_rogue',
        alphaGenesisHash: newDeltaObs.alphaGenesisHash,
        alphaNetworkId: newDeltaObs.alphaNetworkId,
      });
    }
    deltaNew = { ...deltaNewBase, alphaReference: ok ? 'matched' : 'mismatched' };
  }

  const both = (a?: SideObservation, b?: SideObservation) => {
    if (a === undefined || b === undefined) return [];
    const onNew = new Set(b.authors);
    return [...new Set(a.authors)].filter((x) => onNew.has(x));
  };
  const bothSides = {
    alpha: both(params.alpha.old, params.alpha.new),
    delta: both(params.delta.old, params.delta.new),
  };
  for (const chain of ['alpha', 'delta'] as const) {
    if (bothSides[chain].length > 0) {
      alerts.push({ code: 'double_authoring', chain, addresses: bothSides[chain] });
    }
  }
  return { alpha, delta: { old: deltaOld, new: deltaNew }, bothSides, alerts };
}
