import { isRefusedInString } from './literals';
import type { FutureValue, LiteralValue, Plaintext } from './types';

const INDENT = '  ';

export type PrintOptions = {
  /**
   * `escaped` (the default) writes `"`, `\`, controls and bidirectional controls as escapes,
   * so that the text parses back to the same value, here and on a node. `raw` writes strings
   * as a node prints them, unescaped: for comparing with a node's output, not for reading back.
   */
  strings?: 'escaped' | 'raw';
};

type StringPrinter = (s: string) => string;

/** Prints a value in the node's canonical pretty form (snarkVM `Display`). */
export function printPlaintext(v: Plaintext, options: PrintOptions = {}): string {
  const str = options.strings === 'raw' ? rawString : escapedString;
  if (v.kind === 'future') return printFuture(v, 0, str);
  return printAt(v, 0, str);
}

function printAt(v: Plaintext, depth: number, str: StringPrinter): string {
  switch (v.kind) {
    case 'struct': {
      const pad = INDENT.repeat(depth + 1);
      let out = '{';
      for (let i = 0; i < v.members.length; i++) {
        const [name, value] = v.members[i] as [string, Plaintext];
        out += `${i === 0 ? '' : ','}\n${pad}${name}: ${printAt(value, depth + 1, str)}`;
      }
      return `${out}\n${INDENT.repeat(depth)}}`;
    }
    case 'array': {
      const pad = INDENT.repeat(depth + 1);
      let out = '[';
      for (let i = 0; i < v.elements.length; i++) {
        out += `${i === 0 ? '' : ','}\n${pad}${printAt(v.elements[i] as Plaintext, depth + 1, str)}`;
      }
      return `${out}\n${INDENT.repeat(depth)}]`;
    }
    case 'future':
      return printFuture(v, depth, str);
    default:
      return printLiteral(v, str);
  }
}

// Mirrors snarkVM's future printer, including its blank line after a last nested future.
function printFuture(f: FutureValue, depth: number, str: StringPrinter): string {
  const pad1 = INDENT.repeat(depth + 1);
  const pad2 = INDENT.repeat(depth + 2);
  let out = `{\n${pad1}program_id: ${f.programId},\n${pad1}function_name: ${f.functionName},`;
  const args = f.arguments;
  if (args.length === 0) return `${out}\n${pad1}arguments: []\n${INDENT.repeat(depth)}}`;
  out += `\n${pad1}arguments: [`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Plaintext;
    const last = i === args.length - 1;
    if (arg.kind === 'future') {
      out += `\n${pad2}${printFuture(arg, depth + 2, str)}${last ? `\n${pad1}` : ','}`;
    } else {
      // Plaintext arguments are printed with their own indentation, from depth 0.
      out += `\n${pad2}${printAt(arg, 0, str)}${last ? '' : ','}`;
    }
  }
  return `${out}\n${pad1}]\n${INDENT.repeat(depth)}}`;
}

export function printLiteral(v: LiteralValue, str: StringPrinter = escapedString): string {
  switch (v.kind) {
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'address':
    case 'signature':
      return v.value;
    case 'string':
      return str(v.value);
    default:
      return `${v.value}${v.kind}`;
  }
}

const rawString: StringPrinter = (s) => `"${s}"`;

// Escapes what a parser would otherwise misread or refuse, so that parse(print(v)) is v.
function escapedString(s: string): string {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92 && !isRefusedInString(c)) continue;
    out += s.slice(chunk, i);
    chunk = i + 1;
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else out += `\\u{${c.toString(16)}}`;
  }
  return `${out + s.slice(chunk)}"`;
}
