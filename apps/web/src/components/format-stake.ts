/** Stakes are stored in microcredits (10^-6 credit), as decimal text. */
const MICRO = 1_000_000n;

export function credits(microcredits: string): string {
  const v = BigInt(microcredits);
  const whole = (v / MICRO).toLocaleString('en-US');
  const rest = v % MICRO;
  return rest === 0n
    ? `${whole} credits`
    : `${whole}.${rest.toString().padStart(6, '0').replace(/0+$/, '')} credits`;
}
