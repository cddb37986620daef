import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../_test/hostile-plaintexts';
import {
  fieldElement,
  GROUP_POOL,
  identifier,
  messy,
  plaintext,
  scalarElement,
  signatureOf,
} from '../_test/plaintext-arbitraries';
import { bigIntToBytesLE, decodeAddress, encodeAddress, UPSTREAM_HRP } from '../bech32';
import { parsePlaintext } from './parse';
import { printPlaintext } from './print';
import { FIELD_MODULUS, LITERAL_TYPE_NAMES, type Plaintext, SCALAR_MODULUS } from './types';

// Random values and near-values through the codec and through snarkVM itself (compiled to
// WebAssembly), comparing accept/reject and the printed form. Every difference must be one
// of these, which the package README lists too:
const DOCUMENTED_DIFFERENCES = {
  hrp: 'a node reads only the `aleo` address HRP; the codec reads any (the forks use ax, dx)',
  forkAddresses: 'the codec does not check that ax/dx address data is a curve point',
  strings: 'a node prints strings raw; the codec escapes `"`, `\\`, controls, bidi controls',
  trailingWhitespace: 'a node refuses whitespace after the value; the codec skips it',
  longArrays: 'a node parses arrays of more than 32 elements; the codec keeps the spec limit',
  nodeOnlySyntax:
    "a node also reads comments, 'identifier' literals and program ids as address values",
  futures: "a node's Plaintext does not read futures (they are another type there)",
} as const;
type Difference = keyof typeof DOCUMENTED_DIFFERENCES;

type NodePlaintext = { toString(): string; free(): void };
type NodeModule = { Plaintext: { fromString(text: string): NodePlaintext } };

function loadNode(): NodeModule | string {
  try {
    // The ESM build fetches its .wasm by URL, which Node cannot; the CommonJS build reads it.
    return createRequire(import.meta.url)('@provablehq/wasm/mainnet.js') as NodeModule;
  } catch (error) {
    return `@provablehq/wasm (a dev-only tool) is not installed: ${(error as Error).message}`;
  }
}
const node = loadNode();
const skipReason = typeof node === 'string' ? node : undefined;
if (skipReason) console.warn(`differential test skipped: ${skipReason}`);

type Outcome = { ok: true; printed: string } | { ok: false; error: string };

function nodeRead(text: string): Outcome {
  if (typeof node === 'string') throw new Error(node);
  try {
    const value = node.Plaintext.fromString(text);
    const printed = value.toString();
    value.free();
    return { ok: true, printed };
  } catch (error) {
    return { ok: false, error: String((error as Error)?.message ?? error) };
  }
}

function codecRead(text: string): Outcome {
  try {
    return { ok: true, printed: printPlaintext(parsePlaintext(text), { strings: 'raw' }) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Which documented difference explains a disagreement on this text, if any. */
function explain(text: string, ours: Outcome): Difference | undefined {
  if (/\s$/.test(text) && ours.ok) return 'trailingWhitespace';
  if (ours.ok === false && /more than 32 elements/.test(ours.error)) return 'longArrays';
  return undefined;
}

const seen = { cases: 0, accepted: 0, refused: 0, explained: new Map<Difference, number>() };
const undocumented: string[] = [];

/** Reads text on both sides; records a disagreement that no documented difference explains. */
function compare(text: string): Outcome {
  const ours = codecRead(text);
  const theirs = nodeRead(text);
  seen.cases++;
  const same =
    ours.ok === theirs.ok && (!ours.ok || ours.printed === (theirs as typeof ours).printed);
  if (same) {
    if (ours.ok) seen.accepted++;
    else seen.refused++;
    return ours;
  }
  const why = explain(text, ours);
  if (why) seen.explained.set(why, (seen.explained.get(why) ?? 0) + 1);
  else {
    const show = (o: Outcome) =>
      o.ok ? `prints ${JSON.stringify(o.printed)}` : `refuses: ${o.error}`;
    undocumented.push(`${JSON.stringify(text)}: codec ${show(ours)}; node ${show(theirs)}`);
  }
  return ours;
}

/** The same value with every fork address replaced by an upstream one (HRP difference). */
function upstream(v: Plaintext): Plaintext {
  switch (v.kind) {
    case 'address': {
      const { hrp, bytes } = decodeAddress(v.value);
      if (hrp === UPSTREAM_HRP) return v;
      const x = GROUP_POOL[(bytes[0] as number) % GROUP_POOL.length] as bigint;
      return { kind: 'address', value: encodeAddress(bigIntToBytesLE(x, 32), UPSTREAM_HRP) };
    }
    case 'struct':
      return { kind: 'struct', members: v.members.map(([n, m]) => [n, upstream(m)]) };
    case 'array':
      return { kind: 'array', elements: v.elements.map(upstream) };
    default:
      return v;
  }
}

const literalType = fc.constantFrom(...LITERAL_TYPE_NAMES, 'u7', 'fields', 'Field', 'x');
const digits = fc.stringMatching(/^[0-9][0-9_]{0,90}$/);
const anyX = fc.oneof(
  fieldElement,
  fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
  fc.constantFrom(0n, 1n, FIELD_MODULUS - 1n, FIELD_MODULUS, FIELD_MODULUS + 2n),
  fc.constantFrom(...GROUP_POOL),
);
const anyScalar = fc.oneof(
  scalarElement,
  fc.constantFrom(SCALAR_MODULUS - 1n, SCALAR_MODULUS, SCALAR_MODULUS + 1n),
);
const rawChar = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x2000, max: 0x206f }),
  fc.integer({ min: 0x80, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff),
);
const memberName = fc.oneof(
  identifier,
  fc.constantFrom(...LITERAL_TYPE_NAMES),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,34}$/),
);

