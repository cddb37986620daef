import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export type Theme = 'light' | 'dark';

/** Shows the page in a theme: the system preference, and the `dark` class the toggle sets. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((dark) => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, theme === 'dark');
}

/** No serious or critical axe violation; the list of them is the failure message. */
export async function expectAxeClean(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${what}`).toEqual([]);
}

/** The page scrolls only vertically: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

export type ScriptLoad = { url: string; gzipBytes: number; prefetch: boolean };

type RscManifest = Record<string, { entryJSFiles: Record<string, string[]> }>;

/** Every route's entry chunks, from the build's client reference manifests. */
function routeEntryChunks(appDir: string): Map<string, Set<string>> {
  const context = { globalThis: {} as { __RSC_MANIFEST?: RscManifest } };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name === 'page_client-reference-manifest.js')
        runInNewContext(readFileSync(path, 'utf8'), context);
    }
  };
  walk(appDir);
  const routes = new Map<string, Set<string>>();
  for (const [route, m] of Object.entries(context.globalThis.__RSC_MANIFEST ?? {}))
    routes.set(route, new Set(Object.values(m.entryJSFiles).flat()));
  return routes;
}

/**
 * Every script the page loads, with its gzipped size. A chunk that only other routes'
 * entries list was fetched ahead for a link (Next prefetches linked routes): marked as a
 * prefetch, the next page's cost rather than this one's.
 */
export function collectScripts(page: Page, route: string): () => Promise<ScriptLoad[]> {
  const routes = routeEntryChunks('apps/web/.next/server/app');
  const own = routes.get(route) ?? new Set<string>();
  const others = new Set([...routes].filter(([r]) => r !== route).flatMap(([, c]) => [...c]));
  const pending: Promise<ScriptLoad>[] = [];
  page.on('response', (res) => {
    const req = res.request();
    if (req.resourceType() !== 'script' && !req.url().endsWith('.js')) return;
    const file = new URL(req.url()).pathname.replace(/^\/_next\//, '');
    const prefetch = others.has(file) && !own.has(file);
    pending.push(
      res
        .body()
        .then((b) => ({ url: req.url(), gzipBytes: gzipSync(b, { level: 9 }).length, prefetch }))
        .catch(() => ({ url: req.url(), gzipBytes: 0, prefetch })),
    );
  });
  return () => Promise.all(pending);
}
