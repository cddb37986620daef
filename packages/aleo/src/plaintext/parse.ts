import { PlaintextError } from './errors';
import {
  checkStringLength,
  isRefusedInString,
  parseLiteralToken,
  refusedInStringReason,
} from './literals';
import {
  isReservedName,
  MAX_DEPTH,
  MAX_ELEMENTS,
  MAX_IDENTIFIER_BYTES,
  MAX_MEMBERS,
  type Plaintext,
  type StructValue,
} from './types';

const IDENT_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Parses a plaintext value (literal, struct, array) or a future, as a node prints them.
 * Whitespace between tokens is free; everything else must be exact.
 */
export function parsePlaintext(text: string): Plaintext {
  if (typeof text !== 'string') throw new PlaintextError('input is not a string', 0);
  const p = new Parser(text);
  p.skipWs();
  const value = p.value(0, true);
  p.skipWs();
  if (p.pos < text.length) {
    throw new PlaintextError(`unexpected ${p.describe()} after the value`, p.pos);
  }
  return value;
}

function isTokenChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45
  );
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  skipWs(): void {
    const s = this.s;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) i++;
      else break;
    }
    this.pos = i;
  }

  describe(): string {
    if (this.pos >= this.s.length) return 'end of input';
    const c = this.s[this.pos] as string;
    if (!isTokenChar(c.charCodeAt(0))) return JSON.stringify(c);
    return JSON.stringify(this.peekToken());
  }

  peekToken(): string {
    const s = this.s;
    let i = this.pos;
    while (i < s.length && isTokenChar(s.charCodeAt(i))) i++;
    return s.slice(this.pos, i);
  }

  expect(ch: string, context: string): void {
    this.skipWs();
    if (this.s[this.pos] !== ch) {
      throw new PlaintextError(`expected "${ch}" ${context}, found ${this.describe()}`, this.pos);
    }
    this.pos++;
  }

  identifier(what: string): string {
    this.skipWs();
    const start = this.pos;
    const token = this.peekToken();
    if (!token) throw new PlaintextError(`expected ${what}, found ${this.describe()}`, start);
    if (!IDENT_RE.test(token)) throw new PlaintextError(`invalid ${what} "${token}"`, start);
    if (token.length > MAX_IDENTIFIER_BYTES) {
      throw new PlaintextError(
        `${what} "${token}" is longer than ${MAX_IDENTIFIER_BYTES} bytes`,
        start,
      );
    }
    if (isReservedName(token)) {
      throw new PlaintextError(
        `${what} "${token}" is a literal type name, which is reserved`,
        start,
      );
    }
    this.pos += token.length;
    return token;
  }

  /** depth counts the enclosing structs, arrays and futures. */
  value(depth: number, allowFuture: boolean): Plaintext {
    const c = this.s.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.braced(depth + 1, allowFuture);
    if (c === 91 /* [ */) return this.array(depth + 1);
    if (c === 34 /* " */) return this.string();
    const start = this.pos;
    const token = this.peekToken();
    if (!token) throw new PlaintextError(`expected a value, found ${this.describe()}`, start);
    this.pos += token.length;
    if (this.s.charCodeAt(this.pos) === 46 /* . */) {
      throw new PlaintextError(`expected a value, found "${token}."`, start);
    }
    return parseLiteralToken(token, start);
  }

  checkDepth(depth: number, start: number): void {
    if (depth > MAX_DEPTH) {
      throw new PlaintextError(`nesting is deeper than ${MAX_DEPTH} levels`, start);
    }
  }

  braced(depth: number, allowFuture: boolean): Plaintext {
    const open = this.pos;
    this.checkDepth(depth, open);
    this.pos++;
    this.skipWs();
    if (this.s[this.pos] === '}') throw new PlaintextError('struct has no members', open);
    const nameAt = this.pos;
    const first = this.identifier('member name');
    this.expect(':', `after member name "${first}"`);
    this.skipWs();
    if (first === 'program_id' && this.looksLikeProgramId()) {
      if (!allowFuture) {
        throw new PlaintextError(
          'a future can only be a top-level value or a future argument',
          open,
        );
      }
      return this.futureRest(depth);
    }
    const members: StructValue['members'] = [];
    const seen = new Set<string>();
    let name = first;
    let memberAt = nameAt;
    for (;;) {
      if (seen.has(name)) throw new PlaintextError(`duplicate struct member "${name}"`, memberAt);
      seen.add(name);
      if (members.length === MAX_MEMBERS) {
        throw new PlaintextError(`struct has more than ${MAX_MEMBERS} members`, memberAt);
      }
      members.push([name, this.value(depth, false)]);
      this.skipWs();
      const c = this.s[this.pos];
      if (c === '}') {
        this.pos++;
        return { kind: 'struct', members };
      }
      if (c !== ',') {
        throw new PlaintextError(
          `expected "," or "}" after member "${name}", found ${this.describe()}`,
          this.pos,
        );
      }
      this.pos++;
      this.skipWs();
      if (this.s[this.pos] === '}') {
        throw new PlaintextError('trailing comma in struct', this.pos);
      }
      memberAt = this.pos;
      name = this.identifier('member name');
      this.expect(':', `after member name "${name}"`);
      this.skipWs();
    }
  }

  array(depth: number): Plaintext {
    const open = this.pos;
    this.checkDepth(depth, open);
    this.pos++;
    this.skipWs();
    if (this.s[this.pos] === ']') throw new PlaintextError('array has no elements', open);
    const elements: Plaintext[] = [];
    for (;;) {
      if (elements.length === MAX_ELEMENTS) {
        throw new PlaintextError(`array has more than ${MAX_ELEMENTS} elements`, this.pos);
      }
      elements.push(this.value(depth, false));
      this.skipWs();
      const c = this.s[this.pos];
      if (c === ']') {
        this.pos++;
        return { kind: 'array', elements };
      }
      if (c !== ',') {
        throw new PlaintextError(
          `expected "," or "]" in array, found ${this.describe()}`,
          this.pos,
        );
      }
      this.pos++;
      this.skipWs();
      if (this.s[this.pos] === ']') throw new PlaintextError('trailing comma in array', this.pos);
    }
  }

  looksLikeProgramId(): boolean {
    const token = this.peekToken();
    return token.length > 0 && this.s[this.pos + token.length] === '.';
  }

  programId(): string {
    const name = this.identifier('program name');
    if (this.s[this.pos] !== '.') {
      throw new PlaintextError(`expected "." in program id, found ${this.describe()}`, this.pos);
    }
    this.pos++;
    const network = this.identifier('program network');
    return `${name}.${network}`;
  }

  futureRest(depth: number): Plaintext {
    const programId = this.programId();
    this.expect(',', 'after program_id');
    const fnKey = this.identifier('"function_name"');
    if (fnKey !== 'function_name') {
      throw new PlaintextError(
        `expected "function_name" in future, found "${fnKey}"`,
        this.pos - fnKey.length,
      );
    }
    this.expect(':', 'after "function_name"');
    const functionName = this.identifier('function name');
    this.expect(',', 'after function_name');
    const argsKey = this.identifier('"arguments"');
    if (argsKey !== 'arguments') {
      throw new PlaintextError(
        `expected "arguments" in future, found "${argsKey}"`,
        this.pos - argsKey.length,
      );
    }
    this.expect(':', 'after "arguments"');
    this.expect('[', 'to open the future arguments');
    const args: Plaintext[] = [];
    this.skipWs();
    if (this.s[this.pos] === ']') {
      this.pos++;
    } else {
      for (;;) {
        this.skipWs();
        args.push(this.value(depth, true));
        this.skipWs();
        const c = this.s[this.pos];
        if (c === ']') {
          this.pos++;
          break;
        }
        if (c !== ',') {
          throw new PlaintextError(
            `expected "," or "]" in future arguments, found ${this.describe()}`,
            this.pos,
          );
        }
        this.pos++;
        this.skipWs();
        if (this.s[this.pos] === ']') {
          throw new PlaintextError('trailing comma in future arguments', this.pos);
        }
      }
    }
    this.expect('}', 'to close the future');
    return { kind: 'future', programId, functionName, arguments: args };
  }

  string(): Plaintext {
    const s = this.s;
    const start = this.pos;
    let i = start + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= s.length) throw new PlaintextError('unterminated string', start);
      const c = s.charCodeAt(i);
      if (c === 34 /* " */) break;
      if (c !== 92 /* \ */) {
        if ((c < 32 || c === 127 || (c >= 0x202a && c <= 0x2069)) && isRefusedInString(c)) {
          throw new PlaintextError(refusedInStringReason(c), i);
        }
        i++;
        continue;
      }
      out += s.slice(chunk, i);
      const e = s[i + 1];
      let step = 2;
      if (e === '"') out += '"';
      else if (e === '\\') out += '\\';
      else if (e === '/') out += '/';
      else if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'b') out += '\b';
      else if (e === 'f') out += '\f';
      else if (e === 'u') {
        const m = /^\{([0-9A-Fa-f]{1,6})\}/.exec(s.slice(i + 2, i + 10));
        const code = m ? Number.parseInt(m[1] as string, 16) : -1;
        if (!m || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          throw new PlaintextError('invalid unicode escape in string', i);
        }
        out += String.fromCodePoint(code);
        step = 2 + (m[0] as string).length;
      } else {
        throw new PlaintextError(`invalid escape "\\${e ?? ''}" in string`, i);
      }
      i += step;
      chunk = i;
    }
    out += s.slice(chunk, i);
    this.pos = i + 1;
    checkStringLength(out, start);
    return { kind: 'string', value: out };
  }
}
