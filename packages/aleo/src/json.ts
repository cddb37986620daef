import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';
import { BaseError } from './errors';

/** Chain JSON that does not parse. */
export class ChainJsonError extends BaseError {
  override name = 'ChainJsonError';
}

// Integers beyond 2^53 (u64 counters, u128 weights) must not pass through a JS number.
function parseNumber(text: string): number | bigint {
  if (isInteger(text)) return isSafeNumber(text) ? Number(text) : BigInt(text);
  return Number(text);
}

// An integer token of 16 digits or more (9007199254740991, the largest safe one, has 16)
// between JSON punctuation. Inside a string the same text can match; quoting it there puts
// a backslash outside any string, which the native parser always refuses, and the exact
// parser below takes over.
// (A leading punctuation group, not a lookbehind: V8 scans for it several times faster.)
const LONG_INTEGER = /([[:,]\s*)(-?\d{16,})(?=\s*[,\]}]|\s*$)/g;
// A whole answer that is one integer (a height, a u64 mapping value) has no punctuation.
const ONE_INTEGER = /^\s*-?(0|[1-9]\d*)\s*$/;

/**
 * Quotes the integers a JS number cannot hold with a marker, so that the native JSON.parse
 * can read the rest; answers the text and how many it quoted.
 */
function quoteUnsafeIntegers(text: string, marker: string): { text: string; count: number } {
  let count = 0;
  const quoted = text.replace(LONG_INTEGER, (match, before: string, digits: string) => {
    if (Number.isSafeInteger(Number(digits))) return match;
    count++;
    return `${before}"${marker}${digits}"`;
  });
  return { text: quoted, count };
}

/** Turns the `count` marked strings back into bigints, in place; stops once all are found. */
function reviveMarked(root: unknown, marker: string, count: number): unknown {
  let left = count;
  const stack: unknown[] = [root];
  while (left > 0 && stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    const keys = Array.isArray(node) ? null : Object.keys(node);
    const n = keys ? keys.length : (node as unknown[]).length;
    for (let i = 0; i < n; i++) {
      const key = keys ? (keys[i] as string) : i;
      const v = (node as Record<string | number, unknown>)[key];
      if (typeof v === 'string') {
        if (v.startsWith(marker)) {
          (node as Record<string | number, unknown>)[key] = BigInt(v.slice(marker.length));
          left--;
        }
      } else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  if (typeof root === 'string' && root.startsWith(marker)) return BigInt(root.slice(marker.length));
  return root;
}

/** JSON.parse that keeps every integer exact: unsafe integers become bigint. */
export function parseChainJson(text: string): unknown {
  if (ONE_INTEGER.test(text)) return parseNumber(text.trim());
  // Fast path: the native parser, with unsafe integers carried through as marked strings.
  const nonce = Math.random().toString(36).slice(2);
  // NUL cannot appear raw in JSON text, so the marker is written escaped and read decoded.
  const marker = `\u0000${nonce}:`;
  const quoted = quoteUnsafeIntegers(text, `\\u0000${nonce}:`);
  try {
    const value = JSON.parse(quoted.text);
    return quoted.count === 0 ? value : reviveMarked(value, marker, quoted.count);
  } catch {
    // Fall through: lossless-json says precisely where the text is wrong.
  }
  try {
    return parse(text, null, parseNumber);
  } catch (error) {
    throw new ChainJsonError('invalid JSON', { details: (error as Error).message, cause: error });
  }
}

// Newer nodes print the two u128 header fields as strings.
const U128_STRING_KEYS = new Set(['cumulative_weight', 'cumulative_proof_target']);

/**
 * Pretty (2-space) chain JSON: bigints print as bare JSON numbers, except the header's
 * `cumulative_weight`/`cumulative_proof_target`, which print as strings (newer node form).
 */
export function stringifyChainJson(value: unknown): string {
  const out = stringify(
    value,
    (key, v) => {
      if (U128_STRING_KEYS.has(key) && (typeof v === 'bigint' || typeof v === 'number')) {
        return String(v);
      }
      return v;
    },
    2,
  );
  if (out === undefined) throw new ChainJsonError('value has no JSON form');
  return out;
}
