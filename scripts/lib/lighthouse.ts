/**
 * Lighthouse (mobile preset, simulated throttling) against the previewed site, in Debian's
 * Chromium; medians over a few runs, since one run is noisy.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median } from './stats.ts';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { message: string };
}

const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

async function runOnce(url: string, chromePath: string, out: string): Promise<LighthouseFigures> {
  await promisify(execFile)(
    process.execPath,
    [
      cli,
      url,
      '--quiet',
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${out}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`);
  return {
    // A category or audit missing from the report shows as NaN, which no goal accepts.
    performance: report.categories.performance?.score ?? NaN,
    accessibility: report.categories.accessibility?.score ?? NaN,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
  };
}

/** A busy machine sometimes loses Chrome mid-run ("Target closed"): such a run is tried again. */
async function withRetry<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= tries) throw error;
    }
  }
}

/** Each figure is the median of `runs` runs on its own (so they may come from different runs). */
export async function lighthouse(url: string, chromePath: string, runs = 3): Promise<LighthouseFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-desk-lighthouse-'));
  try {
    const results: LighthouseFigures[] = [];
    for (let i = 0; i < runs; i++) results.push(await withRetry(() => runOnce(url, chromePath, join(dir, `run-${i}.json`))));
    const pick = (k: keyof LighthouseFigures) => median(results.map((r) => r[k]));
    return { performance: pick('performance'), accessibility: pick('accessibility'), cls: pick('cls'), lcpMs: pick('lcpMs'), tbtMs: pick('tbtMs') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
