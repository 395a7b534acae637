/**
 * Vite plugin: lets the page for the address being opened download alongside the main script.
 *
 * The library and the case page are loaded on demand, so neither downloads the other. Left alone,
 * that costs a round trip: the main script must run before it asks for the page's script. This
 * puts a few lines in `index.html` that read the address first and preload that page's scripts
 * (and styles) at once, as Vite does for a script's static imports.
 */
import type { Plugin } from 'vite';

export interface RoutePreload {
  /** Tested against `location.hash`. */
  hash: RegExp;
  /** The module the route loads on demand, as its path ends (e.g. `/src/ui/pages/Home.svelte`). */
  module: string;
}

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  moduleIds: string[];
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/** The files to preload for one module: its chunk, the chunks it imports statically, their styles. */
function filesFor(bundle: Record<string, { type: string }>, module: string, entry: string): string[] {
  const chunks = Object.values(bundle).filter((o): o is ChunkInfo => o.type === 'chunk') as ChunkInfo[];
  const start = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
  if (!start) throw new Error(`route-preload: no chunk is built for ${module}`);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const walk = (from: ChunkInfo, seen: Set<string>, skip: Set<string>) => {
    if (seen.has(from.fileName) || skip.has(from.fileName)) return;
    seen.add(from.fileName);
    for (const i of from.imports) {
      const next = byName.get(i);
      if (next) walk(next, seen, skip);
    }
  };
  // What the main script imports is preloaded by Vite already.
  const main = new Set<string>();
  walk(byName.get(entry)!, main, new Set());
  const seen = new Set<string>();
  walk(start, seen, main);
  const css = [...seen].flatMap((f) => [...(byName.get(f)!.viteMetadata?.importedCss ?? [])]);
  return [...seen, ...new Set(css)];
}

export function routePreloadPlugin(routes: RoutePreload[]): Plugin {
  return {
    name: 'dispute-desk-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return;
        const table = routes.map((r) => [r.hash.source, filesFor(ctx.bundle!, r.module, ctx.chunk!.fileName).map((f) => `./${f}`)]);
        const code = [
          `for (const [hash, files] of ${JSON.stringify(table)})`,
          `  if (new RegExp(hash).test(location.hash)) {`,
          `    for (const href of files) {`,
          `      const link = document.createElement('link');`,
          // As Vite requests them, so the browser can reuse what was preloaded.
          `      link.crossOrigin = '';`,
          `      if (href.endsWith('.css')) Object.assign(link, { rel: 'preload', as: 'style', href });`,
          `      else Object.assign(link, { rel: 'modulepreload', href });`,
          `      document.head.append(link);`,
          `    }`,
          `    break;`,
          `  }`,
        ].join('\n');
        return [{ tag: 'script', children: code, injectTo: 'head' }];
      },
    },
  };
}
