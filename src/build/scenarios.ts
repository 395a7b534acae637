/**
 * Node-side loading of case files and rulebooks from disk, shared by the build, the command-line
 * checker and the tests.
 *
 * Where a case's rulebooks come from, first match winning for each rulebook id: a folder chosen
 * with `--rulebooks`; else the `rulebooks/` folder beside the file (or above it); then the project's
 * own `scenarios/rulebooks/`, so a case saved anywhere (`~/my-case.md`) is checked against the
 * shipped rulebooks. A rulebook found nowhere is reported with every place that was looked in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRulebook } from '../case/rulebook.ts';
import type { Case, Diagnostic, ParseResult, Rulebook } from '../case/types.ts';
import { checkCase } from '../engine/check.ts';

export interface Checked {
  file: string;
  kind: 'case' | 'rulebook';
  result: ParseResult<Case | Rulebook>;
}

const isCaseFile = (f: string) => f.endsWith('.md') && !/^readme\.md$/i.test(basename(f)) && !basename(f).startsWith('_');

/** Every `.md` under the given files or folders, rulebooks (in a `rulebooks` folder) apart. */
export function collect(paths: string[]): { cases: string[]; rulebooks: string[] } {
  const cases: string[] = [];
  const rulebooks: string[] = [];
  // In a folder, README.md and `_` files (the template) are not cases; a file named on its own is checked whatever its name.
  // Nor is anything in a `guide/` or `_…` folder (the authors' guide lives in scenarios/guide/).
  const walk = (p: string, named: boolean) => {
    if (statSync(p).isDirectory()) {
      if (!named && (basename(p) === 'guide' || basename(p).startsWith('_'))) return;
      for (const f of readdirSync(p).sort()) walk(join(p, f), false);
    }
    else if (named ? p.endsWith('.md') : isCaseFile(p)) (basename(dirname(p)) === 'rulebooks' ? rulebooks : cases).push(p);
  };
  for (const p of paths) walk(p, true);
  return { cases, rulebooks };
}

/** The rulebooks folder that serves a case file: `rulebooks/` in its folder or a parent. */
export function rulebookDirFor(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, 'rulebooks');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The project's shipped rulebooks, wherever the command is run from. */
export const PROJECT_RULEBOOKS = fileURLToPath(new URL('../../scenarios/rulebooks', import.meta.url));

/** The folders to look in for a case file's rulebooks, in order (see the top of this file). */
export function rulebookDirsFor(file: string, chosen?: string): string[] {
  if (chosen) return [resolve(chosen)];
  const own = rulebookDirFor(file);
  return [...new Set([own, existsSync(PROJECT_RULEBOOKS) ? PROJECT_RULEBOOKS : undefined].filter((d): d is string => !!d))];
}

export function loadRulebooks(dir: string, cwd = process.cwd()): { rulebooks: Record<string, Rulebook>; checked: Checked[] } {
  const rulebooks: Record<string, Rulebook> = {};
  const checked: Checked[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const file = relative(cwd, join(dir, f));
    const result = parseRulebook(readFileSync(join(dir, f), 'utf8'), file);
    checked.push({ file, kind: 'rulebook', result });
    if (result.value) rulebooks[result.value.id] = result.value;
  }
  return { rulebooks, checked };
}

/** How a file is named in messages: relative to where the command runs when inside it, else in full. */
const named = (f: string, cwd: string) => {
  const r = relative(cwd, f);
  return r && !r.startsWith('..') ? r : resolve(f);
};

/** How a folder is named in messages: relative to where the command runs when inside it. */
export function shown(dir: string, cwd = process.cwd()): string {
  return `${named(dir, cwd)}/`;
}

/** Check every case and rulebook under `paths`; `rulebooksDir` chooses the rulebooks (`--rulebooks`). */
export function checkPaths(paths: string[], cwd = process.cwd(), rulebooksDir?: string): Checked[] {
  const { cases, rulebooks } = collect(paths);
  const out: Checked[] = [];
  const loaded = new Map<string, Record<string, Rulebook>>();
  const rulebooksFor = (dir: string | undefined) => {
    if (!dir) return {};
    if (!loaded.has(dir)) {
      const r = loadRulebooks(dir, cwd);
      loaded.set(dir, r.rulebooks);
      for (const c of r.checked) if (rulebooks.some((f) => resolve(f) === resolve(cwd, c.file))) out.push(c);
    }
    return loaded.get(dir)!;
  };
  for (const f of rulebooks) rulebooksFor(dirname(resolve(f)));
  for (const f of cases) {
    const file = named(f, cwd);
    const dirs = rulebookDirsFor(f, rulebooksDir);
    // The first folder that has a rulebook wins: spread the later ones first.
    const rulebooks = Object.assign({}, ...dirs.map((d) => (existsSync(d) ? rulebooksFor(d) : {})).reverse());
    const looked = dirs.map((d) => shown(d, cwd));
    out.push({ file, kind: 'case', result: checkCase(readFileSync(f, 'utf8'), { file, rulebooks, rulebooksLooked: looked }) });
  }
  return out;
}

export function diagnosticsOf(checked: Checked[]): Diagnostic[] {
  return checked.flatMap((c) => c.result.diagnostics);
}
