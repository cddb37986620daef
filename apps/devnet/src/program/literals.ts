import { FIELD_MODULUS } from '@ratify/wallet';

const BITS = { u8: 8, u16: 16, u32: 32, u64: 64 } as const;
type UnsignedType = keyof typeof BITS;

/** Reads a public literal input; throws with the reason a node would give. */
export function readUnsigned(text: string, type: UnsignedType): number | bigint {
  const m = /^([0-9][0-9_]*)(u8|u16|u32|u64)$/.exec(text);
  if (!m || m[2] !== type) throw new Error(`expected a ${type}, got '${text}'`);
  const v = BigInt((m[1] ?? '').replaceAll('_', ''));
  if (v >= 1n << BigInt(BITS[type])) throw new Error(`'${text}' is out of range for ${type}`);
  return type === 'u64' ? v : Number(v);
}

export const readU32 = (text: string) => readUnsigned(text, 'u32') as number;
export const readU16 = (text: string) => readUnsigned(text, 'u16') as number;
export const readU8 = (text: string) => readUnsigned(text, 'u8') as number;
export const readU64 = (text: string) => readUnsigned(text, 'u64') as bigint;

export function readField(text: string): bigint {
  const m = /^(-?)([0-9][0-9_]*)field$/.exec(text);
  if (!m) throw new Error(`expected a field, got '${text}'`);
  const v = BigInt((m[2] ?? '').replaceAll('_', '')) % FIELD_MODULUS;
  return m[1] === '-' ? (FIELD_MODULUS - v) % FIELD_MODULUS : v;
}

export function readAddress(text: string, hrp: string): string {
  if (!new RegExp(`^${hrp}1[02-9ac-hj-np-z]{58}$`).test(text))
    throw new Error(`expected an address, got '${text}'`);
  return text;
}
