/**
 * Vite plugin: validates and compiles the shipped cases at build time.
 *
 * `virtual:cases` gives the player a summary of each case and a loader that fetches one compiled
 * case (its own chunk) on demand. Markdown is rendered and sanitised here, so the player ships
 * no Markdown parser, YAML parser or sanitiser for shipped cases. An invalid case fails the build
 * with its diagnostics.
 */
import { join, resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Plugin } from 'vite';
import { formatDiagnostic, sortDiagnostics } from '../case/diagnostics.ts';
import { renderCase } from '../case/render.ts';
import { createSanitizer } from '../case/sanitize.ts';
import type { Case, Rulebook } from '../case/types.ts';
import { checkPaths, collect, diagnosticsOf, loadRulebooks } from './scenarios.ts';

const MODULE = 'virtual:cases';
const CASE_PREFIX = 'virtual:case/';

export interface CaseSummary {
  id: string;
  title: Case['title'];
  platform: string;
  disputeType?: Case['disputeType'];
  difficulty?: number;
  minutes?: number;
  file: string;
}

export function casesPlugin(options: { dir: string }): Plugin {
  let root = process.cwd();
  let compiled: { cases: Map<string, Case>; summaries: CaseSummary[]; rulebooks: Record<string, Rulebook> } | undefined;
  const sanitize = createSanitizer(DOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));

  const compile = () => {
    const dir = resolve(root, options.dir);
    const checked = checkPaths([dir], root);
    const problems = sortDiagnostics(diagnosticsOf(checked));
    if (problems.length)
      throw new Error(`The cases in ${options.dir}/ have problems:\n${problems.map((d) => formatDiagnostic(d)).join('\n')}`);
    const cases = new Map<string, Case>();
    const summaries: CaseSummary[] = [];
    for (const c of checked) {
      if (c.kind !== 'case' || !c.result.value) continue;
      const value = renderCase(c.result.value as Case, sanitize);
      cases.set(value.id, value);
      summaries.push({
        id: value.id,
        title: value.title,
        platform: value.platform,
        ...(value.disputeType ? { disputeType: value.disputeType } : {}),
        ...(value.difficulty !== undefined ? { difficulty: value.difficulty } : {}),
        ...(value.minutes !== undefined ? { minutes: value.minutes } : {}),
        file: c.file,
      });
    }
    return { cases, summaries, rulebooks: loadRulebooks(join(dir, 'rulebooks'), root).rulebooks };
  };

  return {
    name: 'dispute-desk-cases',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === MODULE || id.startsWith(CASE_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:case')) return undefined;
      compiled ??= compile();
      const dir = resolve(root, options.dir);
      for (const f of [...collect([dir]).cases, ...collect([dir]).rulebooks]) this.addWatchFile(f);
      if (id === `\0${MODULE}`) {
        const loaders = compiled.summaries
          .map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(CASE_PREFIX + s.id)}),`)
          .join('\n');
        return [
          `export const summaries = ${JSON.stringify(compiled.summaries)};`,
          `export const rulebooks = ${JSON.stringify(compiled.rulebooks)};`,
          `const loaders = {\n${loaders}\n};`,
          `export async function loadCase(id) {`,
          `  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;`,
          `  return load ? (await load()).default : undefined;`,
          `}`,
        ].join('\n');
      }
      const caseId = id.slice(`\0${CASE_PREFIX}`.length);
      const c = compiled.cases.get(caseId);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(c ?? null))});`;
    },
    watchChange(id) {
      if (id.startsWith(resolve(root, options.dir))) compiled = undefined;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(resolve(root, options.dir))) return undefined;
      compiled = undefined;
      const mods = [...ctx.server.moduleGraph.idToModuleMap.entries()]
        .filter(([key]) => key.startsWith('\0virtual:case'))
        .map(([, m]) => m);
      for (const m of mods) ctx.server.moduleGraph.invalidateModule(m);
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

