/**
 * Compiles a folder of cases for the player: every case and rulebook checked, each case's Markdown
 * rendered to sanitised HTML, and a summary of each case for the library page.
 *
 * Any problem, even a warning, stops the build with every diagnostic, one per line as
 * `file:line:col: error CODE …`, so an author sees all their mistakes at once and nothing doubtful
 * is shipped.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { formatDiagnostic, sortDiagnostics } from '../case/diagnostics.ts';
import { renderCase } from '../case/render.ts';
import { createSanitizer } from '../case/sanitize.ts';
import type { Case, Rulebook } from '../case/types.ts';
import { LEAK_CODES } from '../engine/leaks.ts';
import { checkPaths, diagnosticsOf, loadRulebooks } from './scenarios.ts';

export interface CaseSummary {
  id: string;
  title: Case['title'];
  platform: string;
  disputeType?: Case['disputeType'];
  difficulty?: number;
  minutes?: number;
  file: string;
}

export interface CompiledCases {
  /** Rendered and sanitised, keyed by case id, in file order. */
  cases: Map<string, Case & { rendered: true }>;
  summaries: CaseSummary[];
  /** Needed only to check a case file opened in the browser. */
  rulebooks: Record<string, Rulebook>;
}

let sanitizer: ReturnType<typeof createSanitizer> | undefined;
const sanitize = (html: string) =>
  (sanitizer ??= createSanitizer(DOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis)))(html);

/** `dir` is resolved against `root`; file names in messages are relative to `root`. */
export function compileCases(dir: string, root: string): CompiledCases {
  const folder = resolve(root, dir);
  const checked = checkPaths([folder], root);
  const all = sortDiagnostics(diagnosticsOf(checked));
  // Advice on how a case teaches (see leaks.ts) is printed; anything else stops the build.
  const advice = all.filter((d) => LEAK_CODES.has(d.code));
  const problems = all.filter((d) => !LEAK_CODES.has(d.code));
  if (advice.length) console.warn(`The cases in ${dir}/ give answers away (${advice.length} warnings; npm run validate -- ${dir} lists them).`);
  if (problems.length)
    throw new Error(`The cases in ${dir}/ have problems:\n${problems.map((d) => formatDiagnostic(d)).join('\n')}`);

  const cases = new Map<string, Case & { rendered: true }>();
  const files = new Map<string, string>();
  const summaries: CaseSummary[] = [];
  for (const c of checked) {
    if (c.kind !== 'case' || !c.result.value) continue;
    const value = renderCase(c.result.value as Case, sanitize);
    const other = files.get(value.id);
    if (other) throw new Error(`Two cases have the id “${value.id}”: ${other} and ${c.file}. Each case needs its own id.`);
    files.set(value.id, c.file);
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
  const rulebookDir = join(folder, 'rulebooks');
  return { cases, summaries, rulebooks: existsSync(rulebookDir) ? loadRulebooks(rulebookDir, root).rulebooks : {} };
}
