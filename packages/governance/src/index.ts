// Governance rules of chain.md sections 6-7: pure functions over typed values, no I/O.

export { ALERT_KINDS, type AlertKind, type AlertSeverity, alertKindNames } from './alert-kinds';
export type {
  Approval,
  ApprovalCondition,
  ApprovalConditionId,
  ApprovalThresholds,
  ConditionDistance,
  Distance,
  DistanceOptions,
  SupermajorityCondition,
} from './approval';
export { distanceToApproval, evaluateApproval, supermajorityRequired } from './approval';
export type { CounterMismatch, CounterName } from './audit';
export { auditCounters } from './audit';
export {
  type BodyChoices,
  bodyMembers,
  decodeBodyChoices,
  encodeBodyChoices,
} from './body-choices';
export type {
  Countdown,
  CountdownParameters,
  HeightAtTime,
  HeightAtTimeParameters,
  IntervalStats,
  Stall,
  StallOptions,
  WindowOptions,
} from './countdown';
export { detectStall, estimateCountdown, heightAtTime, intervalStats } from './countdown';
export type { GenesisAgreement, GenesisReport } from './genesis';
export { genesisAgreement } from './genesis';
export type {
  DeltaObservation,
  HaltReason,
  Lifecycle,
  LifecycleInput,
  LifecycleState,
  NetworkObservation,
} from './lifecycle';
export { lifecycle } from './lifecycle';
export type {
  ProjectedChoice,
  ProjectedSide,
  ProjectedValidator,
  ProjectSplitParameters,
  SplitProjection,
} from './split';
export { hasBftQuorum, projectSplit } from './split';
export type {
  Defector,
  DeltaSideHealth,
  DeltaSideObservation,
  HashCheck,
  HealthAlert,
  ProductionStatus,
  SideHealth,
  SideObservation,
  SplitHealth,
  SplitHealthParameters,
} from './split-health';
export { splitHealth } from './split-health';
export type {
  BodyTally,
  ComputeTallyParameters,
  IneligibleReason,
  IneligibleVote,
  Tally,
  TallyCounts,
} from './tally';
export { computeTally, isLaterVote, tallyCounts } from './tally';
export type { TallyHistory, TallyHistoryParameters, TallyPoint } from './tally-history';
export { tallyHistory } from './tally-history';
export type {
  BlockTime,
  CastVote,
  ChoiceName,
  Committee,
  CommitteeMember,
  GovernorSet,
  NetworkId,
  NetworkUpgradeProposal,
  ProposalTerms,
  VoteChoice,
} from './types';
export {
  ABSTAIN,
  CANARY,
  CHOICE_BY_NAME,
  CHOICE_LABELS,
  CHOICE_NAMES,
  MAINNET,
  NO,
  TESTNET,
  YES,
} from './types';
export type {
  InvalidReason,
  InvalidReasonCode,
  ProposalValidity,
  ValidityContext,
} from './validity';
export { proposalValidity } from './validity';
export type { RejectionContext, RejectionReason } from './vote-rejection';
export { rejectionReason } from './vote-rejection';
export type { WhatIf, WhatIfParameters } from './what-if';
export { whatIf } from './what-if';
