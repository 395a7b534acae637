/**
 * The measurements behind `npm run bench`'s authoring figures, run in a child process (bundled,
 * so the figures are those of the shipped code): `node authoring-bench.mjs <task> <n>`.
 *
 * Tasks: `case` / `ink` — median time to check (parse + validate + compile) a case, or to compile
 * the same story with inkjs, then peak memory; `edit` — re-checking a case after one keystroke.
 * Prints one JSON line.
 *
 * Both sides are timed the same way, as benchmark harnesses do: the first (cold) run is kept
 * apart, then untimed runs warm the code up for at least a second, then the timed runs. Without
 * the warm-up the short task is measured mostly before the engine has optimised it — a 10 ms
 * check needs a dozen runs to get there, a 300 ms compile is warm within its first run.
 */
import { Compiler } from 'inkjs/full';
import { performance } from 'node:perf_hooks';
import { checkCase } from '../../src/engine/check.ts';
import { benchRulebook, generateGraph, graphToCase, graphToInk } from './graph.ts';

const rulebook = benchRulebook;

const [task, nArg, repeatsArg] = process.argv.slice(2);
const n = Number(nArg);
const repeats = Number(repeatsArg ?? 5);
const graph = generateGraph(n);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Untimed runs before the timed ones: at least this long, and at least two runs. */
const WARM_UP_MS = 1000;
let first = NaN;

function time(fn: () => void): number[] {
  let t0 = performance.now();
  fn();
  first = performance.now() - t0;
  t0 = performance.now();
  for (let runs = 1; runs < 2 || performance.now() - t0 < WARM_UP_MS; runs++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

let times: number[] = [];
if (task === 'case') {
  const source = graphToCase(graph);
  times = time(() => {
    if (!checkCase(source, { rulebooks: { bench: rulebook } }).value) throw new Error('the generated case did not check');
  });
} else if (task === 'ink') {
  const source = graphToInk(graph);
  times = time(() => {
    const compiler = new Compiler(source);
    compiler.Compile();
    if (compiler.errors.length) throw new Error(compiler.errors.join('\n'));
  });
} else if (task === 'edit') {
  // One keystroke in the middle of the file: a feedback word changes, the whole case is checked again.
  const source = graphToCase(graph);
  const at = source.indexOf('feedback: good', source.length / 2);
  let k = 0;
  times = time(() => {
    const edited = `${source.slice(0, at + 14)}${'abcdefghij'[k++ % 10]}${source.slice(at + 14)}`;
    checkCase(edited, { rulebooks: { bench: rulebook } });
  });
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    task,
    n,
    first,
    median: median(times),
    p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
