export {
  type Account,
  accountFromSecretKey,
  accountFromSeed,
  addressOf,
  randomAccount,
} from './account';
export {
  AUTHORIZATION_DOMAIN,
  type AuthorizationMessageParameters,
  authorizationMessage,
  type ChainName,
  signAuthorization,
  verifyAuthorizationSignature,
} from './authorization';
export {
  type Authorization,
  type BuildExecuteTransactionParameters,
  buildExecuteTransaction,
  DEFAULT_FEE,
  type ExecuteTransaction,
  type Transition,
  type TransitionInput,
  type TransitionOutput,
  transactionId,
  transitionId,
} from './execute-transaction';
export { futureArguments, printFuture } from './future';
export { bytesToBigIntLE, canonicalJson, FIELD_MODULUS, fieldToBytesLE, hashToField } from './hash';
export { decryptSecretKey, encryptSecretKey, type Keystore, keystoreSchema } from './keystore';
export {
  signedExecuteSchema,
  type VerifyContext,
  type VerifyResult,
  verifyExecuteAuthorization,
} from './verify-transaction';
