import { isPoint } from './curve';
import { PlaintextError } from './errors';
import { checkStringLength, parseLiteralToken } from './literals';
import {
  FIELD_MODULUS,
  type IntegerType,
  integerRange,
  isReservedName,
  MAX_ELEMENTS,
  MAX_IDENTIFIER_BYTES,
  MAX_MEMBERS,
  type Plaintext,
  SCALAR_MODULUS,
} from './types';

const IDENT_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

function int(kind: IntegerType) {
  return (n: number | bigint): Plaintext => {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) {
      throw new RangeError(`${kind} value ${n} is not a safe integer; pass a bigint`);
    }
    const value = BigInt(n);
    const { min, max } = integerRange(kind);
    if (value < min || value > max) {
      throw new RangeError(`${kind} value ${value} is out of range ${min}..${max}`);
    }
    return { kind, value };
  };
}

function fieldLike(kind: 'field' | 'scalar' | 'group', modulus: bigint) {
  return (n: number | bigint): Plaintext => {
    const r = BigInt(n) % modulus;
    const value = r < 0n ? r + modulus : r;
    if (kind === 'group' && !isPoint(value)) {
      throw new RangeError(`${value} is not the x-coordinate of a point in the group`);
    }
    return { kind, value };
  };
}

function checkIdentifier(name: string): void {
  if (!IDENT_RE.test(name) || name.length > MAX_IDENTIFIER_BYTES) {
    throw new RangeError(`invalid identifier "${name}"`);
  }
  if (isReservedName(name))
    throw new RangeError(`"${name}" is a literal type name, which is reserved`);
}

function bech32(kind: 'address' | 'signature') {
  return (text: string): Plaintext => {
    try {
      const v = parseLiteralToken(text, 0);
      if (v.kind === kind) return v;
    } catch (error) {
      if (error instanceof PlaintextError) throw new RangeError(error.reason);
      throw error;
    }
    throw new RangeError(`"${text}" is not a ${kind}`);
  };
}

/** Small checked constructors for plaintext values. */
export const pt = {
  u8: int('u8'),
  u16: int('u16'),
  u32: int('u32'),
  u64: int('u64'),
  u128: int('u128'),
  i8: int('i8'),
  i16: int('i16'),
  i32: int('i32'),
  i64: int('i64'),
  i128: int('i128'),
  field: fieldLike('field', FIELD_MODULUS),
  group: fieldLike('group', FIELD_MODULUS),
  scalar: fieldLike('scalar', SCALAR_MODULUS),
  bool: (b: boolean): Plaintext => ({ kind: 'boolean', value: b }),
  address: bech32('address'),
  signature: bech32('signature'),
  string: (s: string): Plaintext => {
    try {
      checkStringLength(s, 0);
    } catch (error) {
      if (error instanceof PlaintextError) throw new RangeError(error.reason);
      throw error;
    }
    return { kind: 'string', value: s };
  },
  struct: (members: Record<string, Plaintext>): Plaintext => {
    const entries = Object.entries(members);
    if (entries.length === 0 || entries.length > MAX_MEMBERS) {
      throw new RangeError(`a struct has 1..${MAX_MEMBERS} members, got ${entries.length}`);
    }
    for (const [name] of entries) checkIdentifier(name);
    return { kind: 'struct', members: entries };
  },
  array: (elements: Plaintext[]): Plaintext => {
    if (elements.length === 0 || elements.length > MAX_ELEMENTS) {
      throw new RangeError(`an array has 1..${MAX_ELEMENTS} elements, got ${elements.length}`);
    }
    return { kind: 'array', elements: [...elements] };
  },
  future: (programId: string, functionName: string, args: Plaintext[]): Plaintext => {
    const [name, network, ...rest] = programId.split('.');
    if (name === undefined || network === undefined || rest.length > 0) {
      throw new RangeError(`invalid program id "${programId}"`);
    }
    checkIdentifier(name);
    checkIdentifier(network);
    checkIdentifier(functionName);
    return { kind: 'future', programId, functionName, arguments: [...args] };
  },
} as const;
