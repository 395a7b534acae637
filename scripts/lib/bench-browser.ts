/**
 * The browser half of `npm run bench`: builds and serves the site, then prints what the library
 * and a case page download, their Lighthouse figures and the reply latency, each against its goal.
 * Servers, browsers and the temporary build are cleaned up however the run ends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { compileCases } from '../../src/build/compile-cases.ts';
import type { Rulebook } from '../../src/case/types.ts';
import { allPaths } from '../../src/engine/paths.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { generateCase } from './generate.ts';
import { lighthouse, type LighthouseFigures } from './lighthouse.ts';
import { gzipSize, pageWeight, type Loaded } from './page-weight.ts';
import { replyLatency } from './reply-latency.ts';
import { buildAndServe, type Site } from './site.ts';
import { mark, percentile } from './stats.ts';

/** JavaScript per page in kB gzip: the case page carries the conversation statechart. */
const GOALS = { libraryJsKb: 45, caseJsKb: 55, performance: 0.95, accessibility: 1, cls: 0, replyP99Ms: 16 };
/** Libraries the player must not download for shipped cases. */
const AUTHORING_ONLY = ['marked', 'yaml', 'dompurify'];
const REPLY_NODES = 1000;
/** Five times the longest path through a shipped case. */
const ATTEMPT_TURNS = 50;
/** How the update time grows with the length of the chat. */
const LONG_ATTEMPT = 300;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (x: number) => `${x.toFixed(2)} ms`;

function printWeight(label: string, loaded: Loaded[], goalKb: number): number {
  const scripts = loaded.filter((l) => l.kind === 'script');
  const total = scripts.reduce((sum, l) => sum + l.gzip, 0);
  const ok = total <= goalKb * 1000;
  console.log(`  ${label.padEnd(8)} JS ${kb(total).padStart(9)} gz in ${scripts.length} file(s)  ${mark(ok)} goal ≤ ${goalKb} kB`);
  for (const l of scripts) console.log(`             ${l.path.padEnd(44)} ${kb(l.gzip).padStart(9)} gz  ${l.packages.join(', ')}`);
  for (const l of loaded.filter((x) => x.kind === 'data')) console.log(`    data     ${l.path.padEnd(44)} ${kb(l.gzip).padStart(9)} gz  (${kb(l.bytes)})`);
  return total;
}

function printLighthouse(label: string, f: LighthouseFigures): void {
  const ok = f.performance >= GOALS.performance && f.accessibility >= GOALS.accessibility && f.cls <= GOALS.cls;
  console.log(
    `  ${label.padEnd(8)} ${f.performance.toFixed(2).padStart(5)} ${f.accessibility.toFixed(2).padStart(5)} ${f.cls.toFixed(3).padStart(6)}` +
      ` ${`${(f.lcpMs / 1000).toFixed(2)} s`.padStart(8)} ${`${Math.round(f.tbtMs)} ms`.padStart(7)}  ${mark(ok)}`,
  );
}

/** The generated case, on a shipped rulebook: a file opened in the player is checked against those. */
function benchFile(rulebooks: Record<string, Rulebook>): { name: string; source: string } {
  const [rulebook] = Object.values(rulebooks);
  const [rule] = Object.keys(rulebook?.rules ?? {});
  if (!rulebook || !rule) throw new Error('the benchmark needs a shipped rulebook with at least one rule');
  return { name: `bench-${REPLY_NODES}.md`, source: generateCase(REPLY_NODES, { rulebook: rulebook.id, rule, platform: rulebook.platform }) };
}

