import type { Plaintext } from './types';

export type PlaintextJson = string | boolean | PlaintextJson[] | { [name: string]: PlaintextJson };

/** A JSON view of a value: numbers as decimal strings (they exceed 2^53), structs as objects. */
export function plaintextToJson(v: Plaintext): PlaintextJson {
  switch (v.kind) {
    case 'struct':
      return Object.fromEntries(v.members.map(([name, value]) => [name, plaintextToJson(value)]));
    case 'array':
      return v.elements.map(plaintextToJson);
    case 'future':
      return {
        program_id: v.programId,
        function_name: v.functionName,
        arguments: v.arguments.map(plaintextToJson),
      };
    case 'boolean':
      return v.value;
    case 'address':
    case 'signature':
    case 'string':
      return v.value;
    default:
      return v.value.toString();
  }
}
