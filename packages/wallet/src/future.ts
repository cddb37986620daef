/**
 * Prints a `future` output the way snarkVM does: arguments one per line at depth 2, and a
 * multi-line argument (a struct) keeps its own layout shifted to that depth.
 */
export function printFuture(
  program: string,
  functionName: string,
  args: readonly string[],
): string {
  const printed = args.map((arg) => `    ${arg.split('\n').join('\n    ')}`);
  return `{\n  program_id: ${program},\n  function_name: ${functionName},\n  arguments: [\n${printed.join(',\n')}\n  ]\n}`;
}

/** Top-level arguments of a printed future (the inverse of `printFuture` for literals and structs). */
export function futureArguments(
  value: string,
): { program: string; function: string; args: string[] } | null {
  const head =
    /^\{\n {2}program_id: ([^,\n]+),\n {2}function_name: ([^,\n]+),\n {2}arguments: \[\n([\s\S]*)\n {2}\]\n\}$/.exec(
      value,
    );
  if (!head) return null;
  const [, program = '', fn = '', body = ''] = head;
  const args: string[] = [];
  let current: string[] = [];
  for (const line of body.split('\n')) {
    // A line at exactly four spaces starts (or is) a top-level argument.
    if (/^ {4}\S/.test(line) && current.length > 0 && !isOpen(current)) {
      args.push(finish(current));
      current = [];
    }
    current.push(line.slice(4));
  }
  if (current.length > 0) args.push(finish(current));
  return { program, function: fn, args };
}

function isOpen(lines: string[]): boolean {
  let depth = 0;
  for (const line of lines)
    for (const ch of line)
      depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
  return depth > 0;
}

function finish(lines: string[]): string {
  const text = lines.join('\n');
  return text.endsWith(',') ? text.slice(0, -1) : text;
}
