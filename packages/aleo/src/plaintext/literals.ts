import { Bech32Error, bytesToBigIntLE, decodeAddress, decodeBech32m } from '../bech32';
import { isPoint } from './curve';
import { PlaintextError } from './errors';
import {
  FIELD_MODULUS,
  type FieldLikeType,
  integerRange,
  isIntegerType,
  type LiteralValue,
  MAX_STRING_BYTES,
  SCALAR_MODULUS,
} from './types';

const NUMBER_RE = /^(-?)([0-9][0-9_]*)([A-Za-z][A-Za-z0-9_]*)?$/;
const BECH32_TOKEN_RE = /^[a-z]+1[a-z0-9]+$/i;
const SIGNATURE_BYTES = 128;

function mod(n: bigint, m: bigint): bigint {
  const r = n % m;
  return r < 0n ? r + m : r;
}

const FIELD_LIKE_MODULUS: Record<FieldLikeType, bigint> = {
  field: FIELD_MODULUS,
  // A group literal is the x-coordinate of a point, itself a base-field element.
  group: FIELD_MODULUS,
  scalar: SCALAR_MODULUS,
};

/** Parses one bare literal token (not a string): numbers with suffix, booleans, bech32m values. */
export function parseLiteralToken(token: string, position: number): LiteralValue {
  const first = token.charCodeAt(0);
  const isDigit = first >= 48 && first <= 57;
  if (isDigit || first === 45 /* - */) return parseNumber(token, position);
  if (token === 'true') return { kind: 'boolean', value: true };
  if (token === 'false') return { kind: 'boolean', value: false };
  if (BECH32_TOKEN_RE.test(token)) return parseBech32Literal(token, position);
  throw new PlaintextError(`expected a value, found "${token}"`, position);
}

function parseNumber(token: string, position: number): LiteralValue {
  const m = NUMBER_RE.exec(token);
  if (!m) throw new PlaintextError(`invalid number literal "${token}"`, position);
  const [, sign = '', digitsRaw = '', suffix] = m;
  if (suffix === undefined) {
    throw new PlaintextError(`missing type suffix in "${token}"`, position);
  }
  const digits = digitsRaw.replaceAll('_', '');
  if (isIntegerType(suffix)) {
    if (sign && suffix[0] === 'u') {
      throw new PlaintextError(`negative value "${token}" for unsigned type ${suffix}`, position);
    }
    const value = BigInt(sign + digits);
    const { min, max } = integerRange(suffix);
    if (value < min || value > max) {
      throw new PlaintextError(
        `${suffix} value "${token}" is out of range ${min}..${max}`,
        position,
      );
    }
    return { kind: suffix, value };
  }
  if (suffix === 'field' || suffix === 'scalar' || suffix === 'group') {
    // A node reads these digits as one canonical decimal: "0", or no leading zero.
    if (digits.length > 1 && digits.charCodeAt(0) === 48) {
      throw new PlaintextError(`${suffix} literal "${token}" has a leading zero`, position);
    }
    const value = mod(BigInt(sign + digits), FIELD_LIKE_MODULUS[suffix]);
    if (suffix === 'group' && !isPoint(value)) {
      throw new PlaintextError(`"${token}" ${NOT_A_POINT}`, position);
    }
    return { kind: suffix, value };
  }
  throw new PlaintextError(`unknown literal type "${suffix}" in "${token}"`, position);
}

const NOT_A_POINT = 'is not the x-coordinate of a point in the group';
const SIGNATURE_PARTS = ['challenge', 'response', 'pk_sig', 'pr_sig'] as const;

function parseBech32Literal(token: string, position: number): LiteralValue {
  const lower = token.toLowerCase();
  const what = lower.startsWith('sign1') ? 'signature' : 'address';
  if (lower !== token) {
    // bech32m allows all upper case; a node's parser does not.
    throw new PlaintextError(`invalid ${what} "${token}": not in lower case`, position);
  }
  if (what === 'signature') {
    let bytes: Uint8Array;
    try {
      bytes = decodeBech32m(lower).bytes;
    } catch (error) {
      throw new PlaintextError(bech32Reason('signature', token, error), position);
    }
    if (bytes.length !== SIGNATURE_BYTES) {
      throw new PlaintextError(
        `invalid signature "${token}": data is ${bytes.length} bytes, expected ${SIGNATURE_BYTES}`,
        position,
      );
    }
    const bad = badSignaturePart(bytes);
    if (bad) throw new PlaintextError(`invalid signature "${token}": ${bad}`, position);
    return { kind: 'signature', value: lower };
  }
  try {
    decodeAddress(lower);
  } catch (error) {
    throw new PlaintextError(bech32Reason('address', token, error), position);
  }
  return { kind: 'address', value: lower };
}

/** A signature is two scalars (challenge, response) then the x-coordinates of two points. */
function badSignaturePart(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < 4; i++) {
    const part = SIGNATURE_PARTS[i] as string;
    const n = bytesToBigIntLE(bytes.subarray(32 * i, 32 * i + 32));
    if (i < 2 && n >= SCALAR_MODULUS) return `${part} is not below the scalar modulus`;
    if (i >= 2 && !isPoint(n)) return `${part} ${NOT_A_POINT}`;
  }
  return undefined;
}

function bech32Reason(what: string, token: string, error: unknown): string {
  if (error instanceof Bech32Error) {
    const msg = error.message;
    const colon = msg.indexOf('": ');
    return `invalid ${what} "${token}": ${colon >= 0 ? msg.slice(colon + 3) : msg}`;
  }
  return `invalid ${what} "${token}"`;
}

/**
 * Characters a node refuses to find raw in a string: C0 controls except tab, line feed and
 * carriage return, DEL, and the bidirectional embeddings, overrides and isolates, which can
 * make a value read differently from what it is. Escapes (`\u{202e}`) are still accepted,
 * as a node accepts them; the printer writes these characters only as escapes.
 */
export function isRefusedInString(c: number): boolean {
  if (c < 32) return c !== 9 && c !== 10 && c !== 13;
  return c === 127 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

export function refusedInStringReason(c: number): string {
  const name = c >= 0x202a ? 'bidirectional control' : 'control character';
  return `${name} U+${c.toString(16).toUpperCase().padStart(4, '0')} in string`;
}

const utf8 = new TextEncoder();

/** Checks a decoded string literal against the 255-byte limit. */
export function checkStringLength(value: string, position: number): void {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes, so short strings need no encoding.
  if (value.length <= MAX_STRING_BYTES / 3) return;
  const bytes = utf8.encode(value).length;
  if (bytes > MAX_STRING_BYTES) {
    throw new PlaintextError(
      `string is ${bytes} bytes, more than the ${MAX_STRING_BYTES}-byte limit`,
      position,
    );
  }
}
