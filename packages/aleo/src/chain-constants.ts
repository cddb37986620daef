// The chains' own names, written once (chain.md sections 1 and 6).

/** The credits program of the forks: balances, fees and the network-upgrade governance. */
export const CREDITS_PROGRAM = 'credits.alpha';
export const VOTE_FUNCTION = 'vote_network_upgrade';

/** A network's path name by id: the `{network}` segment of a node's REST base. */
export const NETWORK_NAMES = { 0: 'mainnet', 1: 'testnet', 2: 'canary' } as const;
export type NetworkName = (typeof NETWORK_NAMES)[keyof typeof NETWORK_NAMES];

/** The path name of a known network id; undefined for an id this code does not know. */
export function networkNameOf(networkId: number): NetworkName | undefined {
  return (NETWORK_NAMES as Record<number, NetworkName>)[networkId];
}
