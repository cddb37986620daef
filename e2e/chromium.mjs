import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive the system's Chromium (no browser download is possible on the
 * machines this runs on). CHROMIUM_PATH overrides the default location.
 */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return { ok: true, path };
  return {
    ok: false,
    path,
    message: [
      `Chromium was not found at ${path}; the end-to-end tests need it.`,
      'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ].join('\n'),
  };
}
