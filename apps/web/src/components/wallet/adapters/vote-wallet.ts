import type {
  ConnectFeature,
  ExecuteFeature,
  TransactionStatusFeature,
  WalletDecryptPermission,
  WalletEvents,
  WalletFeatureName,
} from '@provablehq/aleo-wallet-standard';

// Only the types of the Aleo wallet standard are imported: each key below is checked
// against the package's own enum at compile time, and none of its code enters the bundle.
export const FEATURE = {
  connect: 'standard:connect' satisfies `${WalletFeatureName.CONNECT}`,
  execute: 'aleo:execute' satisfies `${WalletFeatureName.EXECUTE}`,
  transactionStatus: 'aleo:transaction-status' satisfies `${WalletFeatureName.TRANSACTION_STATUS}`,
  /** The wallet standard's events feature; it carries the Aleo standard's event names. */
  events: 'standard:events',
} as const;

/** A vote needs no record decryption. */
export const NO_DECRYPT = 'NO_DECRYPT' satisfies `${WalletDecryptPermission.NoDecrypt}`;

export type StandardNetwork = Parameters<ConnectFeature['connect']>[0];
export type TransactionOptions = Parameters<ExecuteFeature['executeTransaction']>[0];
export type TransactionStatusResponse = Awaited<
  ReturnType<TransactionStatusFeature['transactionStatus']>
>;

/** The Aleo standard's events a vote panel follows. */
export type WalletEvent =
  | { type: 'accountChange' & keyof WalletEvents }
  | { type: 'disconnect' & keyof WalletEvents }
  | { type: 'networkChange' & keyof WalletEvents; network: string };

/**
 * One wallet as the vote panel sees it, whether a wallet registered in the page under the
 * wallet standard or the dashboard's built-in keystore: one code path for every wallet.
 */
export type VoteWallet = {
  /** Unique among the wallets of this page. */
  id: string;
  name: string;
  /** A `data:image/…` URI, or null: remote icons are not loaded (they would tell a server who looks). */
  icon: string | null;
  /** True for the keystore: it relays through this dashboard instead of broadcasting itself. */
  builtIn: boolean;
  /** Chain-networks the wallet says it serves, as `alpha:canary`; empty when it does not say. */
  chains: readonly string[];
  connect(network: string, programs: string[]): Promise<{ address: string }>;
  disconnect(): Promise<void>;
  /** The id may be the wallet's own, temporary one; the vote is matched in the index anyway. */
  executeTransaction(
    options: TransactionOptions,
  ): Promise<{ transactionId: string; expiresAtHeight?: number }>;
  /** Offered only by wallets that have `aleo:transaction-status`. */
  transactionStatus?: (transactionId: string) => Promise<TransactionStatusResponse>;
  /** Follows the wallet's account, network and disconnect events; answers the unsubscribe. */
  subscribe(listener: (event: WalletEvent) => void): () => void;
};

/** A wallet of the page that cannot vote here, and why. */
export type UnusableWallet = { id: string; name: string; icon: string | null; reason: string };

/** Keeps only icons that are inline images, as the wallet standard requires. */
export function safeIcon(icon: unknown): string | null {
  return typeof icon === 'string' && /^data:image\/(svg\+xml|webp|png|gif);base64,/.test(icon)
    ? icon
    : null;
}
