export { createDbClient, type Database, type DbClient } from './client';
export {
  type ChainNetworkRecord,
  findProposal,
  findProposalsById,
  indexedHeight,
  latestValidatorSet,
  listChainNetworks,
  listNodes,
  listProposals,
  type ProposalRecord,
  recentBlocks,
  validatorSetAt,
  type ValidatorSetRecord,
  type VoteRecord,
  votesForProposal,
} from './queries';
export { blocks, chainNetworks, checkpoints, nodes, type OnchainCounters, proposals, validatorSets, votes } from './schema';
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
