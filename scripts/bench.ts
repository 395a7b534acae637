/**
 * `npm run bench` — prints the speed and size figures the project tracks, each with its goal:
 * - check (parse + validate + compile) time for generated cases of 10 … 10,000 nodes, against inkjs
 *   compiling the same story, with peak memory (goal at 1,000 nodes: at least 10× faster than inkjs,
 *   and less memory), and re-checking a 300-node case after a keystroke (goal: median under 16 ms);
 *   `--authoring` runs only these;
 * - engine step latency at 10,000 nodes, p50 and p99: the rule of play alone (`choose`) and a reply
 *   sent through the conversation statechart (`--engine` runs only the engine's figures);
 * - building the conversation machine and starting an actor;
 * - on the built site (built into a temporary folder and served by `vite preview` on 127.0.0.1):
 *   the JavaScript the library and a case page load (gzip), the size of each case's data, and that
 *   neither page loads a Markdown parser, YAML parser or sanitiser;
 * - Lighthouse (mobile) on both pages, medians of three runs;
 * - click → DOM updated for replies in a generated 1,000-node case, in headless Chromium;
 * - how fast oversized and hostile links, codes and files are refused (`--refusals` runs only this).
 * Figures are medians over repeats in one run; the machine is noisy, so compare within a run.
 * Goals are reported (✓/✗), never asserted. `--no-browser` skips everything after the engine;
 * `--no-latency` and `--no-lighthouse` skip those parts. `--engine` runs only the engine's figures:
 * the step latency, the actor, and (unless `--no-browser`) what the pages load and the reply latency.
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
/** One reply's effect at 10,000 nodes, in µs (p99). */
const ENGINE_STEP_P99_US = 50;
const us = (x: number) => `${(x * 1000).toFixed(1)} µs`;

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv.includes('--refusals')) {
  await benchRefusals(root, { browser: !process.argv.includes('--no-browser') });
  process.exit(0);
}

const engineOnly = process.argv.includes('--engine');
if (!engineOnly) benchAuthoring();
if (process.argv.includes('--authoring')) process.exit(0);

{
  const c = checkCase(generateCase(10000), { rulebooks: { bench: rulebook } }).value;
  if (!c) throw new Error('The generated 10,000-node case does not check.');
  const steps: number[] = [];
  let a = startAttempt(c);
  /** Every seventh turn the second reply offered, else the first: mostly forward, sometimes a detour. */
  const pickAt = (offered: readonly { id: string }[], turn: number) => (offered[turn % 7 === 0 ? 1 : 0] ?? offered[0])?.id ?? '';
  for (let i = 0; i < 10000; i++) {
    const reply = pickAt(offeredReplies(c, a), i);
    const t0 = performance.now();
    const next = choose(c, a, reply);
    steps.push(performance.now() - t0);
    a = !next || next.attempt.ended ? startAttempt(c) : { ...next.attempt, path: next.attempt.path.slice(-20), violations: [] };
  }
  const p99 = pct(steps, 0.99);
  console.log(`\nEngine step at 10,000 nodes (goal p99 ≤ ${ENGINE_STEP_P99_US} µs)`);
  console.log(`  the rule of play (choose)        p50 ${us(pct(steps, 0.5))}, p99 ${us(p99)}  ${p99 * 1000 <= ENGINE_STEP_P99_US ? '✓' : '✗'}`);

  // The same replies sent to the statechart: guards, the choose action and the choice of the next state.
  const sends: number[] = [];
  let actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0, feedback: 'deferred' } } }).start();
  for (let i = 0; i < 10000; i++) {
    const { attempt } = actor.getSnapshot().context;
    const reply = pickAt(offeredReplies(c, attempt), i);
    const t0 = performance.now();
    actor.send({ type: 'CHOOSE', reply });
    sends.push(performance.now() - t0);
    // A new attempt now and then, as above, so the transcript stays the length of a real one.
    if (actor.getSnapshot().value === 'ended' || actor.getSnapshot().context.attempt.path.length >= 20) {
      actor.stop();
      actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0, feedback: 'deferred' } } }).start();
    }
  }
  actor.stop();
  // The goal is the rule of play's; the statechart's own work is counted in the reply → page goal below.
  console.log(`  a reply sent through the machine p50 ${us(pct(sends, 0.5))}, p99 ${us(pct(sends, 0.99))}  (the statechart's work included; see reply → page)`);

  const starts: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const actor = createActor(conversationMachine, { input: { case: c, settings: { typingMs: 0 } } }).start();
    starts.push(performance.now() - t0);
    actor.stop();
  }
  console.log(`Create + start the conversation actor (10,000-node case): median ${ms(median(starts))}`);
}

if (!engineOnly) benchStudio(rulebook);

if (!process.argv.includes('--no-browser'))
  await benchBrowser(root, {
    lighthouse: !engineOnly && !process.argv.includes('--no-lighthouse'),
    latency: !process.argv.includes('--no-latency'),
  });
if (engineOnly) process.exit(0);

await benchRefusals(root, { browser: !process.argv.includes('--no-browser') });
