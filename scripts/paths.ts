/**
 * `npm run paths -- <file> [--lang zh|en] [--json]`
 *
 * Walks every path through a case (each node at most twice per path) and prints, for each ending,
 * how many paths reach it, the satisfaction and compliance ranges and how many pass; then what to
 * look at: unreached endings, no passing path, replies that never lead to a pass, the best path.
 * Exits 1 when the case has errors or no path passes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { formatDiagnostic } from '../src/case/diagnostics.ts';
import { loadRulebooks, rulebookDirFor } from '../src/build/scenarios.ts';
import { checkCase } from '../src/engine/check.ts';
import { pathReport } from '../src/engine/report.ts';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? args[langAt + 1] : process.env.LANG?.startsWith('zh') ? 'zh' : 'en';
const json = args.includes('--json');
const file = args.find((a, i) => !a.startsWith('--') && !(langAt >= 0 && i === langAt + 1));
if (!file || !existsSync(file) || (lang !== 'zh' && lang !== 'en')) {
  console.error('Usage: npm run paths -- <case file> [--lang zh|en] [--json]');
  process.exit(2);
}
const zh = lang === 'zh';
const dir = rulebookDirFor(file);
const checked = checkCase(readFileSync(file, 'utf8'), { file: relative(process.cwd(), file), rulebooks: dir ? loadRulebooks(dir).rulebooks : {} });
if (!checked.value) {
  for (const d of checked.diagnostics) console.log(formatDiagnostic(d, lang));
  process.exit(1);
}
const c = checked.value;
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
