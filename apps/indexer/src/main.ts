// `tsx apps/indexer/src/main.ts`: the indexer alone, configured by env vars (as `ratify index`).
import { runIndexCommand } from './run';

await runIndexCommand(process.env, {});
