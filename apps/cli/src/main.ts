import { Command } from 'commander';
import { registerAlertsCommands } from './commands/alerts';
import { registerBlockCommands } from './commands/block';
import { registerDbCommands } from './commands/db';
import { registerDevnetCommand } from './commands/devnet';
import { registerIndexCommands } from './commands/indexer';
import { registerPlaintextCommands } from './commands/plaintext';
import { registerServeCommand } from './commands/serve';
import { registerUpCommand } from './commands/up';

const program = new Command()
  .name('ratify')
  .description('Ratify: governance dashboard and indexer for the Alpha and Delta network upgrade')
  .showHelpAfterError();

registerUpCommand(program);
registerIndexCommands(program);
registerServeCommand(program);
registerDbCommands(program);
registerDevnetCommand(program);
registerPlaintextCommands(program);
registerBlockCommands(program);
registerAlertsCommands(program);

await program.parseAsync(process.argv);
