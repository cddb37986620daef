export {
  type Account,
  accountFromSecretKey,
  accountFromSeed,
  randomAccount,
} from './account';
export { addressOf } from './address';
export {
  AUTHORIZATION_DOMAIN,
  type AuthorizationMessageParameters,
  authorizationMessage,
  type ChainName,
  signAuthorization,
  verifyAuthorizationSignature,
} from './authorization';
export { DEFAULT_FEE } from './constants';
export {
  type Authorization,
  type BuildExecuteTransactionParameters,
  buildExecuteTransaction,
  type ExecuteTransaction,
  type Transition,
  type TransitionInput,
  type TransitionOutput,
  transactionId,
  transitionId,
} from './execute-transaction';
export { futureArguments, printFuture } from './future';
export { bytesToBigIntLE, canonicalJson, FIELD_MODULUS, fieldToBytesLE, hashToField } from './hash';
export { decryptSecretKey, encryptSecretKey } from './keystore';
export { type Keystore, keystoreSchema } from './keystore-schema';
export {
  signedExecuteSchema,
  type VerifyContext,
  type VerifyResult,
  verifyExecuteAuthorization,
} from './verify-transaction';
