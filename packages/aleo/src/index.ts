export {
  Bech32Error,
  type Bech32IdPrefix,
  blockHashToField,
  DEFAULT_HRP,
  decodeAddress,
  decodeBech32Id,
  decodeBech32m,
  encodeAddress,
  encodeBech32Id,
  encodeBech32m,
  fieldToBlockHash,
  isAddress,
  UPSTREAM_HRP,
} from './bech32';
export {
  blockAuthors,
  blockLeader,
  GOVERNANCE_FUNCTIONS,
  type GovernanceFunction,
  type GovernanceTransition,
  GovernanceTransitionError,
  governanceTransitions,
} from './block-helpers';
export { blockSummary } from './block-summary';
export {
  CREDITS_PROGRAM,
  NETWORK_NAMES,
  type NetworkName,
  networkNameOf,
  VOTE_FUNCTION,
} from './chain-constants';
export {
  type NodeErrorKind,
  NodeRequestError,
  type NodeRequestErrorParameters,
} from './client/errors';
export { parseRetryAfterMs, type RequestOptions } from './client/http';
export {
  type CommitteeInfo,
  type CommitteeMember,
  createNodeClient,
  DEFAULT_REQUESTS_PER_SECOND,
  MAX_BLOCKS_PER_CALL,
  type MappingValueWithMetadata,
  type NodeClient,
  type NodeClientOptions,
  type PacingState,
} from './client/node-client';
export { BaseError, type BaseErrorParameters, isRetryable } from './errors';
export {
  FIELD_ID_MESSAGE,
  type ParseFieldIdOptions,
  parseFieldId,
  proposalIdSchema,
} from './field-id';
export {
  decodeProposal,
  decodeSubmitArgs,
  decodeVote,
  decodeVoteArgs,
  encodeProposal,
  encodeSubmitArgs,
  encodeVote,
  encodeVoteArgs,
  GovernanceDecodeError,
  type NetworkUpgradeProposal,
  type NetworkUpgradeVote,
  type SubmitNetworkUpgradeArgs,
  type VoteChoice,
  type VoteNetworkUpgradeArgs,
} from './governance-structs';
export { ChainJsonError, parseChainJson, stringifyChainJson } from './json';
export { pt } from './plaintext/build';
export { PlaintextError } from './plaintext/errors';
export { parsePlaintext } from './plaintext/parse';
export { printPlaintext } from './plaintext/print';
export { type PlaintextJson, plaintextToJson } from './plaintext/to-json';
export {
  type AddressValue,
  type ArrayValue,
  type BooleanValue,
  FIELD_MODULUS,
  type FieldLikeType,
  type FieldLikeValue,
  type FutureValue,
  INTEGER_TYPES,
  type IntegerType,
  type IntegerValue,
  integerRange,
  type LiteralType,
  type LiteralValue,
  MAX_DEPTH,
  MAX_ELEMENTS,
  MAX_IDENTIFIER_BYTES,
  MAX_MEMBERS,
  MAX_STRING_BYTES,
  type Plaintext,
  SCALAR_MODULUS,
  type SignatureValue,
  type StringValue,
  type StructValue,
} from './plaintext/types';
export {
  type Authority,
  authoritySchema,
  type BatchCertificate,
  type Block,
  type BlockHeader,
  type BlockMetadata,
  batchCertificateSchema,
  blockSchema,
  type Committee,
  committeeSchema,
  headerSchema,
  metadataSchema,
  type Ratification,
  ratificationSchema,
  type Solution,
} from './schemas/block';
export {
  ChainSchemaError,
  decodeBlock,
  decodeConfirmedTransaction,
  decodeTransaction,
} from './schemas/decode';
export {
  type ConfirmedTransaction,
  confirmedTransactionSchema,
  type Deployment,
  type DeployTransaction,
  deploymentSchema,
  type ExecuteTransaction,
  type Execution,
  type ExecutionAuthorization,
  executionAuthorizationSchema,
  executionSchema,
  type Fee,
  type FeeTransaction,
  type FinalizeOperation,
  feeSchema,
  finalizeOperationSchema,
  type Rejected,
  type Transaction,
  transactionSchema,
} from './schemas/transaction';
export {
  type Transition,
  type TransitionInput,
  type TransitionOutput,
  transitionInputSchema,
  transitionOutputSchema,
  transitionSchema,
} from './schemas/transition';
