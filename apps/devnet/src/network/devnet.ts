import { blockHashToField } from '@ratify/aleo';
import { accountFromSeed, addressOf, buildExecuteTransaction, hashToField } from '@ratify/wallet';
import { buildGenesis, type GenesisParams, paramsHash } from '../chain/genesis';
import type { ChainName, Validator } from '../chain/types';
import { type ChainNode, createChainNode } from '../node/chain-node';
import { approvedByCounters, PROGRAM_ID } from '../program/credits-alpha';
import type { Proposal } from '../program/structs';
import type { Scenario, ScenarioProposal } from '../scenarios/types';
import type { DevnetAccount, DevnetEvent } from './events';

export const NETWORK_NAMES: Record<number, string> = { 0: 'mainnet', 1: 'testnet', 2: 'canary' };
const PUBLIC_BALANCE = 1_000_000_000_000n;
const VOTE_VALIDITY_BLOCKS = 20;

export type Side = 'source' | 'target';
export type Slot = {
  chain: ChainName;
  side: Side;
  networkId: number;
  networkName: string;
  node: ChainNode | null;
  /** Validator names authoring here. */
  authors: Set<string>;
  halted: boolean;
  /** Set when the validators refuse to build on this chain (a genesis mismatch). */
  frozen: string | null;
  stalledTicks: number;
  stallsDone: Set<number>;
};

export type DevnetCoreOptions = {
  scenario: Scenario;
  seed: string;
  hrp: { alpha: string; delta: string };
  /** Nominal block time for timestamps, even in manual mode. */
  blockTimeMs: number;
  history: number;
  genesisTimestamp: number;
  emit: (event: DevnetEvent) => void;
  /** Called when a post-split chain starts, so its port can open. */
  onChainStarted?: (slot: Slot) => Promise<void> | void;
};

type PlannedProposal = {
  plan: ScenarioProposal;
  id: bigint;
  alphaParams: GenesisParams;
  deltaParams: GenesisParams;
  expected: { alpha: string; delta: string };
};

/**
 * The whole simulated network: every validator, both chains on the source network and,
 * after an approved upgrade, on the target network; the scenario's script; the split.
 */
