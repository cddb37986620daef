import { DEFAULT_HRP, decodeAddress, encodeAddress } from '@ratify/aleo';
import {
  authoringBy,
  type Database,
  listChainNetworks,
  listProposals,
  type ValidatorSetRecord,
  validatorSetHistory,
  votesByVoter,
} from '@ratify/db';
import { lifecycleFor } from './lifecycle';
import { choiceName, tallyFor } from './proposal';

export type ValidatorRole = 'governor' | 'public' | 'neither';
export type ValidatorView = NonNullable<Awaited<ReturnType<typeof buildValidatorView>>>;

/** The same key under every prefix it appears with: voters are Alpha addresses, Delta authors Delta's. */
function addressForms(address: string): string[] {
  const { hrp, bytes } = decodeAddress(address);
  return [
    ...new Set([
      address,
      ...[hrp, DEFAULT_HRP.alpha, DEFAULT_HRP.delta].map((h) => encodeAddress(bytes, h)),
    ]),
  ];
}

type Membership = { role: ValidatorRole; stake: string | null };

function membership(set: ValidatorSetRecord, forms: Set<string>): Membership {
  const member = set.committee.find((m) => forms.has(m.address));
  const governor = set.governors.some((g) => forms.has(g));
  return {
    role: governor ? 'governor' : member ? 'public' : 'neither',
    stake: member?.stake ?? null,
  };
}

/** Per chain-network, the heights where this validator's role or stake changed (first row included). */
function roleHistory(sets: ValidatorSetRecord[], forms: Set<string>) {
  const byNetwork = new Map<
    string,
    { height: number; role: ValidatorRole; stake: string | null }[]
  >();
  for (const set of sets) {
    const m = membership(set, forms);
    const changes = byNetwork.get(set.chainNetworkId) ?? [];
    const last = changes[changes.length - 1];
    const changed = !last || last.role !== m.role || last.stake !== m.stake;
    // Before it first joins, absence is not history worth showing.
    if (changed && (last || m.role !== 'neither')) changes.push({ height: set.height, ...m });
    byNetwork.set(set.chainNetworkId, changes);
  }
  return byNetwork;
}

/**
 * One validator across every chain-network: its role and stake over time, every vote it
 * cast (changes and rejected attempts included), which side each approved upgrade puts it
 * on, and what it authored on each network. `null` when the index has never seen it.
 */
export async function buildValidatorView(db: Database, address: string) {
  const forms = addressForms(address);
  const formSet = new Set(forms);
  const [networks, sets, voteLists, authoring, proposals] = await Promise.all([
    listChainNetworks(db),
    validatorSetHistory(db),
    Promise.all(forms.map((f) => votesByVoter(db, f))),
    authoringBy(db, forms),
    listProposals(db),
  ]);
  const votes = voteLists.flat().sort((a, b) => a.height - b.height || a.position - b.position);
  const history = roleHistory(sets, formSet);
  const proposed = proposals.filter((r) => formSet.has(r.proposal.proposer));
  const seen =
    votes.length > 0 ||
    [...history.values()].some((h) => h.length > 0) ||
    authoring.led.length > 0 ||
    authoring.authored.length > 0 ||
    proposed.length > 0;
  if (!seen) return null;

  const network = (id: string) => networks.find((n) => n.network.id === id)?.network;
  // Alpha before Delta, each in the order first seen (the old network before the new).
  const byNetwork = (a: { chainNetworkId: string }, b: { chainNetworkId: string }) => {
    const rank = (id: string) => {
      const i = networks.findIndex((n) => n.network.id === id);
      return [network(id)?.chain ?? '', i] as const;
    };
    const [ca, ia] = rank(a.chainNetworkId);
    const [cb, ib] = rank(b.chainNetworkId);
    return ca.localeCompare(cb) || ia - ib;
  };
  const networkView = (id: string) => {
    const n = network(id);
    return {
      chainNetworkId: id,
      chain: n?.chain ?? 'unknown',
      networkId: n?.networkId ?? -1,
      genesisHash: n?.genesisHash ?? '',
    };
  };

  const touched = proposals.filter(
    (r) =>
      formSet.has(r.proposal.proposer) ||
      votes.some(
        (v) =>
          v.chainNetworkId === r.proposal.chainNetworkId && v.proposalId === r.proposal.proposalId,
      ),
  );
  const perProposal = await Promise.all(
    touched.map(async (row) => {
      const p = row.proposal;
      const t = await tallyFor(db, row);
      const life = await lifecycleFor(db, row, t.approval, t.head);
      const counted = t.tally.counted.find((v) => formSet.has(v.voter));
      const yes = counted?.choice === 1;
      return {
        row,
        counted: new Set(t.tally.counted.map((v) => v.transactionId)),
        summary: {
          chainNetworkId: p.chainNetworkId,
          proposalId: p.proposalId,
          chain: row.chain,
          sourceNetwork: p.sourceNetwork,
          targetNetwork: p.targetNetwork,
          activationHeight: p.activationHeight,
          phase: life.state,
          proposer: formSet.has(p.proposer),
          choice: counted ? choiceName(counted.choice) : null,
          // Yes voters move to the target network at activation; everyone else stays.
          side: t.approval.approved
            ? {
                network: yes ? p.targetNetwork : p.sourceNetwork,
                moves: yes,
                activated: t.head >= p.activationHeight,
              }
            : null,
        },
      };
    }),
  );
  const proposalOf = (chainNetworkId: string, proposalId: string) =>
    perProposal.find(
      (x) =>
        x.row.proposal.chainNetworkId === chainNetworkId &&
        x.row.proposal.proposalId === proposalId,
    );

  const roles = [...history.entries()]
    .filter(([, changes]) => changes.length > 0)
    .map(([id, changes]) => ({
      ...networkView(id),
      current: changes[changes.length - 1] as (typeof changes)[number],
      changes,
    }))
    .sort(byNetwork);
  const currentRoles = roles.map((r) => r.current.role);
  const role: ValidatorRole = currentRoles.includes('governor')
    ? 'governor'
    : currentRoles.includes('public')
      ? 'public'
      : 'neither';

  const authoredOn = new Map(authoring.authored.map((a) => [a.chainNetworkId, a]));
  const ledOn = new Map(authoring.led.map((a) => [a.chainNetworkId, a]));
  const authoringIds = [...new Set([...ledOn.keys(), ...authoredOn.keys()])];

  return {
    address,
    forms,
    role,
    roles,
    proposals: perProposal.map((x) => x.summary),
    votes: votes.map((v) => ({
      chainNetworkId: v.chainNetworkId,
      proposalId: v.proposalId,
      choice: choiceName(v.choice),
      accepted: v.accepted,
      counted: proposalOf(v.chainNetworkId, v.proposalId)?.counted.has(v.transactionId) ?? false,
      height: v.height,
      transactionId: v.transactionId,
    })),
    authoring: authoringIds
      .map((id) => ({
        ...networkView(id),
        led: ledOn.get(id)?.blocks ?? 0,
        certificates: authoredOn.get(id)?.blocks ?? 0,
        firstHeight: Math.min(
          ledOn.get(id)?.firstHeight ?? Number.POSITIVE_INFINITY,
          authoredOn.get(id)?.firstHeight ?? Number.POSITIVE_INFINITY,
        ),
        lastHeight: Math.max(ledOn.get(id)?.lastHeight ?? 0, authoredOn.get(id)?.lastHeight ?? 0),
      }))
      .sort(byNetwork),
  };
}
