import { z } from 'zod';
import { PlaintextError } from './plaintext/errors';
import { parsePlaintext } from './plaintext/parse';

/** The field has 76 decimal digits; longer text (even with leading zeros) is refused unparsed. */
const MAX_FIELD_DIGITS = 80;

export const FIELD_ID_MESSAGE =
  'a proposal id is a decimal field value, optionally ending in "field"';

export interface ParseFieldIdOptions {
  /** A transition input always carries the `field` suffix; a URL may leave it out. */
  requireSuffix?: boolean;
}

/**
 * Reads an id such as a proposal id (`123field`, or `123` where the suffix is optional)
 * with the codec's own field parse, as a node reads it (digit underscores allowed), but
 * refusing what the parse would wrap around the modulus (a sign, a value past it).
 * Returns the canonical decimal digits, or null.
 */
export function parseFieldId(text: string, options: ParseFieldIdOptions = {}): string | null {
  const hasSuffix = text.endsWith('field');
  if (!hasSuffix && options.requireSuffix) return null;
  const digits = hasSuffix ? text.slice(0, -'field'.length) : text;
  // The plaintext parse skips surrounding whitespace; an id has none.
  if (digits.length === 0 || digits.length > MAX_FIELD_DIGITS || digits.trim() !== digits)
    return null;
  let value: ReturnType<typeof parsePlaintext>;
  try {
    value = parsePlaintext(`${digits}field`);
  } catch (error) {
    if (error instanceof PlaintextError) return null;
    throw error;
  }
  if (value.kind !== 'field') return null;
  // The parse reduces modulo the field: a negative or too large number is another id.
  if (
    digits.startsWith('-') ||
    value.value.toString() !== BigInt(digits.replaceAll('_', '')).toString()
  )
    return null;
  return value.value.toString();
}

/** A proposal id from a URL or API input, as its canonical decimal digits. */
export const proposalIdSchema = z.string().transform((text, ctx) => {
  const id = parseFieldId(text);
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: FIELD_ID_MESSAGE });
    return z.NEVER;
  }
  return id;
});