export function createDevnetCore(o: DevnetCoreOptions) {
  const s = o.scenario;
  const offset = o.history;
  const validators: Validator[] = s.validators.map((v) => {
    const account = accountFromSeed(`${o.seed}/${v.name}`);
    return {
      name: v.name,
      role: v.role,
      stake: v.stake,
      dev: v.dev ?? false,
      secretKey: account.secretKey,
      secretKeyHex: [...account.secretKey].map((b) => b.toString(16).padStart(2, '0')).join(''),
      publicKeyHex: account.publicKeyHex,
    };
  });
  const byName = new Map(validators.map((v) => [v.name, v]));
  const validator = (name: string): Validator => {
    const v = byName.get(name);
    if (!v) throw new Error(`scenario names unknown validator '${name}'`);
    return v;
  };
  const addr = (v: Validator, chain: ChainName) => addressOf(v.publicKeyHex, o.hrp[chain]);
  const nameOf = (address: string, chain: ChainName) =>
    validators.find((v) => addr(v, chain) === address)?.name;
  const has = (type: string) => s.misbehaviours.some((m) => m.type === type);
  const members = validators.map((v) => ({
    name: v.name,
    publicKeyHex: v.publicKeyHex,
    stake: v.stake,
  }));
  const governorsOf = (chain: ChainName) =>
    validators.filter((v) => v.role === 'governor').map((v) => addr(v, chain));

  let ticks = 0;
  const timestamp = () => o.genesisTimestamp + Math.floor((ticks * o.blockTimeMs) / 1000);

  const sourceAlphaParams: GenesisParams = {
    chain: 'alpha',
    networkId: s.sourceNetwork,
    hrp: o.hrp.alpha,
    timestamp: o.genesisTimestamp,
    members,
    balance: PUBLIC_BALANCE,
  };
  const sourceAlphaGenesis = buildGenesis(sourceAlphaParams);
  const sourceDeltaGenesis = buildGenesis({
    ...sourceAlphaParams,
    chain: 'delta',
    hrp: o.hrp.delta,
    alphaGenesisHash: sourceAlphaGenesis.block_hash,
    alphaNetworkId: s.sourceNetwork,
  });

  const slots: Slot[] = [
    slot('alpha', 'source', s.sourceNetwork),
    slot('delta', 'source', s.sourceNetwork),
    slot('alpha', 'target', s.targetNetwork),
    slot('delta', 'target', s.targetNetwork),
  ];
  function slot(chain: ChainName, side: Side, networkId: number): Slot {
    const networkName = NETWORK_NAMES[networkId] ?? `network-${networkId}`;
    return {
      chain,
      side,
      networkId,
      networkName,
      node: null,
      authors: new Set(),
      halted: false,
      frozen: null,
      stalledTicks: 0,
      stallsDone: new Set(),
    };
  }
  const [sourceAlpha, sourceDelta, targetAlpha, targetDelta] = slots as [Slot, Slot, Slot, Slot];

  const startNode = (sl: Slot, genesis: ReturnType<typeof buildGenesis>, authors: string[]) => {
    sl.node = createChainNode({
      chain: sl.chain,
      networkId: sl.networkId,
      networkName: sl.networkName,
      hrp: o.hrp[sl.chain],
      genesis,
      governors: governorsOf(sl.chain),
      counterDrift: has('counter-drift'),
      onTransaction: (e) => o.emit({ type: 'transaction', ...e }),
    });
    setAuthors(sl, authors);
  };
  const setAuthors = (sl: Slot, names: Iterable<string>) => {
    sl.authors = new Set(names);
    sl.node?.setAuthors([...sl.authors].map((n) => addr(validator(n), sl.chain)));
  };
  startNode(
    sourceAlpha,
    sourceAlphaGenesis,
    validators.map((v) => v.name),
  );
  startNode(
    sourceDelta,
    sourceDeltaGenesis,
    validators.map((v) => v.name),
  );

  // Each proposal's new genesis is fixed when it is planned, so its hash can be proposed.
  const planned: PlannedProposal[] = s.proposals.map((plan) => {
    const alphaParams: GenesisParams = {
      chain: 'alpha',
      networkId: s.targetNetwork,
      hrp: o.hrp.alpha,
      timestamp: 1_700_000_000 + (offset + plan.activationAt),
      members,
      balance: PUBLIC_BALANCE,
    };
    const alphaHash = buildGenesis(alphaParams).block_hash;
    const deltaParams: GenesisParams = {
      ...alphaParams,
      chain: 'delta',
      hrp: o.hrp.delta,
      alphaGenesisHash: alphaHash,
      alphaNetworkId: s.targetNetwork,
    };
    return {
      plan,
      id: hashToField('proposal-id', s.name, plan.key),
      alphaParams,
      deltaParams,
      expected: { alpha: alphaHash, delta: buildGenesis(deltaParams).block_hash },
    };
  });

  function send(who: string, fn: string, inputs: string[]): void {
    const node = sourceAlpha.node;
    if (!node) return;
    const v = validator(who);
    const tx = buildExecuteTransaction({
      secretKey: v.secretKey,
      chain: 'alpha',
      hrp: o.hrp.alpha,
      networkId: sourceAlpha.networkId,
      program: PROGRAM_ID,
      function: fn,
      inputs,
      expiresAtHeight: node.realHeight() + VOTE_VALIDITY_BLOCKS,
      nonce: `${ticks}`,
    });
    // The same path as POST /transaction/broadcast: JSON text in, parsed, verified.
    const body = JSON.stringify(tx);
    const result = node.broadcast(JSON.parse(body), body.length);
    if (!result.ok)
      o.emit({ type: 'broadcast-refused', who, function: fn, reason: result.message });
  }

  // `--history`: one long proposal whose votes land in about 1% of the past blocks.
  const historyId = hashToField('proposal-id', s.name, 'history');
  function historyScript(height: number): void {
    const governor = validators.find((v) => v.role === 'governor');
    if (height === 1 && governor) {
      const noUpgrade = `${hashToField('history-no-upgrade')}field`;
      send(governor.name, 'submit_network_upgrade', [
        `${historyId}field`,
        `${s.sourceNetwork}u16`,
        `${s.targetNetwork}u16`,
        `${offset + 1_000_000}u32`,
        noUpgrade,
        noUpgrade,
        noUpgrade,
        noUpgrade,
        '10u32',
        '3u32',
        '0u32',
        `${offset}u32`,
      ]);
      return;
    }
    if (hashToField('history-vote', String(height)) % 100n !== 0n) return;
    const v = validators[height % validators.length] as Validator;
    send(v.name, 'vote_network_upgrade', [
      `${historyId}field`,
      `${1 + (Math.floor(height / 7) % 3)}u8`,
    ]);
  }

  function scriptFor(height: number): void {
    if (height <= offset) {
      historyScript(height);
      return;
    }
    const h = height - offset;
    for (const p of planned) {
      const { plan } = p;
      if (plan.submitAt === h) {
        send(plan.proposer, 'submit_network_upgrade', [
          `${p.id}field`,
          `${s.sourceNetwork}u16`,
          `${s.targetNetwork}u16`,
          `${offset + plan.activationAt}u32`,
          `${blockHashToField(p.expected.alpha)}field`,
          `${paramsHash(p.alphaParams)}field`,
          `${blockHashToField(p.expected.delta)}field`,
          `${paramsHash(p.deltaParams)}field`,
          `${plan.deltaMinAlphaBlocks}u32`,
          `${plan.minGovernorValidators}u32`,
          `${plan.minPublicValidators}u32`,
          `${offset + plan.votingEndsAt}u32`,
        ]);
      }
      for (const v of plan.votes)
        if (v.at === h) send(v.voter, 'vote_network_upgrade', [`${p.id}field`, `${v.choice}u8`]);
    }
  }

  let activated: { proposal: PlannedProposal; yes: string[] } | null = null;
  let joinsDone = new Set<string>();
  let completeAt: number | null = null;
  let complete = false;

  function produce(sl: Slot): void {
    const node = sl.node;
    if (!node || sl.frozen) return;
    const next = node.realHeight() + 1;
    const stall = s.misbehaviours.find(
      (m) =>
        m.type === 'stall' &&
        m.chain === sl.chain &&
        m.side === sl.side &&
        m.fromHeight + offset === next,
    );
    if (stall?.type === 'stall' && !sl.stallsDone.has(next)) {
      sl.stallsDone.add(next);
      sl.stalledTicks = stall.blocks;
    }
    if (sl.stalledTicks > 0) {
      sl.stalledTicks -= 1;
      return;
    }
    if (!node.hasQuorum()) {
      if (!sl.halted) {
        sl.halted = true;
        o.emit({
          type: 'chain-halted',
          chain: sl.chain,
          network: sl.networkName,
          height: node.realHeight(),
          reason: `validators authoring here hold 2/3 of the stake or less (${[...sl.authors].join(', ') || 'none'})`,
        });
      }
      return;
    }
    if (sl.halted) {
      sl.halted = false;
      o.emit({
        type: 'chain-resumed',
        chain: sl.chain,
        network: sl.networkName,
        height: node.realHeight(),
      });
    }
    const block = node.produce(timestamp());
    o.emit({
      type: 'block',
      chain: sl.chain,
      network: sl.networkName,
      height: block.header.metadata.height,
      hash: block.block_hash,
      transactions: block.transactions.length,
      authors: sl.authors.size,
    });
  }

  async function activate(p: PlannedProposal, proposal: Proposal): Promise<void> {
    const node = sourceAlpha.node as ChainNode;
    const governorCount = node.program.governors().length;
    const approved = approvedByCounters(proposal, governorCount);
    o.emit({
      type: 'activation',
      chain: 'alpha',
      network: sourceAlpha.networkName,
      height: node.realHeight(),
      proposalId: `${p.id}field`,
      approved,
      governors: governorCount,
      governorYes: proposal.governorYesVotes,
      publicYes: proposal.publicYesVotes,
    });
    if (!approved || activated) return;
    const yes = node.program
      .votesFor(p.id)
      .filter((v) => v.choice === 1)
      .map((v) => nameOf(v.voter, 'alpha'))
      .filter((n): n is string => n !== undefined);
    activated = { proposal: p, yes };
    const stays = new Set(
      s.misbehaviours.flatMap((m) => (m.type === 'yes-voter-stays' ? [m.validator] : [])),
    );
    const both = new Set(
      s.misbehaviours.flatMap((m) => (m.type === 'double-authoring' ? [m.validator] : [])),
    );
    const movers = yes.filter((n) => !stays.has(n));
    const remaining = validators
      .map((v) => v.name)
      .filter((n) => !movers.includes(n) || both.has(n));
    setAuthors(sourceAlpha, remaining);
    setAuthors(sourceDelta, remaining);

    const params = has('genesis-mismatch')
      ? { ...p.alphaParams, timestamp: p.alphaParams.timestamp + 1 }
      : p.alphaParams;
    const genesis = buildGenesis(params);
    startNode(targetAlpha, genesis, movers);
    if (genesis.block_hash !== p.expected.alpha) {
      // The upgrade must halt: the chain exists but its validators refuse to build on it.
      targetAlpha.frozen = 'genesis hash mismatch';
      o.emit({
        type: 'emergency',
        chain: 'alpha',
        network: targetAlpha.networkName,
        reason: 'new Alpha genesis hash differs from alpha_expected_hash',
        expected: p.expected.alpha,
        actual: genesis.block_hash,
      });
    }
    await started(targetAlpha);
  }

  async function started(sl: Slot): Promise<void> {
    const node = sl.node as ChainNode;
    await o.onChainStarted?.(sl);
    o.emit({
      type: 'chain-started',
      chain: sl.chain,
      network: sl.networkName,
      height: 0,
      genesisHash: node.genesis.block_hash,
      authors: [...sl.authors],
      url: '',
    });
  }

  async function startDelta(p: PlannedProposal): Promise<void> {
    const alphaGenesis = (targetAlpha.node as ChainNode).genesis.block_hash;
    const params: GenesisParams = has('rogue-delta')
      ? {
          ...p.deltaParams,
          alphaGenesisHash: sourceAlphaGenesis.block_hash,
          alphaNetworkId: s.sourceNetwork,
        }
      : { ...p.deltaParams, alphaGenesisHash: alphaGenesis };
    const genesis = buildGenesis(params);
    startNode(targetDelta, genesis, [...targetAlpha.authors]);
    if (genesis.block_hash !== p.expected.delta) {
      o.emit({
        type: 'emergency',
        chain: 'delta',
        network: targetDelta.networkName,
        reason:
          'new Delta genesis hash differs from delta_expected_hash (it names another Alpha genesis)',
        expected: p.expected.delta,
        actual: genesis.block_hash,
      });
    }
    await started(targetDelta);
  }

  /** A joiner trusts a genesis that at least 67% of the governors' nodes report. */
  function join(name: string): void {
    const reports = validators
      .filter((v) => v.role === 'governor' && v.name !== name)
      .map((v) => {
        const on = targetAlpha.authors.has(v.name) && targetAlpha.node ? targetAlpha : sourceAlpha;
        return { governor: v.name, genesisHash: (on.node as ChainNode).genesis.block_hash };
      });
    const governorCount = validators.filter((v) => v.role === 'governor').length;
    const counts = new Map<string, number>();
    for (const r of reports) counts.set(r.genesisHash, (counts.get(r.genesisHash) ?? 0) + 1);
    const agreed = [...counts].find(([, c]) => 100 * c >= 67 * governorCount)?.[0] ?? null;
    const trusted = agreed !== null && agreed === targetAlpha.node?.genesis.block_hash;
    o.emit({ type: 'late-join', validator: name, trusted, agreedHash: agreed, reports });
    if (!trusted) return;
    const leave = (sl: Slot) =>
      setAuthors(
        sl,
        [...sl.authors].filter((n) => n !== name),
      );
    leave(sourceAlpha);
    leave(sourceDelta);
    setAuthors(targetAlpha, [...targetAlpha.authors, name]);
    if (targetDelta.node) setAuthors(targetDelta, [...targetDelta.authors, name]);
  }

  async function tick(): Promise<void> {
    const next = (sourceAlpha.node as ChainNode).realHeight() + 1;
    scriptFor(next);
    ticks += 1;
    for (const sl of slots) produce(sl);

    const h = (sourceAlpha.node as ChainNode).realHeight();
    if (h === next) {
      for (const p of planned) {
        if (p.plan.activationAt + offset !== h) continue;
        const proposal = sourceAlpha.node?.program.proposal(p.id);
        if (proposal) await activate(p, proposal);
      }
    }
    const targetHeight =
      targetAlpha.node && !targetAlpha.frozen ? targetAlpha.node.realHeight() : -1;
    if (
      activated &&
      !targetDelta.node &&
      targetHeight >= activated.proposal.plan.deltaMinAlphaBlocks
    ) {
      await startDelta(activated.proposal);
    }
    for (const j of s.joins) {
      if (activated && !joinsDone.has(j.validator) && targetHeight >= j.afterTargetBlocks) {
        joinsDone = new Set([...joinsDone, j.validator]);
        join(j.validator);
      }
    }
    checkComplete(h);
  }

  function checkComplete(sourceHeight: number): void {
    if (complete) return;
    const lastActivation = Math.max(0, ...planned.map((p) => p.plan.activationAt + offset));
    let done = false;
    if (!activated) done = sourceHeight >= lastActivation;
    else {
      const joined = s.joins.every((j) => joinsDone.has(j.validator));
      done = targetAlpha.frozen !== null || (targetDelta.node !== null && joined);
    }
    if (!done) return;
    completeAt ??= ticks;
    if (ticks - completeAt >= s.settleBlocks) {
      complete = true;
      o.emit({ type: 'scenario-complete', scenario: s.name });
    }
  }

  const accounts: DevnetAccount[] = validators.map((v) => ({
    name: v.name,
    address: addr(v, 'alpha'),
    role: v.role,
    stake: v.stake,
    secretKeyHex: v.secretKeyHex,
    dev: v.dev,
  }));

  return {
    slots,
    validators,
    accounts,
    planned,
    tick,
    /** Advances the clock without blocks, for history generated before the scenario. */
    skipTime(n: number) {
      ticks += n;
    },
    isComplete: () => complete,
    activated: () => activated,
  };
}

export type DevnetCore = ReturnType<typeof createDevnetCore>;
