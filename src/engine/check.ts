/**
 * The whole check of a case file: the format's diagnostics, then the engine's — a case that no
 * path can pass, and states where the conditions leave no reply to choose.
 *
 * This is what the command line, the build and the studio call. A case comes back only when it
 * has no errors, so whatever plays it can trust it.
 */
import { readCase, type ParseOptions } from '../case/parse.ts';
import { Reporter } from '../case/diagnostics.ts';
import type { Case, ParseResult } from '../case/types.ts';
import { explore, STATE_BUDGET } from './explore.ts';

export function checkCase(source: string, options: ParseOptions = {}): ParseResult<Case> {
  const { parsed, ids } = readCase(source, options);
  const c = parsed.value;
  if (!c) return parsed;
  const report = new Reporter(options.file ?? 'case.md');
  const result = explore(c, STATE_BUDGET, ids);
  for (const [id, st] of result.stuck) {
    const flags = st.flags.length ? st.flags.join(", ") : "—";
    report.report('STUCK', c.nodes[id].at.line, c.nodes[id].at.column, {
      id,
      state: `满意度为 ${st.satisfaction}、标记为 ${flags} `,
      stateEn: `satisfaction is ${st.satisfaction} and the flags are ${flags}`,
    }, {
      zh: '给这个节点加一条没有 if 条件的回复，或放宽条件。',
      en: 'Add a reply without an if condition to this node, or widen the conditions.',
    });
  }
  if (result.truncated)
    report.report('PATHS_TOO_MANY', 1, 1, { limit: STATE_BUDGET }, {
      zh: '减少标记或与满意度相关的条件，或把案例拆小。',
      en: 'Use fewer flags or satisfaction conditions, or split the case.',
    });
  else if (!result.passing)
    report.report('NO_PASSING_PATH', c.nodes[c.start].at.line, 1, { sat: c.pass.minSatisfaction, comp: c.pass.minCompliance }, {
      zh: '至少让一条路径的满意度加分足够、且不违反严重规则；用 npm run paths 查看各结局的分数范围。',
      en: 'Make sure at least one path gains enough satisfaction without a critical violation.',
    });
  const diagnostics = [...parsed.diagnostics, ...report.diagnostics];
  return report.hasErrors ? { diagnostics } : { value: c, diagnostics };
}
