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

/**
 * Finds the integers outside strings that a JS number cannot hold and quotes them with a
 * marker, so that the native JSON.parse can read the rest. Null when there are none.
 */
function quoteUnsafeIntegers(text: string, marker: string): string | null {
  let out: string[] | null = null;
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string: find the closing quote not preceded by an odd run of backslashes.
      let j = text.indexOf('"', i + 1);
      for (;;) {
        if (j < 0) return null;
        let k = j - 1;
        while (text.charCodeAt(k) === 92) k--;
        if ((j - k - 1) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      i = j + 1;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 48 || d > 57) break;
        i++;
      }
      const next = text.charCodeAt(i);
      const isInt = next !== 46 && next !== 101 && next !== 69;
      // 9007199254740991 has 16 digits: shorter integers are always safe.
      if (isInt && i - start >= 16 && !Number.isSafeInteger(Number(text.slice(start, i)))) {
        out ??= [];
        out.push(text.slice(copied, start), `"${marker}${text.slice(start, i)}"`);
        copied = i;
      }
      continue;
    }
    i++;
  }
  if (out === null) return null;
  out.push(text.slice(copied));
  return out.join('');
}

/** JSON.parse that keeps every integer exact: unsafe integers become bigint. */
export function parseChainJson(text: string): unknown {
  // Fast path: the native parser, with unsafe integers carried through as marked strings.
  const nonce = Math.random().toString(36).slice(2);
  // NUL cannot appear raw in JSON text, so the marker is written escaped and read decoded.
  const marker = `\u0000${nonce}:`;
  const quoted = quoteUnsafeIntegers(text, `\\u0000${nonce}:`);
  try {
    if (quoted === null) return JSON.parse(text);
    return JSON.parse(quoted, (_key, v) =>
      typeof v === 'string' && v.startsWith(marker) ? BigInt(v.slice(marker.length)) : v,
    );
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
