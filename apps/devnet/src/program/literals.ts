import { type Plaintext, parsePlaintext } from '@ratify/aleo';

type UnsignedType = 'u8' | 'u16' | 'u32' | 'u64';

/** Parses one public input with the codec; throws with the reason a node would give. */
function literal(text: string, expected: string): Plaintext {
  let value: Plaintext;
  try {
    value = parsePlaintext(text);
  } catch (error) {
    throw new Error(
      `expected a ${expected}, got '${text}': ${error instanceof Error ? error.message : error}`,
    );
  }
  if (value.kind !== expected) throw new Error(`expected a ${expected}, got '${text}'`);
  return value;
}

/** Reads a public unsigned input (range-checked by the codec). */
export function readUnsigned(text: string, type: UnsignedType): number | bigint {
  const v = literal(text, type);
  const n = (v as { value: bigint }).value;
  return type === 'u64' ? n : Number(n);
}

export const readU32 = (text: string) => readUnsigned(text, 'u32') as number;
export const readU16 = (text: string) => readUnsigned(text, 'u16') as number;
export const readU8 = (text: string) => readUnsigned(text, 'u8') as number;
export const readU64 = (text: string) => readUnsigned(text, 'u64') as bigint;

/** A field input, reduced modulo the field as the codec does. */
export function readField(text: string): bigint {
  return (literal(text, 'field') as { value: bigint }).value;
}

/** An address input; the codec checks the checksum, the chain its own prefix. */
export function readAddress(text: string, hrp: string): string {
  const value = (literal(text, 'address') as { value: string }).value;
  if (!value.startsWith(`${hrp}1`)) throw new Error(`expected an address, got '${text}'`);
  return value;
}
