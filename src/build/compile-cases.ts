/**
 * Compiles a folder of cases for the player: every case and rulebook checked, each case's Markdown
 * rendered to sanitised HTML, and a summary of each case for the library page.
 *
 * For a build (`strict`), any error stops it with every diagnostic, one per line as
 * `file:line:col: error CODE …`, so an author sees all their mistakes at once and no broken case
 * is shipped; warnings are returned for the build to print, and never stop play. For the dev server, a file with errors is set aside with its diagnostics
 * (the library shows it as a card with problems) and every other case is served: an author's
 * first typo never takes the app down, and a warning never stops play.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { formatDiagnostic, sortDiagnostics } from '../case/diagnostics.ts';
import { renderCase } from '../case/render.ts';
import { createSanitizer } from '../case/sanitize.ts';
import type { Case, Diagnostic, Rulebook } from '../case/types.ts';
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

/** A file kept out of the dev server's library because it has errors, with all its diagnostics. */
export interface CaseProblem {
  file: string;
  diagnostics: Diagnostic[];
}

export interface CompiledCases {
  /** Rendered and sanitised, keyed by case id, in file order. */
  cases: Map<string, Case & { rendered: true }>;
  summaries: CaseSummary[];
  /** Needed only to check a case file opened in the browser. */
  rulebooks: Record<string, Rulebook>;
  /** Files with errors (only when not strict; a strict compile throws instead), in file order. */
  problems: CaseProblem[];
  /** Every warning, in file order: printed, never blocking. */
  warnings: Diagnostic[];
}

let sanitizer: ReturnType<typeof createSanitizer> | undefined;
const sanitize = (html: string) =>
  (sanitizer ??= createSanitizer(DOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis)))(html);

/**
 * `dir` is resolved against `root`; file names in messages are relative to `root`. `strict` (the
 * build, and the default) throws at the first doubtful file; otherwise broken files are returned
 * as `problems`.
 */
export function compileCases(dir: string, root: string, { strict = true }: { strict?: boolean } = {}): CompiledCases {
  const folder = resolve(root, dir);
  const checked = checkPaths([folder], root);
  const all = sortDiagnostics(diagnosticsOf(checked));
  if (strict && all.some((d) => d.severity === 'error'))
    throw new Error(`The cases in ${dir}/ have problems:\n${all.map((d) => formatDiagnostic(d)).join('\n')}`);
  const warnings = all.filter((d) => d.severity === 'warning');
  const problems: CaseProblem[] = [];
  for (const c of checked)
    if (c.result.diagnostics.some((d) => d.severity === 'error')) problems.push({ file: c.file, diagnostics: sortDiagnostics(c.result.diagnostics) });

  const cases = new Map<string, Case & { rendered: true }>();
  const files = new Map<string, string>();
  const summaries: CaseSummary[] = [];
  for (const c of checked) {
    if (c.kind !== 'case' || !c.result.value) continue;
    let value: Case & { rendered: true };
    try {
      value = renderCase(c.result.value as Case, sanitize);
    } catch (error) {
      throw new Error(`${c.file}: the case passed the checks but could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
    }
    const other = files.get(value.id);
    if (other) {
      const message = `Two cases have the id “${value.id}”: ${other} and ${c.file}. Each case needs its own id.`;
      if (strict) throw new Error(message);
      problems.push({ file: c.file, diagnostics: [duplicateCase(c.file, readFileSync(resolve(root, c.file), 'utf8'), value.id, other)] });
      continue;
    }
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
  return { cases, summaries, rulebooks: existsSync(rulebookDir) ? loadRulebooks(rulebookDir, root).rulebooks : {}, problems, warnings };
}

/** Two files with one case id: the second is set aside, pointing at its id line. */
function duplicateCase(file: string, source: string, id: string, other: string): Diagnostic {
  const line = source.split('\n').findIndex((l) => /^\s*(id|编号)\s*[:：]/.test(l)) + 1 || 1;
  return {
    code: 'DUPLICATE_ID',
    severity: 'error',
    file,
    line,
    column: 1,
    message: { zh: `案例编号 \`${id}\` 已被 ${other} 使用。`, en: `The case id \`${id}\` is already used by ${other}.` },
    hint: { zh: '给这个案例换一个编号。', en: 'Give this case an id of its own.' },
  };
}