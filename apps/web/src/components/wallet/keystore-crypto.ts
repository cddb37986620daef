// The keystore's curve, scrypt and transaction code, loaded with import() once someone
// creates, imports, unlocks or signs: a page that only shows the wallet does not need it.
export { parsePlaintext } from '@ratify/aleo';
export {
  accountFromSecretKey,
  buildExecuteTransaction,
  decryptSecretKey,
  encryptSecretKey,
  randomAccount,
} from '@ratify/wallet';
