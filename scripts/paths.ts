/**
 * `npm run paths -- <file> [--lang zh|en] [--json] [--rulebooks DIR]`
 *
 * Walks every path through a case (each node at most twice per path) and prints, for each ending,
 * how many paths reach it, the satisfaction and compliance ranges and how many pass; then what to
 * look at: unreached endings, no passing path, replies that never lead to a pass, the best path.
 * Exits 1 when the case has errors or no path passes.
 */
import { relative } from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../src/case/diagnostics.ts';
import { checkPaths } from '../src/build/scenarios.ts';
import type { Case } from '../src/case/types.ts';
import { pathReport } from '../src/engine/report.ts';
import { readArgs } from './lib/cli.ts';

const { paths, json, lang, rulebooks } = readArgs(process.argv.slice(2), {
  zh: '用法：npm run paths -- <案例文件> [--lang zh|en] [--json] [--rulebooks 文件夹]',
  en: 'Usage: npm run paths -- <case file> [--lang zh|en] [--json] [--rulebooks DIR]',
});
const zh = lang === 'zh';
const file = paths[0];
const checked = checkPaths([file], process.cwd(), rulebooks).find((c) => c.kind === 'case')?.result;
if (!checked?.value) {
  const diagnostics = sortDiagnostics(checked?.diagnostics ?? []);
  if (json) console.log(JSON.stringify({ file: relative(process.cwd(), file), diagnostics }, null, 2));
  else if (!checked) console.log(zh ? `${file} 不是案例文件。` : `${file} is not a case file.`);
  else for (const d of diagnostics) console.log(formatDiagnostic(d, lang));
  process.exit(1);
}
const c = checked.value as Case;
const report = pathReport(c);
if (json) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.best?.passed ? 0 : 1);
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const span = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}–${b}`);
const width = Math.max(8, ...report.endings.map((e) => e.ending.length)) + 2;
console.log(zh ? `${c.id}：共 ${report.paths} 条路径${report.truncated ? '（已截断）' : ''}` : `${c.id}: ${report.paths} paths${report.truncated ? ' (stopped at the limit)' : ''}`);
console.log();
console.log(pad(zh ? '结局' : 'ending', width) + pad(zh ? '结果' : 'result', 11) + pad(zh ? '路径' : 'paths', 7) + pad(zh ? '满意度' : 'satisf.', 10) + pad(zh ? '合规' : 'compl.', 10) + (zh ? '通过' : 'pass'));
for (const e of report.endings)
  console.log(
    pad(e.ending, width) + pad(c.endings[e.ending].result, 11) + pad(e.paths, 7) + pad(span(e.satisfaction), 10) + pad(span(e.compliance), 10) +
      (e.passed === e.paths ? (zh ? '全部' : 'all') : e.passed === 0 ? (zh ? '无' : 'none') : `${e.passed}/${e.paths}`),
  );
console.log();
for (const id of report.unreached) console.log(zh ? `⚠ 没有任何路径到达结局 ${id}` : `⚠ no path reaches the ending ${id}`);
if (report.stuck) console.log(zh ? `⚠ ${report.stuck} 条路径卡在没有回复可选的节点` : `⚠ ${report.stuck} paths get stuck with no reply to choose`);
if (!report.best?.passed) console.log(zh ? '✗ 没有任何路径能通过' : '✗ no path passes');
if (report.neverPass.length)
  console.log(
    (zh ? `· 永远不会通向通过的回复（${report.neverPass.length}）：` : `· replies that never lead to a pass (${report.neverPass.length}): `) +
      [...report.neverPass].sort().join(', '),
  );
if (report.best) {
  const b = report.best;
  console.log();
  console.log(
    zh
      ? `最佳路径：满意度 ${b.satisfaction}，合规 ${b.compliance}，${b.passed ? '通过' : '不通过'}，结局 ${b.ending}`
      : `Best path: satisfaction ${b.satisfaction}, compliance ${b.compliance}, ${b.passed ? 'passes' : 'fails'}, ending ${b.ending}`,
  );
  console.log(`  ${b.path.map((s) => s.reply).join(' → ')}`);
}
process.exit(report.best?.passed ? 0 : 1);
