import { edwards } from '@noble/curves/abstract/edwards.js';
import { Field, FpLegendre } from '@noble/curves/abstract/modular.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDWARDS_D, isGroupX, isPoint, jacobi } from './curve';
import { FIELD_MODULUS, SCALAR_MODULUS } from './types';

// An independent oracle: recover y, then multiply by the subgroup order with noble's
// extended-coordinate arithmetic. (x, ±y) is in the subgroup iff [2r](x, y) is the identity.
const Fp = Field(FIELD_MODULUS);
const A = Fp.neg(1n);
const GX = 1540945439182663264862696551825005342995406165131907382295858612069623286213n;
const GY = 8003546896475222703853313610036801932325312921786952001586936882361378122196n;
const Curve = edwards({
  p: FIELD_MODULUS,
  n: SCALAR_MODULUS,
  h: 4n,
  a: A,
  d: EDWARDS_D,
  Gx: GX,
  Gy: GY,
});

function oracle(x: bigint): boolean {
  const x2 = Fp.sqr(x);
  const y2 = Fp.div(Fp.sub(1n, Fp.mul(A, x2)), Fp.sub(1n, Fp.mul(EDWARDS_D, x2)));
  if (FpLegendre(Fp, y2) !== 1 && !Fp.is0(x)) return false;
  const point = Curve.fromAffine({ x, y: Fp.sqrt(y2) });
  return point.double().isTorsionFree();
}

const fieldElement = fc.bigInt({ min: 0n, max: FIELD_MODULUS - 1n });

describe('Edwards BLS12-377 x-coordinates', () => {
  it('knows the generator and the identity, and refuses small non-points', () => {
    expect(Curve.BASE.isTorsionFree()).toBe(true);
    expect(isGroupX(GX)).toBe(true);
    expect(isGroupX(0n)).toBe(true);
    expect(isGroupX(2n)).toBe(true);
    expect([1n, 3n, 4n].map(isGroupX)).toEqual([false, false, false]);
    expect(isGroupX(FIELD_MODULUS - 2n)).toBe(true);
    expect(isGroupX(FIELD_MODULUS)).toBe(false);
  });

  it('agrees with a full scalar multiplication on random field elements', () => {
    let valid = 0;
    fc.assert(
      fc.property(fieldElement, (x) => {
        const ours = isGroupX(x);
        if (ours) valid++;
        expect(ours).toBe(oracle(x));
      }),
      { numRuns: 300 },
    );
    // About a quarter of the field elements are x-coordinates of subgroup points.
    expect(valid).toBeGreaterThan(30);
  });

  it('accepts multiples of the generator', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: SCALAR_MODULUS - 1n }), (k) => {
        expect(isGroupX(Curve.BASE.multiply(k).toAffine().x)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('remembers points without changing the answer', () => {
    fc.assert(
      fc.property(fieldElement, (x) => {
        const first = isPoint(x);
        expect(first).toBe(isGroupX(x));
        expect(isPoint(x)).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('computes Jacobi symbols like Euler’s criterion', () => {
    fc.assert(
      fc.property(fieldElement, (a) => {
        expect(jacobi(a, FIELD_MODULUS)).toBe(FpLegendre(Fp, a));
      }),
      { numRuns: 300 },
    );
  });
});
