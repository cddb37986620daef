// A devnet in a process of its own, for chains too big to share the bench's heap:
//   node --max-old-space-size=12288 --import tsx devnet-process.ts <history> <portBase>
// Prints one JSON line `{ "url": … }` once the Alpha node serves, and stops on SIGTERM.
import { startDevnet } from '@ratify/devnet';

const [history, portBase] = process.argv.slice(2).map(Number);
const devnet = await startDevnet({ scenario: 'demo', portBase, blockTimeMs: 0, history });
const alpha = devnet.nodes.find((n) => n.chain === 'alpha' && n.side === 'source');
if (!alpha) throw new Error('devnet has no Alpha node');
console.log(JSON.stringify({ url: alpha.url }));
process.once('SIGTERM', () => void devnet.stop().then(() => process.exit(0)));
