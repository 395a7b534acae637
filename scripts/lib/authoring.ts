/**
 * Authoring figures, side by side in one run: checking a case vs inkjs compiling the same story
 * (N = 10 … 10,000 nodes, three replies each), peak memory, and re-checking after a keystroke.
 * Each measurement runs in a fresh child process of the bundled code (`authoring-bench.ts`), so the
 * figures are those of the code that ships, not of the TypeScript loader.
 *
 * The sizes with a goal are measured in three processes per side and the median process counts,
 * as JMH runs several forks: one process can settle on a slower optimisation or garbage-collector
 * rhythm than the next and stay there, so a single process says as much about luck as about code.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function benchAuthoring(): void {
  const out = join('node_modules', '.cache', 'bench');
  mkdirSync(out, { recursive: true });
  const bundle = join(out, 'authoring-bench.mjs');
  execFileSync(join('node_modules', '.bin', 'esbuild'), ['scripts/lib/authoring-bench.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--packages=external', '--log-level=warning']);

  interface Figure {
    first: number;
    median: number;
    p95: number;
    maxRssMB: number;
  }
  const once = (task: string, n: number, repeats: number): Figure =>
    JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', bundle, task, String(n), String(repeats)], { encoding: 'utf8' }).trim().split('\n').at(-1)!);
  /** The process with the median time, and the medians of every process. */
  const run = (task: string, n: number, repeats: number, processes = 1): Figure & { each: number[] } => {
    const figures = Array.from({ length: processes }, () => once(task, n, repeats)).sort((a, b) => a.median - b.median);
    return { ...figures[Math.floor(processes / 2)], each: figures.map((f) => f.median) };
  };

  const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`.padStart(10);
  console.log('Authoring: check a case vs inkjs compiling the same story');
  console.log('(median of timed runs after a warm-up of at least a second; the first, cold run in brackets; ratio warm, cold in brackets;');
  console.log(' at 1,000 nodes, the median of three processes per side)');
  console.log(`${'nodes'.padStart(8)}${'case'.padStart(10)}${''.padStart(12)}${'inkjs'.padStart(10)}${''.padStart(12)}${'ratio'.padStart(12)}${'peak RSS case / ink'.padStart(24)}`);
  // Goals: at least 50× faster than inkjs at 1,000 nodes and 20× at 10,000; less peak memory.
  const goals: Record<number, number> = { 1000: 50, 10000: 20 };
  for (const n of [10, 100, 1000, 10000]) {
    const processes = n === 1000 ? 3 : 1;
    const c = run('case', n, n >= 10000 ? 5 : 25, processes);
    const ink = run('ink', n, n >= 10000 ? 3 : n >= 1000 ? 5 : 9, processes);
    const ratio = ink.median / c.median;
    const goal = goals[n] ? `  ${mark(ratio >= goals[n])} goal ≥ ${goals[n]}×` : '';
    const memory = n === 10000 ? `  ${mark(c.maxRssMB < ink.maxRssMB)} goal: below inkjs` : '';
    console.log(
      `${String(n).padStart(8)}${ms(c.median)} (${ms(c.first).trim()})`.padEnd(30) +
        `${ms(ink.median)} (${ms(ink.first).trim()})`.padEnd(22) +
        `${ratio.toFixed(0)}× (${(ink.first / c.first).toFixed(0)}×)`.padStart(12) +
        `${c.maxRssMB.toFixed(0)} MB / ${ink.maxRssMB.toFixed(0)} MB`.padStart(24) +
        goal +
        memory,
    );
    if (processes > 1) console.log(`${''.padStart(8)}  each process: case ${c.each.map((x) => x.toFixed(2)).join(' / ')} ms, inkjs ${ink.each.map((x) => x.toFixed(0)).join(' / ')} ms`);
  }
  const edit = run('edit', 300, 30);
  console.log(
    `Re-checking a 300-node case after a keystroke: median ${edit.median.toFixed(2)} ms, p95 ${edit.p95.toFixed(2)} ms  ${mark(edit.median < 16)} goal < 16 ms`,
  );
}
