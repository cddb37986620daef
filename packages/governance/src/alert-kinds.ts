/**
 * Every kind of alert Ratify raises, with the severity it is shown with. One list for the
 * indexer that raises them, the receivers' `kinds` filters and the dashboard.
 */
export const ALERT_KINDS = {
  proposal_created: 'info',
  voting_ends_soon: 'info',
  proposal_approved: 'info',
  proposal_rejected: 'info',
  activation_soon: 'warning',
  alpha_started: 'info',
  delta_started: 'info',
  genesis_mismatch: 'critical',
  delta_rogue: 'critical',
  chain_stalled: 'critical',
  chain_slow: 'warning',
  validator_defecting: 'warning',
  validator_double_authoring: 'critical',
  audit_mismatch: 'critical',
  index_paused: 'critical',
  test: 'info',
} as const satisfies Record<string, AlertSeverity>;

export type AlertSeverity = 'critical' | 'warning' | 'info';
export type AlertKind = keyof typeof ALERT_KINDS;
export const alertKindNames = Object.keys(ALERT_KINDS) as [AlertKind, ...AlertKind[]];