async function printLatency(browser: Browser, site: Site, file: { name: string; source: string }, longest: string): Promise<void> {
  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 0.5))}, p99 ${ms(percentile(xs, 0.99))}, max ${ms(Math.max(...xs))}`;
  console.log(`\nChoose a reply → DOM updated, headless Chromium, a ${REPLY_NODES}-node case opened from a file`);
  const played = await replyLatency(browser, site, file, REPLY_NODES, ATTEMPT_TURNS);
  const ok = percentile(played.reply, 0.99) < GOALS.replyP99Ms;
  console.log(`  ${REPLY_NODES} replies in attempts of ${ATTEMPT_TURNS} turns (the longest shipped case takes ${longest}); goal p99 < ${GOALS.replyP99Ms} ms`);
  console.log(`    reply → feedback shown  ${p(played.reply)}  ${mark(ok)}`);
  console.log(`    … with style and layout ${p(played.replyLaidOut)}`);
  console.log(`    continue → next replies ${p(played.next)}`);
  const long = await replyLatency(browser, site, file, LONG_ATTEMPT);
  console.log(`  one attempt of ${LONG_ATTEMPT} turns (the chat grows to ${2 * LONG_ATTEMPT} messages): reply → feedback shown`);
  for (const [from, to] of [[1, 50], [51, 150], [151, LONG_ATTEMPT]] as const)
    console.log(`    turns ${`${from}–${to}`.padEnd(9)} ${p(long.reply.slice(from - 1, to))}`);
}

export async function benchBrowser(root: string, options: { lighthouse?: boolean; latency?: boolean } = {}): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('\nNo Chromium found (set CHROMIUM_PATH): browser figures skipped.');
    return;
  }
  const { summaries, cases, rulebooks } = compileCases('scenarios', root);
  const longest = `${Math.max(...[...cases.values()].map((c) => Math.max(0, ...allPaths(c, { maxVisits: 1 }).results.map((r) => r.path.length))))} turns`;
  const [first] = summaries;
  if (!first) throw new Error('scenarios/ holds no case to measure');
  const caseRoute = `#/case/${encodeURIComponent(first.id)}`;

  const [load = 0] = loadavg();
  console.log(`\nBuilding the site into a temporary folder and serving it with vite preview… (load average ${load.toFixed(1)} on ${availableParallelism()} cores${load > availableParallelism() ? ': busy, browser figures will be worse than usual' : ''})`);
  const site = await buildAndServe(root);
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await site.close().catch(() => {});
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

    console.log(`\nWhat the pages load (gzip level 9)`);
    const library = await pageWeight(browser, site, './');
    const casePage = await pageWeight(browser, site, `./${caseRoute}`);
    printWeight('library', library, GOALS.libraryJsKb);
    printWeight('case', casePage, GOALS.caseJsKb);
    const union = new Map([...library, ...casePage].filter((l) => l.kind === 'script').map((l) => [l.path, l.gzip]));
    console.log(`  both pages together: ${kb([...union.values()].reduce((a, b) => a + b, 0))} gz`);
    const found = [...library, ...casePage].flatMap((l) => l.packages.filter((p) => AUTHORING_ONLY.includes(p)).map((p) => `${p} (${l.path})`));
    console.log(`  ${AUTHORING_ONLY.join(', ')} loaded: ${found.length ? [...new Set(found)].join(', ') : 'none'}  ${mark(!found.length)}`);

    console.log(`\nEach shipped case's data (JSON, fetched only by its own page)`);
    for (const f of readdirSync(join(site.outDir, 'assets')).filter((f) => f.endsWith('.json')).sort()) {
      const data = readFileSync(join(site.outDir, 'assets', f));
      console.log(`  ${f.padEnd(48)} ${kb(gzipSize(data)).padStart(9)} gz  (${kb(data.length)})`);
    }

    if (options.latency !== false) await printLatency(browser, site, benchFile(rulebooks), longest);
    await browser.close();
    browser = undefined;
    if (options.lighthouse === false) return;

    console.log(
      `\nLighthouse 12.8, mobile preset, median of 3 runs (goals: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, CLS ${GOALS.cls})`,
    );
    console.log(`  ${'page'.padEnd(8)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'CLS'.padStart(6)} ${'LCP'.padStart(8)} ${'TBT'.padStart(7)}`);
    printLighthouse('library', await lighthouse(site.url, executablePath));
    printLighthouse('case', await lighthouse(`${site.url}${caseRoute}`, executablePath));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}
