import { Command } from 'commander';
import { registerUpCommand } from './commands/up';

const program = new Command()
  .name('ratify')
  .description('Ratify: governance dashboard and indexer for the Alpha and Delta network upgrade')
  .showHelpAfterError();

registerUpCommand(program);

await program.parseAsync(process.argv);
