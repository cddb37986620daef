/**
 * JSON.stringify(value, null, 2) with bigints written as bare numbers: upstream nodes emit
 * u64 values above 2^53 (solution counters, targets) that must not pass through `number`.
 */
export function prettyJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}

/** Re-indents an already pretty-printed document so it can be nested one level deeper. */
export function nest(pretty: string, indent = '  '): string {
  return pretty.replaceAll('\n', `\n${indent}`);
}
