/**
 * What a page downloads: every script and data file it loads from the site, with gzip sizes, and
 * the npm packages inside each script (read from the build's hidden source maps).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { Site } from './site.ts';

export interface Loaded {
  path: string;
  kind: 'script' | 'data';
  bytes: number;
  gzip: number;
  /** npm packages bundled in a script. */
  packages: string[];
}

export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

/** Packages whose code a script holds, from its source map. */
export function packagesIn(file: string): string[] {
  const map = `${file}.map`;
  if (!existsSync(map)) return [];
  const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
  const names = sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(s)?.[1] ?? []);
  return [...new Set(names)].sort();
}

/** Loads `path` (relative to the site, e.g. `#/case/x`) and waits for the network to go quiet. */
export async function pageWeight(browser: Browser, site: Site, path: string): Promise<Loaded[]> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const origin = new URL(site.url).origin;
  const seen = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && response.ok()) seen.add(url.pathname);
  });
  await page.goto(new URL(path, site.url).href, { waitUntil: 'networkidle' });
  await context.close();

  const loaded: Loaded[] = [];
  for (const pathname of seen) {
    const kind = pathname.endsWith('.js') ? 'script' : pathname.endsWith('.json') ? 'data' : undefined;
    if (!kind) continue;
    const file = join(site.outDir, decodeURIComponent(pathname));
    const content = readFileSync(file);
    loaded.push({ path: pathname.replace(/^\//, ''), kind, bytes: content.length, gzip: gzipSize(content), packages: kind === 'script' ? packagesIn(file) : [] });
  }
  return loaded.sort((a, b) => a.path.localeCompare(b.path));
}
