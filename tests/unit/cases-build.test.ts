/**
 * The build-time compilation of shipped cases (src/build/cases-plugin.ts, compile-cases.ts), run on
 * small throwaway sites: an invalid case stops `vite build` with its diagnostics; a valid one
 * becomes a JSON file fetched by a relative URL, its Markdown already rendered, so the player's
 * scripts hold no Markdown parser, YAML parser or sanitiser.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { casesPlugin } from '../../src/build/cases-plugin.ts';
import { compileCases } from '../../src/build/compile-cases.ts';
import { nth } from '../fixtures/present.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VALID = readFileSync(join(ROOT, 'tests/fixtures/cases/valid.md'), 'utf8');
// A typo in one reply's target: the checker reports TARGET_NOT_FOUND on that line.
const BROKEN = VALID.replace('   - next: photo\n', '   - next: phto\n');
const BROKEN_LINE = BROKEN.split('\n').indexOf('   - next: phto') + 1;

const sites: string[] = [];
afterEach(() => {
  for (const dir of sites.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A minimal site: one entry that uses `virtual:cases` (and `virtual:rulebooks` lazily). */
function site(cases: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-desk-cases-'));
  sites.push(dir);
  mkdirSync(join(dir, 'scenarios', 'rulebooks'), { recursive: true });
  copyFileSync(join(ROOT, 'tests/fixtures/cases/rulebooks/test.md'), join(dir, 'scenarios', 'rulebooks', 'test.md'));
  for (const [name, source] of Object.entries(cases)) writeFileSync(join(dir, 'scenarios', name), source);
  writeFileSync(
    join(dir, 'main.js'),
    [
      "import { loadCase } from 'virtual:cases';",
      "import { summaries } from 'virtual:case-summaries';",
      'export const first = () => loadCase(summaries[0].id);',
      "export const rulebooks = () => import('virtual:rulebooks');",
    ].join('\n'),
  );
  return dir;
}

async function buildSite(dir: string): Promise<Rollup.RollupOutput> {
  const out = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [casesPlugin({ dir: 'scenarios' })],
    build: { write: false, lib: false, rolldownOptions: { input: join(dir, 'main.js'), preserveEntrySignatures: 'exports-only' } },
  });
  return (Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput;
}

describe('an invalid case', () => {
  it('fails compilation with file:line:col: error CODE for each problem', () => {
    const dir = site({ 'good.md': VALID.replace('id: valid-case', 'id: good-case'), 'broken.md': BROKEN });
    expect(() => compileCases('scenarios', dir)).toThrow(
      new RegExp(`scenarios/broken\\.md:${BROKEN_LINE}:\\d+: error TARGET_NOT_FOUND `),
    );
  });

  it('fails `vite build` with the same diagnostics', async () => {
    const dir = site({ 'broken.md': BROKEN });
    await expect(buildSite(dir)).rejects.toThrow(new RegExp(`scenarios/broken\\.md:${BROKEN_LINE}:\\d+: error TARGET_NOT_FOUND `));
  });

  it('fails when two cases share an id, naming both files', () => {
    const dir = site({ 'a.md': VALID, 'b.md': VALID });
    expect(() => compileCases('scenarios', dir)).toThrow(/valid-case.*scenarios\/a\.md and scenarios\/b\.md/);
  });
});

describe('a valid case', () => {
  it('is emitted as its own JSON file, rendered, and loaded by a URL relative to the script', async () => {
    const dir = site({ 'valid.md': VALID });
    const output = await buildSite(dir);
    const assets = output.output.filter((o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.json'));
    expect(assets.map((a) => a.fileName)).toEqual([expect.stringMatching(/^assets\/valid-case-[\w-]+\.json$/)]);

    const data = JSON.parse(String(nth(assets, 0).source)) as { id: string; rendered: boolean; nodes: Record<string, { message?: string }> };
    expect(data.id).toBe('valid-case');
    expect(data.rendered).toBe(true);
    expect(data.nodes.opening?.message).toContain('<p>My mug arrived broken.</p>');

    const entry = output.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry)!;
    const name = nth(assets, 0).fileName.replace(/^assets\//, '');
    expect(entry.code).toMatch(new RegExp(`new URL\\(\\s*[\`'"]${name.replace(/[.-]/g, '\\$&')}[\`'"]\\s*,\\s*import\\.meta\\.url\\s*\\)`));
    expect(entry.code).not.toContain('My mug arrived broken');
  });

  it('leaves the rulebooks out of the entry and puts no Markdown parser, YAML parser or sanitiser in any script', async () => {
    const dir = site({ 'valid.md': VALID });
    const chunks = (await buildSite(dir)).output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    expect(entry.moduleIds).not.toContain('\0virtual:rulebooks');
    expect(chunks.some((c) => c.moduleIds.includes('\0virtual:rulebooks'))).toBe(true);
    const modules = chunks.flatMap((c) => c.moduleIds);
    expect(modules.filter((id) => /node_modules\/(marked|yaml|dompurify)\//.test(id))).toEqual([]);
  });
});
