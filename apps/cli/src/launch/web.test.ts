import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from './web';

// A prebuilt dashboard (the Docker image) is used as it is: no `next build` at start, which
// would need a writable tree. These roots have no Next at all, so a build attempt would fail.
let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ratify-web-'));
  process.env.RATIFY_WEB_PREBUILT = '1';
});
afterEach(() => {
  delete process.env.RATIFY_WEB_PREBUILT;
  rmSync(root, { recursive: true, force: true });
});

describe('ensureWebBuilt with RATIFY_WEB_PREBUILT=1', () => {
  it('uses an existing build without building', async () => {
    mkdirSync(join(root, 'apps', 'web', '.next'), { recursive: true });
    writeFileSync(join(root, 'apps', 'web', '.next', 'BUILD_ID'), 'image');
    const lines: string[] = [];
    await ensureWebBuilt(root, (line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it('refuses in one line when there is no build', async () => {
    await expect(ensureWebBuilt(root, () => {})).rejects.toThrow(
      `RATIFY_WEB_PREBUILT=1 but ${join(root, 'apps', 'web', '.next')} holds no build: run \`next build\` in apps/web first`,
    );
  });
});
