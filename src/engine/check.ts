/**
 * The whole check of a case file: the format's diagnostics, then the engine's — a case that no
 * path can pass, states where the conditions leave no reply to choose, and warnings when the case
 * gives its answers away (see `leaks.ts`).
 *
 * This is what the command line, the build and the studio call. A case comes back only when it
 * has no errors, so whatever plays it can trust it.
 */
import { parseCase, type ParseOptions } from '../case/parse.ts';
import { Reporter } from '../case/diagnostics.ts';
import type { Case, ParseResult } from '../case/types.ts';
import { explore, STATE_BUDGET } from './explore.ts';
import { leakFigures, LONGEST_LIMIT, longestShare } from './leaks.ts';

export function checkCase(source: string, options: ParseOptions = {}): ParseResult<Case> {
  const parsed = parseCase(source, options);
  const c = parsed.value;
  if (!c) return parsed;
  const report = new Reporter(options.file ?? 'case.md');
  const result = explore(c);
  for (const [id, { state: st }] of result.stuck) {
    const flags = st.flags.length ? st.flags.join(", ") : "—";
    report.report('STUCK', placeOf(c, id).line, placeOf(c, id).column, {
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
    report.report('NO_PASSING_PATH', placeOf(c, c.start).line, 1, { sat: c.pass.minSatisfaction, comp: c.pass.minCompliance }, {
      zh: '至少让一条路径的满意度加分足够、且不违反严重规则；用 npm run paths 查看各结局的分数范围。',
      en: 'Make sure at least one path gains enough satisfaction without a critical violation.',
    });
  leakWarnings(c, report);
  const diagnostics = [...parsed.diagnostics, ...report.diagnostics];
  return report.hasErrors ? { diagnostics } : { value: c, diagnostics };
}

/**
 * Where a node is written. The ids asked about are the case's own nodes (the start is checked to be
 * one before a case is returned); anything else is reported at the top of the file.
 */
function placeOf(c: Case, id: string): { line: number; column: number } {
  return c.nodes[id]?.at ?? { line: 1, column: 1 };
}

function leakWarnings(c: Case, report: Reporter): void {
  const figures = leakFigures(c);
  for (const id of figures.unhinted)
    report.report('HINT_MISSING', placeOf(c, id).line, placeOf(c, id).column, { id }, {
      zh: '在买家消息下、gloss 旁加 - hint: 和 - hint en:，说明该看哪里（订单卡片、物流记录、规则、买家真正问的是什么），而不是该选哪条。',
      en: 'Add - hint: and - hint en: beside the gloss, saying where to look (order card, tracking, a rule, what the buyer really asked), not which reply to pick.',
    });
  if (!figures.withBest) return;
  const start = placeOf(c, c.start);
  const share = longestShare(figures);
  if (share > LONGEST_LIMIT)
    report.report('BEST_IS_LONGEST', start.line, 1, { points: figures.withBest, longest: figures.bestIsLongest, share: Math.round(share * 100) }, {
      zh: '把错误回复也写成完整、流畅、有礼貌的消息；让最佳回复有时短一些。用 npm run paths 查看每个案例的比例。',
      en: 'Write the wrong replies as full, fluent, polite messages too, and let the best reply be the shorter one at times. npm run paths prints the share.',
    });
  if (!figures.traps.length)
    report.report('NO_TEMPTING_TRAP', start.line, 1, {}, {
      zh: '在主线上加一条让买家更高兴、但违反规则的回复（例如答应平台外退款），满意度加分高于最佳回复，并写 breaks:。',
      en: 'On the main path, add a reply that pleases the buyer more than the best one but breaks a rule (say, a refund off the platform), with breaks: and a higher satisfaction change.',
    });
}