/** Near-values: texts a node may or may not accept, one hostile idea each. */
const nearValue: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('', '-'), digits, literalType).map(([s, d, t]) => `${s}${d}${t}`),
  anyX.map((x) => `${x}group`),
  anyX.map((x) => encodeAddress(bigIntToBytesLE(x & ((1n << 256n) - 1n), 32), UPSTREAM_HRP)),
  fc
    .tuple(anyScalar, anyScalar, anyX, anyX)
    .map(([c, r, pk, pr]) =>
      signatureOf([c, r, pk & ((1n << 256n) - 1n), pr & ((1n << 256n) - 1n)]),
    ),
  fc
    .array(rawChar, { maxLength: 12 })
    .map((cs) => `"${String.fromCharCode(...cs).replace(/["\\]/g, '')}"`),
  fc
    .array(
      fc.oneof(
        rawChar.map((c) => `\\u{${c.toString(16)}}`),
        fc.constantFrom('\\n', '\\"'),
      ),
    )
    .map((es) => `"${es.join('')}"`),
  fc.tuple(memberName, memberName).map(([a, b]) => `{ ${a}: 1u8, ${b}: true }`),
  fc.integer({ min: 30, max: 34 }).map((n) => `${'['.repeat(n)}1u8${']'.repeat(n)}`),
  fc.integer({ min: 30, max: 34 }).map((n) => `[${Array(n).fill('0u8').join(', ')}]`),
);

describe.skipIf(skipReason !== undefined)(
  skipReason
    ? `differential against snarkVM (skipped: ${skipReason})`
    : 'differential against snarkVM',
  () => {
    afterAll(() => {
      const explained = Object.fromEntries(seen.explained);
      console.log(
        `differential: ${seen.cases} cases, ${seen.accepted} accepted and ${seen.refused} refused by both, documented differences ${JSON.stringify(explained)}`,
      );
    });

    it('the documented differences still hold', () => {
      const forkAddress = encodeAddress(new Uint8Array(32).fill(1), 'ax');
      const cases: Array<[Difference, string, 'codec' | 'node']> = [
        ['hrp', encodeAddress(bigIntToBytesLE(GROUP_POOL[0] as bigint, 32), 'ax'), 'codec'],
        ['forkAddresses', forkAddress, 'codec'],
        ['trailingWhitespace', '1u8 ', 'codec'],
        ['longArrays', `[${Array(33).fill('1u8').join(', ')}]`, 'node'],
        ['nodeOnlySyntax', "'hello'", 'node'],
        ['nodeOnlySyntax', '{ a: credits.aleo }', 'node'],
        ['nodeOnlySyntax', '{ a: /* note */ 1u8 }', 'node'],
        ['nodeOnlySyntax', '// note\n1u8', 'node'],
        ['futures', '{ program_id: a.aleo, function_name: f, arguments: [] }', 'codec'],
      ];
      const observed = cases.map(([why, text]) => {
        const accepts = codecRead(text).ok ? 'codec' : nodeRead(text).ok ? 'node' : 'neither';
        return [why, text, nodeRead(text).ok && codecRead(text).ok ? 'both' : accepts];
      });
      expect(observed).toEqual(cases);
      expect(Object.keys(DOCUMENTED_DIFFERENCES).sort()).toEqual(
        [...new Set(cases.map(([why]) => why)), 'strings'].sort(),
      );
      const s = parsePlaintext('"say \\"hi\\""');
      expect(nodeRead(printPlaintext(s))).toEqual({ ok: true, printed: '"say "hi""' });
    });

    it('every hostile text is refused by the node as by the codec', () => {
      const accepted = HOSTILE.map(([text]) => text).filter((text) => nodeRead(text).ok);
      expect(accepted).toEqual([]);
      for (const [text] of HOSTILE) expect(compare(text).ok).toBe(false);
    });

    it('a node reads what the codec prints, as the same value', () => {
      fc.assert(
        fc.property(plaintext, (v) => {
          const u = upstream(v);
          const theirs = nodeRead(printPlaintext(u));
          seen.cases++;
          seen.accepted++;
          expect(theirs).toEqual({ ok: true, printed: printPlaintext(u, { strings: 'raw' }) });
        }),
        { numRuns: 250 },
      );
    }, 60_000);

    it('both read messy spellings of valid values the same way', () => {
      fc.assert(
        fc.property(plaintext, fc.gen(), (v, g) => {
          compare(messy(upstream(v), g));
        }),
        { numRuns: 250 },
      );
      expect(undocumented).toEqual([]);
    }, 60_000);

    it('both accept and refuse the same near-values, and print them alike', () => {
      fc.assert(
        fc.property(nearValue, (text) => {
          compare(text);
        }),
        { numRuns: 4000 },
      );
      expect(undocumented).toEqual([]);
    }, 60_000);
  },
);
