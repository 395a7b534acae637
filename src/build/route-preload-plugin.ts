/**
 * Vite plugin: lets the page for the address being opened download alongside the main script.
 *
 * The library and the case page are loaded on demand, so neither downloads the other, and only
 * the interface language in use is downloaded. Left alone, that costs a round trip: the main
 * script must run before it asks for them. This puts a few lines in `index.html` that read the
 * address and the language choice first and preload those scripts (and styles) at once, as Vite
 * does for a script's static imports.
 *
 * The lines go in a file of their own, loaded by a `<script src>` in the head, not inline: the
 * page's Content-Security-Policy runs scripts from the site only.
 */
import { minifySync, type Plugin, type Rollup } from 'vite';

export interface RoutePreload {
  /** Tested against `location.hash`. */
  hash: RegExp;
  /** The module the route loads on demand, as its path ends (e.g. `/src/ui/pages/Home.svelte`). */
  module: string;
}

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * For each module a page loads on demand, the files to preload: its chunk, the chunks it imports
 * statically, and their styles — less what the main script imports, which Vite preloads already.
 */
function preloadsIn(bundle: Record<string, { type: string }>, entry: string): (module: string) => string[] {
  const chunks = Object.values(bundle).filter((o): o is ChunkInfo => o.type === 'chunk') as ChunkInfo[];
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const walk = (from: ChunkInfo, seen: Set<string>, skip: Set<string>) => {
    if (seen.has(from.fileName) || skip.has(from.fileName)) return;
    seen.add(from.fileName);
    for (const i of from.imports) {
      const next = byName.get(i);
      if (next) walk(next, seen, skip);
    }
  };
  const main = new Set<string>();
  walk(byName.get(entry)!, main, new Set());
  return (module) => {
    // The chunk the page's dynamic import asks for: its own, or (when the module was grouped with
    // others) the chunk that holds it.
    const start = chunks.find((c) => c.facadeModuleId?.endsWith(module)) ?? chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
    if (!start) throw new Error(`route-preload: no chunk is built for ${module}`);
    const seen = new Set<string>();
    walk(start, seen, main);
    const css = [...seen].flatMap((f) => [...(byName.get(f)!.viteMetadata?.importedCss ?? [])]);
    return [...seen, ...new Set(css)].map((f) => `./${f}`);
  };
}

export interface LanguagePreload {
  /** The app's own language choice, `(stored, browserLanguages) => lang`; run as is in the page. */
  detect: (stored: string | null, browser: readonly string[]) => string;
  /** Where the choice is stored in localStorage. */
  storageKey: string;
  /** Each language's strings module, as its path ends. */
  modules: Record<string, string>;
}

/** A hash longer than `longest` is replaced by `replacement` before anything else loads. */
export interface LongHash {
  longest: number;
  replacement: string;
}

export function routePreloadPlugin(routes: RoutePreload[], languages: LanguagePreload, longHash: LongHash): Plugin {
  return {
    name: 'dispute-desk-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return;
        const files = preloadsIn(ctx.bundle, ctx.chunk.fileName);
        const pages = routes.map((r) => [r.hash.source, files(r.module)]);
        const strings = Object.fromEntries(Object.entries(languages.modules).map(([lang, module]) => [lang, files(module)]));
        const code = [
          // First, so no address in the page is worked out against a megabytes-long one.
          `if (location.hash.length > ${longHash.longest}) history.replaceState(history.state, '', ${JSON.stringify(longHash.replacement)});`,
          `const preload = (files) => {`,
          `  for (const href of files) {`,
          `    const link = document.createElement('link');`,
          // As Vite requests them, so the browser can reuse what was preloaded.
          `    link.crossOrigin = '';`,
          `    if (href.endsWith('.css')) Object.assign(link, { rel: 'preload', as: 'style', href });`,
          `    else Object.assign(link, { rel: 'modulepreload', href });`,
          `    document.head.append(link);`,
          `  }`,
          `};`,
          `let stored = null;`,
          `try { stored = localStorage.getItem(${JSON.stringify(languages.storageKey)}); } catch {}`,
          `const detect = ${languages.detect.toString()};`,
          `preload(${JSON.stringify(strings)}[detect(stored, navigator.languages?.length ? navigator.languages : [navigator.language].filter(Boolean))] ?? []);`,
          `for (const [hash, files] of ${JSON.stringify(pages)})`,
          `  if (new RegExp(hash).test(location.hash)) {`,
          `    preload(files);`,
          `    break;`,
          `  }`,
        ].join('\n');
        // A block, so these names stay out of the page's global scope; minified like the page's other scripts.
        const source = minifySync('route-preload.js', `{\n${code}\n}\n`).code;
        // In a build this hook runs inside the bundle's generation, where files can be added.
        const build = this as unknown as Rollup.PluginContext;
        const ref = build.emitFile({ type: 'asset', name: 'route-preload.js', source });
        // Right after the character set, before the policy and every other address in the page:
        // a megabytes-long hash is dropped before the browser works anything out against it.
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('route-preload: index.html has no <meta charset="utf-8">');
        return html.replace(charset, (m) => `${m}\n    <script src="./${build.getFileName(ref)}"></script>`);
      },
    },
  };
}
