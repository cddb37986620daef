import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);

function nextBin(): string {
  return join(require.resolve('next/package.json'), '..', 'dist', 'bin', 'next');
}

const SKIP = new Set(['node_modules', '.next', '.turbo', 'test-results', 'bench']);

/** A fingerprint of every source file the dashboard is built from (paths, sizes, mtimes). */
function sourceFingerprint(root: string, dirs: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const s = statSync(path);
        hash.update(`${relative(root, path)}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return hash.digest('hex');
}

/**
 * Runs `next build` unless the last build was made from the same sources. With
 * `RATIFY_WEB_PREBUILT=1` (the Docker image, built once in its build stage, read-only at run
 * time) the existing build is used as it is.
 */
export async function ensureWebBuilt(root: string, log: (line: string) => void): Promise<void> {
  const webDir = join(root, 'apps', 'web');
  if (process.env.RATIFY_WEB_PREBUILT === '1') {
    if (existsSync(join(webDir, '.next', 'BUILD_ID'))) return;
    throw new Error(
      `RATIFY_WEB_PREBUILT=1 but ${join(webDir, '.next')} holds no build: run \`next build\` in apps/web first`,
    );
  }
  const stamp = join(webDir, '.next', 'ratify-source-fingerprint');
  const fingerprint = sourceFingerprint(root, ['apps/web', 'packages']);
  if (
    existsSync(join(webDir, '.next', 'BUILD_ID')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fingerprint
  ) {
    return;
  }
  log('building the dashboard (first start, or its sources changed)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), 'build'], {
      cwd: webDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`next build failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
  writeFileSync(stamp, fingerprint);
  log(`dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export type WebServer = { stop: () => Promise<void>; child: ChildProcess };

/**
 * Serves the built dashboard with its own server (apps/web/serve.mjs: Next.js behind the
 * response cache) in a process group of its own, so stopping it stops all it started.
 */
export async function startWeb(options: {
  root: string;
  host: string;
  port: number;
  env: Record<string, string>;
  log: (line: string) => void;
}): Promise<WebServer> {
  const child = spawn(
    process.execPath,
    [
      join(options.root, 'apps', 'web', 'serve.mjs'),
      '--host',
      options.host,
      '--port',
      String(options.port),
    ],
    {
      cwd: join(options.root, 'apps', 'web'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    },
  );
  let exited = false;
  let exitCode: number | null = null;
  child.on('exit', (code) => {
    exited = true;
    exitCode = code;
  });
  let recent = '';
  const keep = (d: Buffer) => {
    recent = (recent + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://${options.host}:${options.port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the dashboard exited (code ${exitCode}):\n${recent}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) break;
    } catch {}
    if (Date.now() > deadline)
      throw new Error(`the dashboard did not answer on ${url} within 60 s:\n${recent}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.stderr?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) options.log(`web: ${line}`);
  });
  return { child, stop: () => stopProcessGroup(child) };
}

/**
 * Stops a child started with `detached: true` and everything it started: SIGTERM to its
 * process group, SIGKILL if it is still there after `graceMs`.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {}
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }, graceMs);
  await gone;
  clearTimeout(timer);
}
