import { networkNameOf } from '@ratify/aleo';
import { z } from 'zod';
import type { VoteRateLimits } from './rate-limit';

/** Where the dashboard relays signed votes: Alpha node base URLs with their network segment. */
export const relayConfigSchema = z.object({
  alphaNodes: z.array(z.url({ protocol: /^https?$/ })),
  hrp: z.string().regex(/^[a-z]{1,83}$/, 'an HRP is lowercase letters'),
});
/** `limits`: the process's relay rate limits; absent, nothing is limited (tests, scripts). */
export type RelayConfig = z.infer<typeof relayConfigSchema> & { limits?: VoteRateLimits };

export function networkPathName(networkId: number): string {
  return networkNameOf(networkId) ?? `network-${networkId}`;
}

/**
 * The configured nodes that serve this network, in configured order. A node's URL ends in
 * its network segment, so a post-split node is never asked to carry a source-network vote.
 */
export function nodesForNetwork(config: RelayConfig, networkId: number): string[] {
  const name = networkPathName(networkId);
  return config.alphaNodes.filter((url) =>
    new URL(url).pathname.replace(/\/+$/, '').endsWith(`/${name}`),
  );
}
