'use client';
import { networkNameOf } from '@ratify/aleo';
import type { AppRouter, ProposalPage } from '@ratify/api';
import { addressOf } from '@ratify/wallet';
import { useQuery } from '@tanstack/react-query';
import type { TRPCClient } from '@trpc/client';
import { useEffect } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/client';
import { createKeystoreWallet } from './adapters/keystore-wallet';
import { useStandardWallets } from './adapters/use-standard-wallets';
import type { VoteWallet } from './adapters/vote-wallet';
import { type Connection, connection, useConnection } from './connection-store';
import { signerState } from './vote-blocker';
import { addressChain, chainsProblem, connectionProblem, type VoteTarget } from './wallet-fit';
import { useWalletState } from './wallet-store';

// One keystore wallet object per tRPC client: the connection store tells wallets apart by identity.
const keystores = new WeakMap<TRPCClient<AppRouter>, VoteWallet>();

export function useKeystoreWallet(): VoteWallet {
  const client = useTRPCClient();
  let wallet = keystores.get(client);
  if (!wallet) {
    wallet = createKeystoreWallet(client);
    keystores.set(client, wallet);
  }
  return wallet;
}

const DISCONNECTED: Connection = { status: 'disconnected' };

/**
 * Everything the vote panel knows about who would sign, before anything is signed: the chosen
 * wallet and its connection, the address, its role here, and why the wallet cannot vote here.
 */
export function useVoteAccount(p: ProposalPage) {
  const trpc = useTRPC();
  const keystore = useKeystoreWallet();
  const { usable, unusable } = useStandardWallets();
  const chosen = useConnection();
  const ks = useWalletState();
  const config = useQuery(
    trpc.votes.config.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
  const wallet = chosen.wallet ?? keystore;
  const conn = chosen.wallet === wallet ? chosen.connection : DISCONNECTED;
  const hrp = config.data?.hrp ?? null;
  const target: VoteTarget = {
    chain: p.chain,
    network: networkNameOf(p.networkId) ?? `network-${p.networkId}`,
    hrp: hrp ?? '',
  };

  // An unlocked keystore needs no approval: it is connected as soon as it opens.
  useEffect(() => {
    if (wallet.builtIn && ks.status === 'unlocked' && conn.status === 'disconnected')
      void connection.connect(wallet, target.network);
  }, [wallet, ks.status, conn.status, target.network]);

  // A locked keystore's address is known (its public key is stored in the clear).
  let address: string | null = null;
  if (conn.status === 'connected') address = conn.address;
  else if (wallet.builtIn && hrp && ks.status === 'locked')
    address = addressOf(ks.publicKeyHex, hrp);
  const eligibility = useQuery(
    trpc.votes.eligibility.queryOptions(
      { proposalId: p.proposalId, address: address ?? '' },
      { enabled: address !== null },
    ),
  );

  let fit: string | null = null;
  if (hrp && !wallet.builtIn)
    fit =
      conn.status === 'connected'
        ? connectionProblem(wallet, conn, target)
        : chainsProblem(wallet, target);

  return {
    keystore,
    usable,
    unusable,
    wallet,
    conn,
    ks,
    target,
    address,
    chain: conn.status === 'connected' && hrp ? addressChain(conn.address, target) : null,
    eligibility: eligibility.data,
    fit,
    signer: signerState({ builtIn: wallet.builtIn, keystore: ks.status, connection: conn.status }),
    relayNodes: config.data?.relayNodes ?? null,
  };
}
