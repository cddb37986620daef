import type { ValidatorView } from '@ratify/api';
import Link from 'next/link';
import { chainLabel, networkName, shorten } from '../format';
import { credits } from '../format-stake';
import { PhaseBadge } from '../phase-badge';
import { TableBox, Th } from '../table-box';

const ROLE_TEXT: Record<ValidatorView['role'], string> = {
  governor: 'Governor',
  public: 'Public validator',
  neither: 'Neither governor nor committee member',
};

type Net = { chain: string; networkId: number; genesisHash: string };

function NetworkName({ n }: { n: Net }) {
  return (
    <span className="whitespace-nowrap">
      {chainLabel(n.chain)} {networkName(n.networkId)}{' '}
      <span className="font-mono text-xs text-slate-600" title={n.genesisHash}>
        {shorten(n.genesisHash, 8, 4)}
      </span>
    </span>
  );
}

export function ValidatorDetail({ v }: { v: ValidatorView }) {
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Validator</h1>
        <p className="break-all font-mono text-sm" data-testid="validator-address">
          {v.address}
        </p>
        <p className="text-sm">
          <span className="font-medium" data-testid="validator-role">
            {ROLE_TEXT[v.role]}
          </span>
          {v.forms.length > 1 ? (
            <span className="text-slate-600">
              {' '}
              · also appears as{' '}
              {v.forms
                .filter((f) => f !== v.address)
                .map((f) => shorten(f, 8, 4))
                .join(', ')}
            </span>
          ) : null}
        </p>
      </header>
      <Roles v={v} />
      <Sides v={v} />
      <Votes v={v} />
      <Authoring v={v} />
    </div>
  );
}

function Roles({ v }: { v: ValidatorView }) {
  if (v.roles.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Never in a governor set or committee that was indexed.
      </p>
    );
  }
  return (
    <TableBox
      label="Role and stake over time"
      heading="Role and stake over time"
      testId="roles"
      stack
    >
      <thead>
        <tr>
          <Th>Network</Th>
          <Th right>From height</Th>
          <Th>Role</Th>
          <Th right>Stake</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {v.roles.flatMap((r) =>
          r.changes.map((c) => (
            <tr key={`${r.chainNetworkId}:${c.height}`}>
              <td data-label="Network" className="px-4 py-2">
                <NetworkName n={r} />
              </td>
              <td data-label="From height" className="px-4 py-2 text-right tabular-nums">
                {c.height.toLocaleString('en-US')}
              </td>
              <td data-label="Role" className="px-4 py-2">
                {c.role === 'neither' ? 'left' : c.role}
              </td>
              <td
                data-label="Stake"
                className="whitespace-nowrap px-4 py-2 text-right tabular-nums"
              >
                {c.stake ? credits(c.stake) : '–'}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </TableBox>
  );
}

function Sides({ v }: { v: ValidatorView }) {
  return (
    <TableBox
      label="Proposals and sides"
      heading="Proposals and which side it ends up on"
      testId="sides"
      stack
    >
      <thead>
        <tr>
          <Th>Proposal</Th>
          <Th>Phase</Th>
          <Th>Counted vote</Th>
          <Th>Side at activation</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {v.proposals.map((p) => (
          <tr key={`${p.chainNetworkId}/${p.proposalId}`} data-testid="side-row">
            <td data-label="Proposal" className="px-4 py-2">
              {/* One element per cell: a stacked row lays out each child on its own. */}
              <span>
                <Link
                  href={`/proposals/${p.proposalId}`}
                  title={p.proposalId}
                  className="text-sky-700 hover:underline"
                >
                  {chainLabel(p.chain)} {networkName(p.sourceNetwork)} →{' '}
                  {networkName(p.targetNetwork)}{' '}
                  <span className="font-mono text-xs">{shorten(p.proposalId, 6, 4)}</span>
                </Link>
                {p.proposer ? <span className="ml-2 text-xs text-slate-600">proposer</span> : null}
              </span>
            </td>
            <td data-label="Phase" className="px-4 py-2">
              <PhaseBadge phase={p.phase} />
            </td>
            <td data-label="Counted vote" className="px-4 py-2 capitalize">
              {p.choice ?? 'none'}
            </td>
            <td data-label="Side at activation" className="px-4 py-2">
              {!p.side
                ? 'no split: not approved'
                : `${p.side.moves ? 'moves to' : 'stays on'} ${networkName(p.side.network)}${p.side.activated ? '' : ' (at activation)'}`}
            </td>
          </tr>
        ))}
      </tbody>
    </TableBox>
  );
}

function Votes({ v }: { v: ValidatorView }) {
  return (
    <TableBox label="Votes" heading={`Votes (${v.votes.length})`} testId="validator-votes" stack>
      <thead>
        <tr>
          <Th>Proposal</Th>
          <Th>Choice</Th>
          <Th>Status</Th>
          <Th right>Height</Th>
          <Th>Transaction</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {v.votes.length === 0 ? (
          <tr>
            <td colSpan={5} className="px-4 py-3 text-slate-600">
              No votes.
            </td>
          </tr>
        ) : (
          [...v.votes].reverse().map((x) => (
            <tr key={`${x.chainNetworkId}:${x.transactionId}`} data-testid="validator-vote">
              <td data-label="Proposal" className="px-4 py-2 font-mono text-xs">
                <Link
                  href={`/proposals/${x.proposalId}`}
                  title={x.proposalId}
                  className="text-sky-700 hover:underline"
                >
                  {shorten(x.proposalId)}
                </Link>
              </td>
              <td data-label="Choice" className="px-4 py-2 capitalize">
                {x.choice}
              </td>
              <td data-label="Status" className="px-4 py-2">
                {!x.accepted ? (
                  <span className="text-rose-700">rejected by the chain</span>
                ) : x.counted ? (
                  'counted'
                ) : (
                  <span className="text-slate-600">replaced</span>
                )}
              </td>
              <td data-label="Height" className="px-4 py-2 text-right tabular-nums">
                {x.height.toLocaleString('en-US')}
              </td>
              <td
                data-label="Transaction"
                className="px-4 py-2 font-mono text-xs text-slate-600"
                title={x.transactionId}
              >
                {shorten(x.transactionId)}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </TableBox>
  );
}

function Authoring({ v }: { v: ValidatorView }) {
  return (
    <TableBox label="Authoring" heading="Authoring on each network" testId="authoring" stack>
      <thead>
        <tr>
          <Th>Network</Th>
          <Th right>Blocks led</Th>
          <Th right>Blocks with its certificate</Th>
          <Th right>Heights</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {v.authoring.length === 0 ? (
          <tr>
            <td colSpan={4} className="px-4 py-3 text-slate-600">
              No block indexed carries its certificate.
            </td>
          </tr>
        ) : (
          v.authoring.map((a) => (
            <tr key={a.chainNetworkId} data-testid="authoring-row">
              <td data-label="Network" className="px-4 py-2">
                <NetworkName n={a} />
              </td>
              <td data-label="Blocks led" className="px-4 py-2 text-right tabular-nums">
                {a.led.toLocaleString('en-US')}
              </td>
              <td
                data-label="Blocks with its certificate"
                className="px-4 py-2 text-right tabular-nums"
              >
                {a.certificates.toLocaleString('en-US')}
              </td>
              <td
                data-label="Heights"
                className="whitespace-nowrap px-4 py-2 text-right tabular-nums"
              >
                {a.firstHeight.toLocaleString('en-US')}–{a.lastHeight.toLocaleString('en-US')}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </TableBox>
  );
}
