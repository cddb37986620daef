export { createDbClient, type Database, type DbClient } from './client';
export {
  type IndexedNotification,
  indexedPayload,
  parseIndexedPayload,
} from './notify';
export {
  blockAt,
  type ChainNetworkRecord,
  findProposal,
  findProposalsById,
  indexedHeight,
  indexedHeights,
  latestValidatorSet,
  listChainNetworks,
  listNodes,
  listProposals,
  type ProposalRecord,
  proposalsWithStaleCounters,
  recentBlocks,
  type ValidatorSetRecord,
  type VoteRecord,
  validatorSetAt,
  votesForProposal,
} from './queries';
export {
  blocks,
  chainNetworks,
  checkpoints,
  nodes,
  type OnchainCounters,
  proposals,
  validatorSets,
  votes,
} from './schema';
export {
  type BlockRow,
  type ChainNetworkRow,
  type IndexedBatch,
  NOTIFY_CHANNEL,
  type ProposalRow,
  readCheckpoint,
  recordNodeStatus,
  rewindTo,
  upsertChainNetwork,
  type VoteRow,
  writeBatch,
} from './writes';
