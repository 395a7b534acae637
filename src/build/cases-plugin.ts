/**
 * Vite plugin: validates and compiles the shipped cases at build time (see `compile-cases.ts`).
 *
 * `virtual:cases` gives a `loadCase(id)` that fetches one compiled case, and
 * `virtual:case-summaries` each case's summary for the library page; apart, so that a case page
 * does not download the library's list. In a build every case is its own JSON file beside the scripts, fetched by a URL
 * relative to the script, so `dist/` works from any folder and case data is never JavaScript to
 * parse. The dev server answers the same requests from memory. `virtual:rulebooks` holds the
 * rulebooks, which only checking an author's own case needs (opening a file, the studio), so those
 * paths import it lazily and players never download it.
 *
 * Markdown is rendered and sanitised here, so the player ships no Markdown parser, YAML parser or
 * sanitiser for shipped cases. An invalid case fails the build with its diagnostics. The dev server
 * keeps going instead: `virtual:case-summaries` also exports `problems`, each file with errors and
 * its diagnostics, which the library shows as cards; saving a file rechecks the folder and reloads.
 */
import { resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { formatDiagnostic } from '../case/diagnostics.ts';
import { compileCases, type CompiledCases } from './compile-cases.ts';
import { collect } from './scenarios.ts';

export type { CaseProblem, CaseSummary } from './compile-cases.ts';

const CASES = 'virtual:cases';
const SUMMARIES = 'virtual:case-summaries';
const RULEBOOKS = 'virtual:rulebooks';
/** Where the dev server serves compiled cases. */
const DEV_PATH = '/@dispute-desk/cases/';

const loaderSource = (urls: string) =>
  [
    `const urls = ${urls};`,
    `export async function loadCase(id) {`,
    `  if (!Object.hasOwn(urls, id)) return undefined;`,
    `  const response = await fetch(urls[id]);`,
    `  if (!response.ok) throw new Error(\`\${response.status} \${response.statusText} (\${urls[id]})\`);`,
    `  const c = await response.json();`,
    // Looked up by ids from result files and saves, so without a prototype (see src/case/table.ts).
    `  c.nodes = Object.assign(Object.create(null), c.nodes);`,
    `  c.endings = Object.assign(Object.create(null), c.endings);`,
    `  return c;`,
    `}`,
  ].join('\n');

export function casesPlugin(options: { dir: string }): Plugin {
  let config: ResolvedConfig | undefined;
  let compiled: CompiledCases | undefined;
  const root = () => config?.root ?? process.cwd();
  const folder = () => resolve(root(), options.dir);
  const inFolder = (file: string) => resolve(file).startsWith(folder() + sep);
  const compile = () => {
    if (compiled) return compiled;
    compiled = compileCases(options.dir, root(), { strict: config?.command === 'build' });
    if (compiled.warnings.length) config?.logger.warn(compiled.warnings.map((d) => formatDiagnostic(d)).join('\n'));
    return compiled;
  };

  return {
    name: 'dispute-desk-cases',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: {
      filter: { id: /^virtual:(cases|case-summaries|rulebooks)$/ },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: /^\0virtual:(cases|case-summaries|rulebooks)$/ },
      handler(id) {
        const { cases, summaries, rulebooks, problems } = compile();
        const files = collect([folder()]);
        for (const f of [...files.cases, ...files.rulebooks]) this.addWatchFile(f);
        if (id === `\0${RULEBOOKS}`) return `export const rulebooks = JSON.parse(${JSON.stringify(JSON.stringify(rulebooks))});`;
        if (id === `\0${SUMMARIES}`)
          return [
            `export const summaries = JSON.parse(${JSON.stringify(JSON.stringify(summaries))});`,
            `export const problems = JSON.parse(${JSON.stringify(JSON.stringify(problems))});`,
          ].join('\n');

        const entries = summaries.map((s) => {
          if (config?.command !== 'build') return `${JSON.stringify(s.id)}: ${JSON.stringify(`${DEV_PATH}${s.id}.json`)}`;
          const ref = this.emitFile({ type: 'asset', name: `${s.id}.json`, source: JSON.stringify(cases.get(s.id)) });
          return `${JSON.stringify(s.id)}: import.meta.ROLLUP_FILE_URL_${ref}`;
        });
        return loaderSource(`{\n  ${entries.join(',\n  ')}\n}`);
      },
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (req, res, next) => {
        const [, id] = /^\/([a-z0-9][a-z0-9-]*)\.json$/.exec(req.url?.split('?')[0] ?? '') ?? [];
        if (!id) return next();
        let c;
        try {
          c = compile().cases.get(id);
        } catch (error) {
          return next(error);
        }
        if (!c) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(c));
      });
      const changed = (file: string) => {
        if (!inFolder(file)) return;
        compiled = undefined;
        for (const id of [`\0${CASES}`, `\0${SUMMARIES}`, `\0${RULEBOOKS}`]) {
          const m = server.moduleGraph.getModuleById(id);
          if (m) server.moduleGraph.invalidateModule(m);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(folder());
      server.watcher.on('add', changed);
      server.watcher.on('change', changed);
      server.watcher.on('unlink', changed);
    },
    watchChange(id) {
      if (inFolder(id)) compiled = undefined;
    },
    handleHotUpdate(ctx) {
      // The watcher above has reloaded the page already.
      return inFolder(ctx.file) ? [] : undefined;
    },
  };
}
