// Times a full tally recompute over 10,000 voters against a loop that only counts choices.
import type { CastVote, CommitteeMember, VoteChoice } from '../src/index';
import { computeTally, evaluateApproval } from '../src/index';

const VOTERS = 10_000;
const GOVERNORS = 100;
const RUNS = 25;

// Deterministic pseudo-random choices, so every run measures the same work.
let seed = 42;
const next = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed;
};

const governors = Array.from({ length: GOVERNORS }, (_, i) => `gov${i}`);
const committee: CommitteeMember[] = Array.from({ length: VOTERS - GOVERNORS }, (_, i) => ({
  address: `val${i}`,
  stake: 10_000_000_000n + BigInt(i),
}));
const votes: CastVote[] = [];
for (const voter of [...governors, ...committee.map((m) => m.address)]) {
  votes.push({
    proposalId: 1n,
    voter,
    choice: ((next() % 3) + 1) as VoteChoice,
    height: next() % 1_000,
    index: next() % 8,
  });
}
// One voter in ten changes its vote later; a few strangers vote too.
for (let i = 0; i < VOTERS; i += 10) {
  const v = votes[i] as CastVote;
  votes.push({ ...v, choice: ((v.choice % 3) + 1) as VoteChoice, height: v.height + 1 });
}
for (let i = 0; i < 100; i++)
  votes.push({ proposalId: 1n, voter: `stranger${i}`, choice: 1, height: 5 });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

let sink = 0;
const tallyMs = time(() => {
  const tally = computeTally({ votes, governors, committee, proposalId: 1n });
  sink += evaluateApproval(tally, { minGovernorValidators: 10, minPublicValidators: 10 }).approved
    ? 1
    : 0;
});
const baselineMs = time(() => {
  const counts = [0, 0, 0, 0];
  for (const v of votes) counts[v.choice] = (counts[v.choice] ?? 0) + 1;
  sink += counts[1] ?? 0;
});

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`tally recompute, ${VOTERS} voters (${votes.length} votes), median of ${RUNS} runs`);
console.log(`  computeTally + evaluateApproval: ${ms(tallyMs)}`);
console.log(`  baseline, counting choices only: ${ms(baselineMs)}`);
console.log(`  ratio: ${(tallyMs / baselineMs).toFixed(1)}x`);
if (sink < 0) console.log(sink);
