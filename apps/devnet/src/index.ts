export { buildGenesis, type GenesisParams, paramsHash } from './chain/genesis';
export type { Block, ChainName, ConfirmedTransaction } from './chain/types';
export { type Faults, faultsSchema, NO_FAULTS } from './faults/faults';
export { MAX_BLOCK_RANGE } from './http/node-routes';
export { MAX_BODY_BYTES } from './http/server';
export { NETWORK_NAMES } from './network/devnet';
export type { DevnetAccount, DevnetEvent } from './network/events';
export { MAX_BLOCKS_BEHIND, MAX_TRANSACTION_BYTES } from './node/chain-node';
export { approvedByCounters, MAPPING_NAMES, PROGRAM_ID } from './program/credits-alpha';
export { type Proposal, printProposal, printVote, type Vote } from './program/structs';
export { findScenario, listScenarios } from './scenarios/registry';
export type {
  Misbehaviour,
  Scenario,
  ScenarioContext,
  ScenarioDefinition,
  ScenarioProposal,
  ScenarioValidator,
  ScenarioVote,
} from './scenarios/types';
export {
  type Devnet,
  type DevnetNode,
  type DevnetOptions,
  devnetOptionsSchema,
  startDevnet,
} from './start-devnet';
