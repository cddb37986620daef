import { parsePlaintext, plaintextToJson, printPlaintext } from '@ratify/aleo';
import type { Command } from 'commander';

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

/** Parses the argument or ends the command with a one-line error. */
function parseOrExit(text: string) {
  try {
    return parsePlaintext(text);
  } catch (error) {
    console.error(`ratify: ${oneLine(error)}`);
    process.exit(1);
  }
}

export function registerPlaintextCommands(program: Command) {
  const plaintext = program
    .command('plaintext')
    .description('read a plaintext value or future as a node prints it');
  plaintext
    .command('format')
    .description("print a value's canonical form")
    .argument('<text>', "the value, e.g. '{ a: 1u8 }'")
    .action((text: string) => {
      console.log(printPlaintext(parseOrExit(text)));
    });
  plaintext
    .command('json')
    .description('print a value as JSON; integers as decimal strings')
    .argument('<text>', 'the value')
    .action((text: string) => {
      console.log(JSON.stringify(plaintextToJson(parseOrExit(text)), null, 2));
    });
}
