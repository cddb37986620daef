export const UNSIGNED_TYPES = ['u8', 'u16', 'u32', 'u64', 'u128'] as const;
export const SIGNED_TYPES = ['i8', 'i16', 'i32', 'i64', 'i128'] as const;
export const INTEGER_TYPES = [...UNSIGNED_TYPES, ...SIGNED_TYPES] as const;

export type IntegerType = (typeof INTEGER_TYPES)[number];

/**
 * Every literal type name a node knows. A node reserves them all: none may be a struct
 * member, program or function name. `identifier` is an upstream literal (`'name'`) the
 * codec does not read, but its name is reserved all the same.
 */
export const LITERAL_TYPE_NAMES = [
  'address',
  'boolean',
  'field',
  'group',
  'identifier',
  ...INTEGER_TYPES,
  'scalar',
  'signature',
  'string',
] as const;
const RESERVED: ReadonlySet<string> = new Set(LITERAL_TYPE_NAMES);
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}
export type FieldLikeType = 'field' | 'scalar' | 'group';
export type LiteralType =
  | IntegerType
  | FieldLikeType
  | 'address'
  | 'boolean'
  | 'signature'
  | 'string';

export type IntegerValue = { kind: IntegerType; value: bigint };
export type FieldLikeValue = { kind: FieldLikeType; value: bigint };
export type BooleanValue = { kind: 'boolean'; value: boolean };
/** Address text in lowercase bech32m; any HRP whose data is 32 bytes. */
export type AddressValue = { kind: 'address'; value: string };
export type SignatureValue = { kind: 'signature'; value: string };
export type StringValue = { kind: 'string'; value: string };
export type LiteralValue =
  | IntegerValue
  | FieldLikeValue
  | BooleanValue
  | AddressValue
  | SignatureValue
  | StringValue;

/** Members keep their declared order: the order is part of the value. */
export type StructValue = { kind: 'struct'; members: Array<[name: string, value: Plaintext]> };
export type ArrayValue = { kind: 'array'; elements: Plaintext[] };
/** A finalize future: only valid at top level or as a future argument. */
export type FutureValue = {
  kind: 'future';
  programId: string;
  functionName: string;
  arguments: Plaintext[];
};

export type Plaintext = LiteralValue | StructValue | ArrayValue | FutureValue;

export const FIELD_MODULUS =
  8444461749428370424248824938781546531375899335154063827935233455917409239041n;
export const SCALAR_MODULUS =
  2111115437357092606062206234695386632838870926408408195193685246394721360383n;

export const MAX_STRING_BYTES = 255;
export const MAX_IDENTIFIER_BYTES = 31;
export const MAX_MEMBERS = 32;
export const MAX_ELEMENTS = 32;
export const MAX_DEPTH = 32;

export function integerBits(type: IntegerType): number {
  return Number(type.slice(1));
}

export function integerRange(type: IntegerType): { min: bigint; max: bigint } {
  const bits = BigInt(integerBits(type));
  if (type[0] === 'u') return { min: 0n, max: (1n << bits) - 1n };
  return { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n };
}

const INTEGER_SET: ReadonlySet<string> = new Set(INTEGER_TYPES);
export function isIntegerType(s: string): s is IntegerType {
  return INTEGER_SET.has(s);
}
