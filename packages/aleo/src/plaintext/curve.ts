import { FIELD_MODULUS } from './types';

/**
 * The group of `group` literals, addresses and signature keys: the twisted Edwards curve
 * -x² + y² = 1 + 3021·x²y² over the BLS12-377 scalar field (Edwards BLS12-377), whose
 * points form Z/r × Z/4 with r the scalar modulus. A value names a point by its
 * x-coordinate alone; a node accepts x when (x, y) or (x, -y) is in the order-r subgroup.
 */
export const EDWARDS_D = 3021n;

/**
 * True when x is the x-coordinate of a point of the prime-order subgroup.
 *
 * Why two Legendre symbols suffice: y² = (1 + x²) / (1 − d·x²) must be a square for a point
 * to exist. Of the two points (x, ±y), one is in the subgroup exactly when (x, y) is twice a
 * point (the other half of E[2] is (0, −1)), and with a = −1 a square and d a non-square the
 * 2-descent map P ↦ (a − d)(1 − y²) mod squares has kernel 2E; here it reduces to 1 − d·x².
 * So x is valid iff 1 + x² and 1 − d·x² are both non-zero squares. The tests check this
 * against a full scalar multiplication [r]P and against a node.
 */
export function isGroupX(x: bigint): boolean {
  const p = FIELD_MODULUS;
  if (x < 0n || x >= p) return false;
  const x2 = (x * x) % p;
  return jacobi((1n + x2) % p, p) === 1 && jacobi((((1n - EDWARDS_D * x2) % p) + p) % p, p) === 1;
}

/**
 * The Jacobi symbol (a/n) for a >= 0 and odd n > 0; for a prime n it is the Legendre symbol. The binary
 * algorithm costs about a fifth of Euler's criterion a^((n−1)/2) on these 253-bit numbers.
 */
export function jacobi(a: bigint, n: bigint): -1 | 0 | 1 {
  let x = a % n;
  let m = n;
  let t: -1 | 1 = 1;
  while (x !== 0n) {
    while ((x & 1n) === 0n) {
      x >>= 1n;
      const r = m & 7n;
      if (r === 3n || r === 5n) t = t === 1 ? -1 : 1;
    }
    const swap = x;
    x = m;
    m = swap;
    if ((x & 3n) === 3n && (m & 3n) === 3n) t = t === 1 ? -1 : 1;
    x %= m;
  }
  return m === 1n ? t : 0;
}

// Chains repeat the same accounts and keys, and each check costs tens of microseconds:
// remember recent points (only valid ones, so a flood of bad values cannot evict them).
const recentPoints = new Set<bigint>();
const MAX_RECENT_POINTS = 8192;

/** `isGroupX`, answered from memory for recently seen points. */
export function isPoint(x: bigint): boolean {
  if (recentPoints.has(x)) return true;
  if (!isGroupX(x)) return false;
  if (recentPoints.size >= MAX_RECENT_POINTS) recentPoints.clear();
  recentPoints.add(x);
  return true;
}
