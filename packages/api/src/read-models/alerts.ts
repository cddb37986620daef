import type { HealthAlert } from '@ratify/governance';
import { defineView, type ReadContext } from './cache/define-view';
import { chainContextView } from './chain-context';
import { splitView } from './split';

export type Alert = {
  severity: 'critical' | 'warning';
  code: string;
  message: string;
  /** Where the dashboard shows the details. */
  href: string;
};

const short = (hash: string) => `${hash.slice(0, 12)}…${hash.slice(-6)}`;

function fromHealth(a: HealthAlert, oldChainHalts: boolean): Alert {
  switch (a.code) {
    case 'genesis_mismatch':
      return {
        severity: 'critical',
        code: a.code,
        message: `New ${a.chain} genesis ${short(a.actual)} is not the expected ${short(a.expected)}: the upgrade must halt.`,
        href: '/split',
      };
    case 'delta_rogue':
      return {
        severity: 'critical',
        code: a.code,
        message: `Rogue Delta: its genesis names Alpha ${short(a.alphaGenesisHash)} on network ${a.alphaNetworkId}, not the new Alpha.`,
        href: '/split',
      };
    case 'stalled': {
      const expected = a.side === 'old' && oldChainHalts;
      return {
        severity: expected ? 'warning' : 'critical',
        code: a.code,
        message: `${a.chain} ${a.side} network: no block for ${a.ageSeconds} s${expected ? ' (expected: no quorum left there)' : ''}.`,
        href: '/split',
      };
    }
    case 'defectors':
      return {
        severity: 'warning',
        code: a.code,
        message: `${a.chain} ${a.side} network: ${a.addresses.length} validator(s) authoring against their vote.`,
        href: '/split',
      };
    case 'double_authoring':
      return {
        severity: 'critical',
        code: a.code,
        message: `${a.chain}: ${a.addresses.length} validator(s) authoring on both networks at once.`,
        href: '/split',
      };
  }
}

/**
 * What an operator must see at once, on every page: the split's health alerts after
 * activation, and before it any chain whose blocks have stopped coming.
 */
export async function buildAlerts(ctx: ReadContext): Promise<Alert[]> {
  const [split, chain] = await Promise.all([
    splitView.read(ctx, undefined),
    chainContextView.read(ctx, undefined),
  ]);
  if (split?.health) {
    const alerts = split.health.alerts.map((a) => fromHealth(a, split.projection.oldChainHalts));
    return alerts.sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1,
    );
  }
  const alerts: Alert[] = [];
  for (const { network } of chain.listed) {
    const stall = chain.production.get(network.id)?.stall;
    if (stall?.stalled) {
      alerts.push({
        severity: 'critical',
        code: 'stalled',
        message: `${network.chain} (network ${network.networkId}) has produced no block for ${stall.ageSeconds} s (threshold ${stall.thresholdSeconds} s).`,
        href: '/chains',
      });
    }
  }
  return alerts;
}

/** The alerts, once per commit to any chain-network and at most once a second. */
export const alertsView = defineView({
  name: 'alerts',
  version: (_: undefined, v) => `${v.chains()}@${v.clock(1_000)}`,
  compute: (ctx) => buildAlerts(ctx),
});
