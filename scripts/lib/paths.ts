/**
 * The path report behind `npm run paths` (see `scripts/paths.ts`): for one case, every path's
 * endings and scores and what to look at; for a folder, one line per case and the totals. Returns
 * the exit code.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { blindFigures, BLIND_SEEDS, passesCase, playBlind, STRATEGIES } from '../../src/engine/blind.ts';
import { leakFigures, longestShare, type LeakFigures } from '../../src/engine/leaks.ts';
import { formatDiagnostic, sortDiagnostics } from '../../src/case/diagnostics.ts';
import { checkPaths } from '../../src/build/scenarios.ts';
import type { Case } from '../../src/case/types.ts';
import { pathReport } from '../../src/engine/report.ts';
import { readArgs, type Command } from './cli.ts';

const USAGE = {
  zh: '用法：npm run paths -- <案例文件或文件夹> [--lang zh|en] [--json] [--rulebooks 文件夹]',
  en: 'Usage: npm run paths -- <case file or folder> [--lang zh|en] [--json] [--rulebooks DIR]',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const trapsOf = (f: LeakFigures) => f.traps.map((t) => `${t.reply} (${t.satisfaction > 0 ? '+' : ''}${t.satisfaction} > ${t.best > 0 ? '+' : ''}${t.best})`);

export const pathsCommand: Command = (argv, io) => {
  const args = readArgs(argv, USAGE, io);
  if (!args) return 2;
  const { paths, json, lang, rulebooks } = args;
  const zh = lang === 'zh';
  const [file] = paths;

  const blindLine = (c: Case) =>
    blindFigures(c).map((b) => `${zh ? { first: '第一条', longest: '最长', last: '最后一条' }[b.strategy] : b.strategy} ${b.passed}/${b.attempts}`).join(', ');

  if (statSync(file).isDirectory()) {
    // The whole library: one line per case, then the totals.
    const cases = checkPaths([file], process.cwd(), rulebooks).filter((x) => x.kind === 'case');
    const header = zh ? ['案例', '决策点', '最佳=最长', '陷阱>最佳', '有提示', '各种子盲选通过（第一条/最长/最后一条）'] : ['case', 'points', 'best=longest', 'traps>best', 'hints', 'blind passes per seed (first/longest/last)'];
    const rows: string[][] = [header];
    /** Counts one case in column `i` of a total. */
    const count = (list: number[], i: number, yes: boolean) => (list[i] = (list[i] ?? 0) + (yes ? 1 : 0));
    const total = { points: 0, withBest: 0, longest: 0, traps: 0, hinted: 0, blind: [0, 0, 0], once: [0, 0, 0], fileOrder: [0, 0, 0], cases: 0 };
    const trapLines: string[] = [];
    let failed = false;
    const list: unknown[] = [];
    for (const x of cases) {
      const c = x.result.value as Case | undefined;
      if (!c) {
        failed = true;
        rows.push([relative(process.cwd(), x.file), zh ? '有错误' : 'has errors']);
        continue;
      }
      const f = leakFigures(c);
      const blind = blindFigures(c);
      list.push({ case: c.id, ...f, longestShare: longestShare(f), blind });
      total.cases++;
      total.points += f.points;
      total.withBest += f.withBest;
      total.longest += f.bestIsLongest;
      total.traps += f.traps.length;
      total.hinted += f.hinted;
      blind.forEach((b, i) => {
        count(total.blind, i, passesCase(b));
        count(total.once, i, b.passed > 0);
      });
      STRATEGIES.forEach((st, i) => count(total.fileOrder, i, !!playBlind(c, st, undefined)?.passed));
      if (f.traps.length) trapLines.push(`  ${c.id}: ${trapsOf(f).join(', ')}`);
      rows.push([c.id, String(f.points), `${f.bestIsLongest}/${f.withBest} ${pct(longestShare(f))}`, String(f.traps.length), `${f.hinted}/${f.points}`, blind.map((b) => `${b.passed}/${b.attempts}`).join('  ')]);
    }
    if (json) {
      io.out(JSON.stringify(list, null, 2));
      return failed ? 1 : 0;
    }
    const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)) + 2);
    for (const r of rows) io.out(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join(''));
    io.out('');
    io.out(zh ? '比最佳回复更讨买家喜欢的违规回复（违规回复的满意度 > 最佳回复的）：' : 'Traps that please more than the best reply (trap’s satisfaction > best’s):');
    for (const line of trapLines) io.out(line);
    io.out('');
    const share = total.withBest ? total.longest / total.withBest : 0;
    io.out(
      zh
        ? `合计：${total.cases} 个案例，${total.points} 个决策点；最佳回复最长 ${total.longest}/${total.withBest}（${pct(share)}）；诱人陷阱 ${total.traps} 条；有提示 ${total.hinted}/${total.points}。`
        : `Total: ${total.cases} cases, ${total.points} decision points; best reply is the longest at ${total.longest}/${total.withBest} (${pct(share)}); ${total.traps} tempting traps; hints at ${total.hinted}/${total.points}.`,
    );
    io.out(
      zh
        ? `盲选（种子 ${BLIND_SEEDS.join(', ')}）能可靠通过（至少一半种子通过）的案例：第一条 ${total.blind[0]}，最长 ${total.blind[1]}，最后一条 ${total.blind[2]}（共 ${total.cases} 个）；至少一次通过：${total.once.join(' / ')}；不打乱、按文件顺序：${total.fileOrder.join(' / ')}。`
        : `Blind play (seeds ${BLIND_SEEDS.join(', ')}), cases passed with at least half the seeds: first shown ${total.blind[0]}, longest ${total.blind[1]}, last shown ${total.blind[2]} of ${total.cases}; passed at least once: ${total.once.join(' / ')}; in the file's order, unshuffled: ${total.fileOrder.join(' / ')}.`,
    );
    return failed ? 1 : 0;
  }

  const checked = checkPaths([file], process.cwd(), rulebooks).find((c) => c.kind === 'case')?.result;
  if (!checked?.value) {
    const diagnostics = sortDiagnostics(checked?.diagnostics ?? []);
    if (json) io.out(JSON.stringify({ file: relative(process.cwd(), file), diagnostics }, null, 2));
    else if (!checked) io.out(zh ? `${file} 不是案例文件。` : `${file} is not a case file.`);
    else for (const d of diagnostics) io.out(formatDiagnostic(d, lang));
    return 1;
  }
  const c = checked.value as Case;
  const report = pathReport(c);
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return report.best?.passed ? 0 : 1;
  }

  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const span = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}–${b}`);
  const width = Math.max(8, ...report.endings.map((e) => e.ending.length)) + 2;
  io.out(zh ? `${c.id}：共 ${report.paths} 条路径${report.truncated ? '（已截断）' : ''}` : `${c.id}: ${report.paths} paths${report.truncated ? ' (stopped at the limit)' : ''}`);
  io.out('');
  io.out(pad(zh ? '结局' : 'ending', width) + pad(zh ? '结果' : 'result', 11) + pad(zh ? '路径' : 'paths', 7) + pad(zh ? '满意度' : 'satisf.', 10) + pad(zh ? '合规' : 'compl.', 10) + (zh ? '通过' : 'pass'));
  for (const e of report.endings)
    io.out(
      pad(e.ending, width) + pad(c.endings[e.ending]?.result ?? '', 11) + pad(e.paths, 7) + pad(span(e.satisfaction), 10) + pad(span(e.compliance), 10) +
        (e.passed === e.paths ? (zh ? '全部' : 'all') : e.passed === 0 ? (zh ? '无' : 'none') : `${e.passed}/${e.paths}`),
    );
  io.out('');
  for (const id of report.unreached) io.out(zh ? `⚠ 没有任何路径到达结局 ${id}` : `⚠ no path reaches the ending ${id}`);
  if (report.stuck) io.out(zh ? `⚠ ${report.stuck} 条路径卡在没有回复可选的节点` : `⚠ ${report.stuck} paths get stuck with no reply to choose`);
  if (!report.best?.passed) io.out(zh ? '✗ 没有任何路径能通过' : '✗ no path passes');
  if (report.neverPass.length)
    io.out(
      (zh ? `· 永远不会通向通过的回复（${report.neverPass.length}）：` : `· replies that never lead to a pass (${report.neverPass.length}): `) +
        [...report.neverPass].sort().join(', '),
    );
  if (report.best) {
    const b = report.best;
    io.out('');
    io.out(
      zh
        ? `最佳路径：满意度 ${b.satisfaction}，合规 ${b.compliance}，${b.passed ? '通过' : '不通过'}，结局 ${b.ending}`
        : `Best path: satisfaction ${b.satisfaction}, compliance ${b.compliance}, ${b.passed ? 'passes' : 'fails'}, ending ${b.ending}`,
    );
    io.out(`  ${b.path.map((s) => s.reply).join(' → ')}`);
  }
  const leaks = leakFigures(c);
  io.out('');
  io.out(
    zh
      ? `决策点 ${leaks.points}；最佳回复最长 ${leaks.bestIsLongest}/${leaks.withBest}（${pct(longestShare(leaks))}）；有提示 ${leaks.hinted}/${leaks.points}`
      : `Decision points ${leaks.points}; best reply is the longest at ${leaks.bestIsLongest}/${leaks.withBest} (${pct(longestShare(leaks))}); hints at ${leaks.hinted}/${leaks.points}`,
  );
  io.out(zh ? `比最佳回复更讨买家喜欢的违规回复：${trapsOf(leaks).join(', ') || '无'}` : `Traps that please more than the best reply: ${trapsOf(leaks).join(', ') || 'none'}`);
  io.out(zh ? `盲选通过（种子 ${BLIND_SEEDS.length} 个）：${blindLine(c)}` : `Blind passes (${BLIND_SEEDS.length} seeds): ${blindLine(c)}`);
  return report.best?.passed ? 0 : 1;
};
