import { supermajorityRequired } from './approval';
import type { GovernorSet } from './types';

export interface GenesisReport {
  governor: string;
  /** The `/genesis/hash` its node answered (`ab1…`), or null when it did not answer. */
  hash: string | null;
}

export type GenesisAgreement =
  | {
      agreed: true;
      hash: string;
      /** Governors reporting `hash`. */
      count: number;
      governors: number;
      required: number;
      /** Governors reporting another hash. */
      dissenting: string[];
      /** Governors with no answer. */
      silent: string[];
    }
  | {
      agreed: false;
      /** The most reported hash, when any. */
      best: { hash: string; count: number } | null;
      governors: number;
      required: number;
      silent: string[];
    };

/**
 * The genesis hash that at least 67% of the governors' nodes report (`100 * n >= 67 * G`),
 * or none. Two hashes cannot both reach 67%. Reports from non-governors are ignored; a
 * governor reported twice counts with its last report. With no governors nothing is agreed.
 */
export function genesisAgreement(
  governors: GovernorSet,
  reports: readonly GenesisReport[],
): GenesisAgreement {
  const members = [...new Set(governors)];
  const memberSet = new Set(members);
  const hashOf = new Map<string, string | null>();
  for (const r of reports) if (memberSet.has(r.governor)) hashOf.set(r.governor, r.hash);

  const counts = new Map<string, number>();
  for (const hash of hashOf.values())
    if (hash !== null) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  let best: { hash: string; count: number } | null = null;
  for (const [hash, count] of counts)
    if (best === null || count > best.count) best = { hash, count };

  const G = members.length;
  const required = supermajorityRequired(G);
  const silent = members.filter((g) => (hashOf.get(g) ?? null) === null);
  if (best !== null && G > 0 && 100 * best.count >= 67 * G) {
    const hash = best.hash;
    const dissenting = members.filter((g) => {
      const h = hashOf.get(g) ?? null;
      return h !== null && h !== hash;
    });
    return { agreed: true, hash, count: best.count, governors: G, required, dissenting, silent };
  }
  return { agreed: false, best, governors: G, required, silent };
}
