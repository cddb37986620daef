import { type ChildProcess, spawn } from 'node:child_process';

export type Stack = { web: string; indexer: string; stop: () => Promise<void> };

/**
 * Starts a second stack (`ratify up`) on ports of its own for a scenario other than the
 * one the config's web server plays. Its process group is stopped with SIGTERM, as Ctrl-C.
 */
export async function startStack(
  scenario: string,
  ports: { web: number; indexer: number; devnet: number; pg: number },
  blockTimeMs: number,
): Promise<Stack> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'apps/cli/bin/ratify.mjs',
      'up',
      '--scenario',
      scenario,
      '--block-time',
      String(blockTimeMs),
      '--port',
      String(ports.web),
      '--indexer-port',
      String(ports.indexer),
      '--devnet-port-base',
      String(ports.devnet),
      '--pg-port',
      String(ports.pg),
      '--data-dir',
      `.data/e2e-${scenario}`,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)));
  const web = `http://127.0.0.1:${ports.web}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`ratify up exited (${child.exitCode}):\n${output}`);
    if (output.includes('Ratify is up')) break;
    if (Date.now() > deadline) throw new Error(`ratify up did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    web,
    indexer: `http://127.0.0.1:${ports.indexer}`,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
