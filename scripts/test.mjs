// `npm test`: unit and integration tests (vitest, real PostgreSQL), then the end-to-end
// tests (Playwright driving real Chromium against the real servers).
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../e2e/chromium.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

const unit = run('npx', ['vitest', 'run']);
if (unit !== 0) process.exit(unit);

const browser = chromiumPath();
if (!browser.ok) {
  console.error(`\n${browser.message}\n`);
  process.exit(1);
}
process.exit(run('npx', ['playwright', 'test']));
