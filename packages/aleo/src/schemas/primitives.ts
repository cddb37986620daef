import { z } from 'zod';

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

// Nodes print u64/u128 as JSON numbers (bigint after parseChainJson when unsafe) or strings.
function unsignedBig(max: bigint, name: string) {
  return z
    .union([
      z.bigint(),
      z.number().int(),
      z.string().regex(/^[0-9]+$/, `expected a ${name} string`),
    ])
    .transform((v, ctx) => {
      const n = BigInt(v);
      if (n < 0n || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} out of range: ${n}` });
        return z.NEVER;
      }
      return n;
    });
}

export const u64 = unsignedBig(U64_MAX, 'u64');
export const u128 = unsignedBig(U128_MAX, 'u128');
/** Small chain integers (heights, rounds, network ids, unix seconds) that stay far below 2^53. */
export const safeUint = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const safeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

const bech32 = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}1[02-9ac-hj-np-z]+$`), `expected a ${prefix}1… string`);

export const blockHash = bech32('ab');
export const transactionId = bech32('at');
export const transitionId = bech32('au');
export const stateRoot = bech32('sr');
export const signature = bech32('sign');
/** Any address HRP: upstream `aleo`, the forks' own. */
export const address = z
  .string()
  .regex(/^[a-z]+1[02-9ac-hj-np-z]{58}$/, 'expected a bech32m address');
export const fieldText = z.string().regex(/^[0-9]+field$/, 'expected a NNNfield string');
export const groupText = z.string().regex(/^[0-9]+group$/, 'expected a NNNgroup string');
export const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,30}$/, 'expected an identifier');
export const programId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,30}\.[A-Za-z][A-Za-z0-9_]{0,30}$/, 'expected a program id');
