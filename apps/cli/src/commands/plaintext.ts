import { readFileSync } from 'node:fs';
import { parsePlaintext, plaintextToJson, printPlaintext } from '@ratify/aleo';
import type { Command } from 'commander';

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

/** The value text: the argument itself, or standard input when the argument is `-`. */
function readValue(arg: string): string {
  if (arg !== '-') return arg;
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    console.error(`ratify: cannot read the value from standard input: ${oneLine(error)}`);
    process.exit(1);
  }
}

/** Parses the argument or ends the command with a one-line error. */
function parseOrExit(arg: string) {
  try {
    return parsePlaintext(readValue(arg));
  } catch (error) {
    console.error(`ratify: ${oneLine(error)}`);
    process.exit(1);
  }
}

const VALUE_HELP = "the value, e.g. '{ a: 1u8 }' or -5i8; - reads it from standard input";

export function registerPlaintextCommands(program: Command) {
  const plaintext = program
    .command('plaintext')
    .description('read a plaintext value or future as a node prints it');
  // These commands take no options, so an argument that starts with "-" (-5i8, -1field) is
  // the value, not an unknown option; -h and --help still print the help.
  plaintext
    .command('format')
    .description("print a value's canonical form")
    .argument('<text>', VALUE_HELP)
    .allowUnknownOption()
    .action((text: string) => {
      console.log(printPlaintext(parseOrExit(text)));
    });
  plaintext
    .command('json')
    .description('print a value as JSON; integers as decimal strings')
    .argument('<text>', VALUE_HELP)
    .allowUnknownOption()
    .action((text: string) => {
      console.log(JSON.stringify(plaintextToJson(parseOrExit(text)), null, 2));
    });
}
