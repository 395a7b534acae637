/**
 * `npm run bench` — prints the speed and size figures the project tracks, each with its goal:
 * - check (parse + validate + compile) time for generated cases of 10 … 10,000 nodes, against inkjs
 *   compiling the same story, with peak memory, and re-checking a 300-node case after a keystroke;
 * - engine step latency (choose a reply) at 10,000 nodes, p50 and p99;
 * - building the conversation machine and starting an actor;
 * - on the built site (built into a temporary folder and served by `vite preview` on 127.0.0.1):
 *   the JavaScript the library and a case page load (gzip), the size of each case's data, and that
 *   neither page loads a Markdown parser, YAML parser or sanitiser;
 * - Lighthouse (mobile) on both pages, medians of three runs;
 * - click → DOM updated for replies in a generated 1,000-node case, in headless Chromium;
 * - how fast oversized and hostile links, codes and files are refused (`--refusals` runs only this).
 * Figures are medians over repeats in one run; the machine is noisy, so compare within a run.
 * Goals are reported (✓/✗), never asserted. `--no-browser` skips everything after the engine;
 * `--no-latency` and `--no-lighthouse` skip those parts.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import type { Rulebook } from '../src/case/types.ts';
import { checkCase } from '../src/engine/check.ts';
import { choose, offeredReplies, startAttempt } from '../src/engine/conversation.ts';
import { conversationMachine } from '../src/engine/machine.ts';
import { benchAuthoring } from './lib/authoring.ts';
import { benchBrowser } from './lib/bench-browser.ts';
import { generateCase } from './lib/generate.ts';
import { benchRulebook } from './lib/graph.ts';
import { benchRefusals } from './lib/refusal-bench.ts';
import { benchStudio } from './lib/studio-bench.ts';
import { median, percentile as pct } from './lib/stats.ts';

const rulebook = benchRulebook;

const ms = (x: number) => `${x.toFixed(2)} ms`;
const us = (x: number) => `${(x * 1000).toFixed(1)} µs`;

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv.includes('--refusals')) {
  await benchRefusals(root, { browser: !process.argv.includes('--no-browser') });
  process.exit(0);
}

benchAuthoring();

{
  const c = checkCase(generateCase(10000), { rulebooks: { bench: rulebook } }).value!;
  const steps: number[] = [];
  let a = startAttempt(c);
  for (let i = 0; i < 10000; i++) {
    const offered = offeredReplies(c, a);
    const pick = offered[i % 7 === 0 ? 1 : 0];
    if (!pick) throw new Error(`the generated case offers fewer than two replies at ${a.at}`);
    const t0 = performance.now();
    const next = choose(c, a, pick.id)!;
    steps.push(performance.now() - t0);
    a = next.attempt.ended ? startAttempt(c) : { ...next.attempt, path: next.attempt.path.slice(-20), violations: [] };
  }
  const p99 = pct(steps, 0.99);
  console.log(`\nEngine step at 10,000 nodes: p50 ${us(pct(steps, 0.5))}, p99 ${us(p99)}  ${p99 <= 0.05 ? '✓' : '✗'} goal p99 ≤ 50 µs`);

  const starts: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0 } } }).start();
    starts.push(performance.now() - t0);
    actor.stop();
  }
  console.log(`Create + start the conversation actor (10,000-node case): median ${ms(median(starts))}`);
}

benchStudio(rulebook);

if (!process.argv.includes('--no-browser'))
  await benchBrowser(root, {
    lighthouse: !process.argv.includes('--no-lighthouse'),
    latency: !process.argv.includes('--no-latency'),
  });

await benchRefusals(root, { browser: !process.argv.includes('--no-browser') });
