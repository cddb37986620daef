import { DEFAULT_HRP, UPSTREAM_HRP } from '@ratify/aleo';
import { chainLabel } from '../format';

/** Where the proposal is voted: the chain, its network's path name, and the chain's address prefix. */
export type VoteTarget = { chain: string; network: string; hrp: string };

/** `alpha:canary` as a person reads it: "Alpha canary". */
export function chainNetworkLabel(id: string): string {
  const [chain = id, network] = id.split(':');
  return network ? `${chainLabel(chain)} ${network}` : chainLabel(chain);
}

const article = (word: string) => `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
const hrpOf = (address: string) => address.slice(0, Math.max(0, address.lastIndexOf('1')));

/** The chain an address belongs to, by its prefix: this chain's, upstream Aleo's, or unknown. */
export function addressChain(address: string, target: VoteTarget): string | null {
  const hrp = hrpOf(address);
  if (hrp === target.hrp) return target.chain;
  if (hrp === UPSTREAM_HRP) return 'aleo';
  const known = Object.entries(DEFAULT_HRP).find(([, h]) => h === hrp);
  return known ? known[0] : null;
}

/**
 * Why a wallet cannot vote on this proposal before it is even connected: it says it serves
 * chains, and the proposal's is not among them. A wallet that names no chain is asked anyway.
 */
export function chainsProblem(
  wallet: { name: string; chains: readonly string[] },
  target: VoteTarget,
): string | null {
  const wanted = `${target.chain}:${target.network}`;
  if (wallet.chains.length === 0 || wallet.chains.includes(wanted)) return null;
  const offers = wallet.chains.map(chainNetworkLabel).join(', ');
  return `${wallet.name} is on ${offers}, but this proposal is voted on ${chainNetworkLabel(wanted)}. Switch the wallet to ${chainNetworkLabel(wanted)} or choose another wallet.`;
}

/** Why the connected account cannot vote on this proposal: another chain or another network. */
export function connectionProblem(
  wallet: { name: string },
  connected: { address: string; network: string },
  target: VoteTarget,
): string | null {
  const wanted = chainNetworkLabel(`${target.chain}:${target.network}`);
  const chain = addressChain(connected.address, target);
  if (chain !== target.chain) {
    const from = chain
      ? `${article(chainLabel(chain))} address`
      : `an address with prefix "${hrpOf(connected.address)}"`;
    return `${wallet.name} gave ${from}; votes on ${wanted} come from ${target.hrp}1… addresses. Switch the wallet to ${wanted}.`;
  }
  if (connected.network !== target.network) {
    return `${wallet.name} is on ${chainNetworkLabel(`${chain}:${connected.network}`)}, but this proposal is voted on ${wanted}. Switch the wallet to ${target.network} to vote.`;
  }
  return null;
}
