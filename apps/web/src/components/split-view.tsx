'use client';
import type { SplitView as SplitData } from '@ratify/api';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/client';
import { AddressLink } from './address-link';
import { duration } from './countdown';
import { networkName, shorten } from './format';
import { GenesisAgreementPanel } from './split/genesis-agreement';

const STATUS_STYLE: Record<string, string> = {
  producing: 'bg-emerald-100 text-emerald-800',
  slow: 'bg-amber-100 text-amber-800',
  stalled: 'bg-rose-100 text-rose-800',
  not_started: 'bg-slate-100 text-slate-600',
};

function bps(value: number): string {
  return `${Math.floor(value / 100)}.${Math.floor((value % 100) / 10)}%`;
}

function alertText(
  a: NonNullable<SplitData['health']>['alerts'][number],
  oldHalts: boolean,
): string {
  switch (a.code) {
    case 'genesis_mismatch':
      return `${a.chain} genesis hash mismatch: expected ${shorten(a.expected, 12, 6)}, the new chain has ${shorten(a.actual, 12, 6)}. The upgrade must halt.`;
    case 'delta_rogue':
      return `Rogue Delta: its genesis names Alpha genesis ${shorten(a.alphaGenesisHash, 12, 6)} on network ${a.alphaNetworkId}, not the new Alpha.`;
    case 'stalled':
      return `${a.chain} ${a.side} side stalled: no block for ${duration(a.ageSeconds)}.${
        a.side === 'old' && oldHalts
          ? ' Expected: the validators left there hold no BFT quorum.'
          : ''
      }`;
    case 'defectors':
      return `${a.chain} ${a.side} side: ${a.addresses.length} validator(s) authoring against their vote.`;
    case 'double_authoring':
      return `${a.chain}: ${a.addresses.length} validator(s) authoring on both sides at once.`;
  }
}

export function SplitPanel() {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(
    trpc.split.get.queryOptions(undefined, { refetchInterval: 5_000 }),
  );
  if (isPending) return <p className="text-slate-500">Loading…</p>;
  if (error) return <p className="text-red-700">Could not load the split: {error.message}</p>;
  if (!data)
    return (
      <div className="space-y-8">
        <p className="text-slate-500">No proposal indexed yet.</p>
        <GenesisAgreementPanel known={null} />
      </div>
    );
  const { projection: pr } = data;
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600">
        Proposal <span className="font-mono">{shorten(data.proposalId)}</span>:{' '}
        {networkName(data.sourceNetwork)} → {networkName(data.targetNetwork)} at Alpha height{' '}
        {data.activationHeight.toLocaleString('en-US')}
        {data.oldAlphaHead !== null ? ` (now ${data.oldAlphaHead.toLocaleString('en-US')})` : ''}.{' '}
        {data.approved
          ? 'Approved.'
          : data.votingOpen
            ? 'Voting is open: this is a projection from the votes so far.'
            : 'Not approved: no split will happen.'}
      </p>

      {data.health && data.health.alerts.length > 0 ? (
        <ul className="space-y-2" data-testid="split-alerts">
          {data.health.alerts.map((a) => (
            <li
              key={JSON.stringify(a)}
              role="alert"
              className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm font-medium text-rose-800"
            >
              {alertText(a, pr.oldChainHalts)}
            </li>
          ))}
        </ul>
      ) : null}

      <section className="grid gap-6 md:grid-cols-2">
        {[
          {
            title: `Moves to ${networkName(data.targetNetwork)} (Yes)`,
            side: pr.newSide,
            isNew: true,
          },
          {
            title: `Stays on ${networkName(data.sourceNetwork)} (No, Abstain, not voted)`,
            side: pr.oldSide,
            isNew: false,
          },
        ].map(({ title, side, isNew }) => (
          <div key={title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-1 text-sm text-slate-600">
              {side.count} validators, {bps(side.stakeBps)} of stake ·{' '}
              {isNew ? (
                <span>the committee of the new network's genesis</span>
              ) : !pr.oldChainHalts ? (
                <span className="text-emerald-700">
                  keeps a BFT quorum: the old network goes on
                </span>
              ) : (
                <span className="font-medium text-rose-700" data-testid="old-chain-halts">
                  no BFT quorum (needs more than 2/3 of stake): the old network stops producing at
                  activation
                </span>
              )}
            </p>
            <ul className="mt-3 space-y-1 text-sm">
              {side.validators.map((v) => (
                <li key={v.address} className="flex justify-between gap-4 text-xs">
                  <AddressLink address={v.address} />
                  <span className="text-slate-500">{v.choice.replace('_', ' ')}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <GenesisAgreementPanel
        known={{
          expectedAlpha: data.expected.alphaGenesisHash,
          oldAlpha: data.networks.oldAlpha?.genesisHash ?? null,
          newAlpha: data.networks.newAlpha?.genesisHash ?? null,
        }}
      />

      {data.health ? (
        <section className="grid gap-4 md:grid-cols-2" data-testid="split-health">
          {(
            [
              ['Alpha, old network', data.health.alpha.old],
              ['Alpha, new network', data.health.alpha.new],
              ['Delta, old network', data.health.delta.old],
              ['Delta, new network', data.health.delta.new],
            ] as const
          ).map(([title, h]) => (
            <div key={title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-center justify-between">
                <h3 className="font-medium">{title}</h3>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[h?.status ?? 'not_started']}`}
                >
                  {h ? h.status.replace('_', ' ') : 'not seen'}
                </span>
              </div>
              {h ? (
                <dl className="mt-2 grid grid-cols-2 gap-1 text-xs text-slate-600">
                  <dt>Last block</dt>
                  <dd className="tabular-nums">
                    {h.lastBlock
                      ? `${h.lastBlock.height.toLocaleString('en-US')} · ${duration(h.ageSeconds ?? 0)} ago`
                      : '–'}
                  </dd>
                  <dt>Genesis</dt>
                  <dd>{h.genesis.replace('_', ' ')}</dd>
                  {'alphaReference' in h ? (
                    <>
                      <dt>Names the new Alpha</dt>
                      <dd>{h.alphaReference.replace('_', ' ')}</dd>
                    </>
                  ) : null}
                  <dt>Defectors</dt>
                  <dd>{h.defectors.length}</dd>
                </dl>
              ) : null}
            </div>
          ))}
        </section>
      ) : (
        <p className="text-sm text-slate-500">
          Activation has not happened yet; chain health appears here once it does.
        </p>
      )}
    </div>
  );
}
