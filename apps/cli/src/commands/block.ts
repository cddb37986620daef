import { readFile } from 'node:fs/promises';
import { blockSummary, decodeBlock } from '@ratify/aleo';
import type { Command } from 'commander';

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

export function registerBlockCommands(program: Command) {
  const block = program.command('block').description('inspect blocks a node served');
  block
    .command('check')
    .description('validate a block JSON file and print a summary')
    .argument('<file>', 'block JSON, as served by GET /block/{height}')
    .option('--program <id>', 'program holding the governance functions', 'credits.alpha')
    .action(async (file: string, opts: { program: string }) => {
      let lines: string[];
      try {
        const text = await readFile(file, 'utf8');
        lines = blockSummary(decodeBlock(text), opts.program);
      } catch (error) {
        console.error(`ratify: ${file}: ${oneLine(error)}`);
        process.exit(1);
      }
      for (const line of lines) console.log(line);
    });
}
