export type Verdict = 'PASS' | 'FAIL' | 'SKIP';
export type Goal = { goal: string; measured: string; verdict: Verdict };

/** A goal met when `ok`, or skipped (not measured in this run) when `measured` is undefined. */
export function judge(goal: string, measured: string | undefined, ok: boolean): Goal {
  if (measured === undefined) return { goal, measured: 'not measured', verdict: 'SKIP' };
  return { goal, measured, verdict: ok ? 'PASS' : 'FAIL' };
}

export function goalsTable(goals: Goal[]): string {
  const failed = goals.filter((g) => g.verdict === 'FAIL').length;
  const passed = goals.filter((g) => g.verdict === 'PASS').length;
  const skipped = goals.length - failed - passed;
  return [
    '| goal | measured | verdict |',
    '|---|---|---|',
    ...goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.verdict} |`),
    '',
    `goals: ${passed} PASS, ${failed} FAIL${skipped ? `, ${skipped} not measured` : ''}`,
  ].join('\n');
}
