/** Microcredits (a decimal string) as whole credits with thousands separators. */
export function credits(micro: string | null): string {
  if (micro === null) return '–';
  const whole = BigInt(micro) / 1_000_000n;
  return `${whole.toLocaleString('en-US')} credits`;
}
