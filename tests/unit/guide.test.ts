/**
 * The authoring guide checked against the code, so it cannot drift. The guide is a start page
 * (scenarios/README.md) linking a reference per language (scenarios/guide/zh.md, en.md) and the
 * diagnostics catalogue (scenarios/guide/diagnostics.md).
 *
 * - "诊断代码 / Diagnostic codes": one `### CODE` entry per catalogue code. Each bad example is a
 *   fenced block ```md fixture=<file> holding an excerpt of that fixture (relative to
 *   tests/fixtures/diagnostics/), followed by a ```md fix block. The excerpt must be in the fixture,
 *   the fixture must produce the code, and the fixture with every excerpt of the entry replaced by
 *   its fix must check clean. Codes with no fixture file are shown with a ```text generated block.
 * - Key tables follow a `<!-- keys: NAME -->` comment naming a vocabulary in src/case/keys.ts; the
 *   keys and aliases listed must be exactly those of the vocabulary, in both languages.
 * - scenarios/_template.md checks clean and is linked, never copied, and the studio starts from it.
 * - The sample `npm run validate` output and the worked example's score tables match the checker
 *   and the seed case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, describe, expect, it } from 'vitest';
import { collect } from '../../src/build/scenarios.ts';
import { CATALOGUE, formatDiagnostic, sortDiagnostics, type DiagnosticCode } from '../../src/case/diagnostics.ts';
import * as keys from '../../src/case/keys.ts';
import { MAX_CASE_BYTES } from '../../src/case/parse.ts';
import { parseRulebook } from '../../src/case/rulebook.ts';
import type { Diagnostic, ParseResult, Rulebook } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import { LEAK_CODES } from '../../src/engine/leaks.ts';
import { realPath, replay } from '../../src/engine/conversation.ts';
import { STATE_BUDGET } from '../../src/engine/explore.ts';
import { allPaths } from '../../src/engine/paths.ts';
import { loadCase } from './helpers.ts';
import { get, nth } from '../fixtures/present.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const FIXTURES = 'tests/fixtures/diagnostics';
const START = read('scenarios/README.md');
const REFERENCES = { zh: read('scenarios/guide/zh.md'), en: read('scenarios/guide/en.md') };
const CATALOGUE_FILE = read('scenarios/guide/diagnostics.md');
const GUIDE = [START, REFERENCES.zh, REFERENCES.en, CATALOGUE_FILE].join('\n');
const TEMPLATE = read('scenarios/_template.md');
const CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

const rulebookAt = (path: string): Rulebook => {
  const r = parseRulebook(read(path), path);
  if (!r.value || r.diagnostics.length) throw new Error(`${path} does not parse`);
  return r.value;
};
const testRulebooks = { test: rulebookAt('tests/fixtures/cases/rulebooks/test.md') };
const shippedRulebooks = { aliexpress: rulebookAt('scenarios/rulebooks/aliexpress.md') };

/** The answer-leak warnings judge a whole case's writing; the format fixtures show one mistake each (see diagnostics.test.ts). */
const LEAKS = LEAK_CODES;

/** A rulebook fixture lives under rulebook-mistakes/; everything else is a case on the test rulebook. */
function checkFixture(name: string, source: string): ParseResult<unknown> {
  const file = `${FIXTURES}/${name}`;
  if (name.startsWith('rulebook-mistakes/')) return parseRulebook(source, file);
  const r = checkCase(source, { file, rulebooks: testRulebooks });
  return LEAKS.has(name.replace(/^.*\//, '').replace(/\..*$/, '')) ? r : { ...r, diagnostics: r.diagnostics.filter((d) => !LEAKS.has(d.code)) };
}
const codesOf = (list: Diagnostic[]) => list.map((d) => `${d.code} ${d.line}:${d.column}`);

// ---------------------------------------------------------------------------------------------
// Reading the guide

interface Fence {
  info: string;
  body: string;
}
/** Fenced blocks, with their info string and content (without the final newline or a list item's indentation). */
function fences(text: string): Fence[] {
  const out: Fence[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', info = ''] = open;
    const end = lines.indexOf(`${indent}\`\`\``, i + 1);
    if (end < 0) throw new Error(`unclosed fence on guide line ${i + 1}`);
    const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    out.push({ info: info.trim(), body: body.join('\n') });
    i = end;
  }
  return out;
}

const DIAGNOSTICS_HEADING = '# 诊断代码 / Diagnostic codes';
const diagnosticsSection = CATALOGUE_FILE.slice(CATALOGUE_FILE.indexOf(`${DIAGNOSTICS_HEADING}\n`));

interface Example {
  fixture: string;
  excerpt: string;
  fix: string;
}
interface Entry {
  code: string;
  text: string;
  examples: Example[];
  generated: string[];
}

const entries: Entry[] = diagnosticsSection
  .split(/^### /m)
  .slice(1)
  .map((chunk) => {
    const code = chunk.slice(0, chunk.indexOf('\n')).trim();
    const blocks = fences(chunk);
    const examples: Example[] = [];
    blocks.forEach((b, i) => {
      const [, fixture] = /^md fixture=(\S+)$/.exec(b.info) ?? [];
      if (!fixture) return;
      const next = blocks[i + 1];
      if (next?.info !== 'md fix') throw new Error(`${code}: the example from ${fixture} is not followed by a \`\`\`md fix block`);
      examples.push({ fixture, excerpt: b.body, fix: next.body });
    });
    const generated = blocks.filter((b) => b.info === 'text generated').map((b) => b.body);
    return { code, text: chunk, examples, generated };
  });

/** A table's rows after `marker`: cells of each `|` line, header and separator dropped. */
function tableAfter(text: string, from: number): string[][] {
  const lines = text.slice(from).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!t.startsWith('|')) break;
    rows.push(t.slice(1, -1).split('|').map((c) => c.trim()));
  }
  return rows.slice(2);
}
/** The `ticked` words of a table cell (an empty list for a cell the row does not have). */
const ticked = (cell: string | undefined) => [...(cell ?? '').matchAll(/`([^`]+)`/g)].flatMap((m) => m[1] ?? []);
const markers = (name: string) => [...GUIDE.matchAll(new RegExp(`<!-- ${name}: (\\S+) -->`, 'g'))];

// ---------------------------------------------------------------------------------------------

describe('the diagnostic codes section', () => {
  it('has one entry per catalogue code, and none for unknown codes', () => {
    expect(CATALOGUE_FILE.startsWith(`${DIAGNOSTICS_HEADING}\n`)).toBe(true);
    expect(entries.map((e) => e.code).sort()).toEqual([...CODES].sort());
  });

  it('lists every code in its index table with the catalogue severity', () => {
    const index = new Map(
      diagnosticsSection
        .slice(0, diagnosticsSection.indexOf('\n### '))
        .split('\n')
        .filter((l) => l.startsWith('| [`'))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((cells) => [ticked(cells[1])[0], cells[2]] as const),
    );
    for (const code of CODES) expect(index.get(code), code).toBe(CATALOGUE[code].severity);
    expect(index.size).toBe(CODES.length);
  });

  it.each(entries.map((e) => [e.code, e] as const))('%s: severity, meaning and fix in both languages', (code, e) => {
    const severity = CATALOGUE[code as DiagnosticCode].severity;
    expect(e.text).toContain(severity === 'error' ? '**error · 错误**' : '**warning · 警告**');
    for (const label of ['- 含义：', '- Meaning: ', '- 改法：', '- Fix: ']) expect(e.text, `${code}: ${label}`).toContain(label);
  });

  it.each(entries.map((e) => [e.code, e] as const))('%s: each bad example is in its fixture, and the fixture yields the code', (code, e) => {
    const hasFixture = [`${code}.md`, `rulebook-mistakes/rulebooks/${code}.md`].some((f) => existsSync(join(ROOT, FIXTURES, f)));
    if (!hasFixture) {
      // Generated in tests/unit/diagnostics.test.ts: described, not excerpted.
      expect(e.examples).toEqual([]);
      expect(e.generated.length).toBe(1);
      return;
    }
    expect(e.generated).toEqual([]);
    expect(e.examples.length).toBeGreaterThan(0);
    for (const ex of e.examples) {
      // A fixture named after another code would prove nothing about this one.
      expect(ex.fixture.split('/').at(-1)!.split('.')[0], ex.fixture).toBe(code);
      const source = read(`${FIXTURES}/${ex.fixture}`);
      expect(source, `${code}: excerpt not found verbatim in ${ex.fixture}`).toContain(ex.excerpt);
      expect(ex.excerpt.trim(), ex.fixture).not.toBe('');
      expect(ex.fix, `${code}: the fix changes nothing`).not.toBe(ex.excerpt);
      const r = checkFixture(ex.fixture, source);
      expect(r.diagnostics.map((d) => d.code), ex.fixture).toContain(code);
    }
  });

  it.each(entries.filter((e) => e.examples.length).map((e) => [e.code, e] as const))(
    '%s: the fix, put in place of the excerpt, checks clean',
    (code, e) => {
      const byFixture = new Map<string, Example[]>();
      for (const ex of e.examples) byFixture.set(ex.fixture, [...(byFixture.get(ex.fixture) ?? []), ex]);
      for (const [fixture, examples] of byFixture) {
        let source = read(`${FIXTURES}/${fixture}`);
        for (const ex of examples) {
          expect(source, `${fixture}: excerpt gone before its fix`).toContain(ex.excerpt);
          source = source.split(ex.excerpt).join(ex.fix);
        }
        const r = checkFixture(fixture, source);
        expect(codesOf(r.diagnostics), `${fixture} after the fix`).toEqual([]);
        expect(r.value, `${fixture} after the fix is usable`).toBeDefined();
      }
    },
  );

  it('describes the generated codes with the limits the code uses', () => {
    const limits: Partial<Record<DiagnosticCode, number>> = { CASE_TOO_LARGE: MAX_CASE_BYTES, PATHS_TOO_MANY: STATE_BUDGET };
    const generated = entries.filter((e) => e.generated.length);
    expect(generated.map((e) => e.code).sort()).toEqual(Object.keys(limits).sort());
    for (const e of generated) {
      const limit = limits[e.code as DiagnosticCode]!.toLocaleString('en-US');
      expect(e.generated[0]?.split('\n').length, e.code).toBe(2); // one line in each language
      for (const line of nth(e.generated, 0).split('\n')) expect(line, e.code).toContain(limit);
    }
  });
});

describe('the key tables', () => {
  const vocabularies = Object.fromEntries(
    Object.entries(keys).filter(([name, v]) => /(_KEYS|SECTIONS)$/.test(name) && typeof v === 'object'),
  ) as Record<string, keys.Vocabulary>;

  it('document every vocabulary in src/case/keys.ts, once in each language', () => {
    const named = markers('keys').map((m) => m[1]);
    expect([...new Set(named)].sort()).toEqual(Object.keys(vocabularies).sort());
    for (const name of Object.keys(vocabularies)) expect(named.filter((n) => n === name), name).toHaveLength(2);
  });

  it.each(markers('keys').map((m) => [m[1] ?? '', m.index!] as const))('%s (at offset %i) lists exactly its keys and aliases', (name, at) => {
    const vocab = get(vocabularies, name);
    const rows = tableAfter(GUIDE, at);
    const n = (s: string) => keys.normalise(s.replace(/^#\s*/, ''));
    const listed = new Map(rows.map((cells) => [n(ticked(cells[0])[0] ?? ''), ticked(cells[1]).map(n).sort()]));
    const expected = new Map(Object.entries(vocab).map(([k, aliases]) => [n(k), [...aliases].map(n).sort()]));
    expect(rows.length, name).toBe(expected.size);
    expect(listed).toEqual(expected);
  });
});

describe('the template', () => {
  it('checks clean against the AliExpress rulebook and is playable', () => {
    const r = checkCase(TEMPLATE, { file: 'scenarios/_template.md', rulebooks: shippedRulebooks });
    expect(codesOf(r.diagnostics)).toEqual([]);
    assert.isDefined(r.value, 'the template checks');
    // Something to learn from: a path that passes and one that fails.
    const results = allPaths(r.value).results;
    expect(results.some((x) => x.passed)).toBe(true);
    expect(results.some((x) => !x.passed)).toBe(true);
  });

  it('is linked from the start page and both references, and copied into none of them', () => {
    expect(START).toContain('](_template.md)');
    for (const text of Object.values(REFERENCES)) expect(text).toContain('](../_template.md)');
    const body = TEMPLATE.replace(/\n$/, '');
    const firstNode = body.slice(body.indexOf('\n## '), body.indexOf('\n', body.indexOf('\n## ') + 1));
    for (const f of fences(GUIDE)) {
      expect(f.body).not.toBe(body);
      expect(f.body.includes(body.slice(0, 200)), 'the template front matter copied').toBe(false);
    }
    expect(firstNode.length).toBeGreaterThan(3);
  });

  it('is not shipped as a case, which is why it is checked here', () => {
    const { cases } = collect([join(ROOT, 'scenarios')]);
    expect(cases.map((f) => f.split(/[\\/]/).at(-1))).not.toContain('_template.md');
    expect(cases.map((f) => f.split(/[\\/]/).at(-1))).not.toContain('README.md');
    // Nor is the guide beside it.
    expect(cases.filter((f) => /[\\/]guide[\\/]/.test(f))).toEqual([]);
  });

  it('gives the sample validate output the checker really prints for the two typos described', () => {
    const typo = TEMPLATE.replace('   - next: tracking\n', '   - next: trackng\n').replace('\n# Endings\n', '\n# Ending\n');
    expect(typo).not.toBe(TEMPLATE);
    const r = checkCase(typo, { file: 'scenarios/my-case.md', rulebooks: shippedRulebooks });
    const list = sortDiagnostics(r.diagnostics);
    for (const lang of ['zh', 'en'] as const) {
      const sample = fences(REFERENCES[lang]).filter((f) => f.info === `text validate-${lang}`);
      expect(sample, lang).toHaveLength(1);
      const lines = nth(sample, 0).body.split('\n');
      const blank = lines.indexOf('');
      expect(lines.slice(0, blank).join('\n')).toBe(list.map((d) => formatDiagnostic(d, lang)).join('\n'));
      const errors = list.filter((d) => d.severity === 'error').length;
      expect(lines[blank + 1]).toContain(lang === 'zh' ? `${errors} 个错误，${list.length - errors} 个警告` : `${errors} error(s), ${list.length - errors} warning(s)`);
    }
  });
});

describe('the guide\'s shape', () => {
  it('has a short bilingual start page with a table of contents per language, linking every part', () => {
    expect(START.split('\n').length).toBeLessThan(120);
    for (const heading of ['## 中文', '### 目录', '## English', '### Contents']) expect(START).toContain(`\n${heading}\n`);
    for (const link of ['guide/zh.md', 'guide/en.md', 'guide/diagnostics.md', '_template.md']) expect(START).toContain(`](${link})`);
  });

  it('gives each reference a table of contents whose links match its section headings', () => {
    for (const text of Object.values(REFERENCES)) {
      const headings = text.split('\n').filter((l) => /^## \d+\./.test(l)).map((l) => l.slice(3));
      const toc = [...text.matchAll(/^- \[(\d+\.[^\]]*)\]\(#/gm)].map((m) => m[1]);
      expect(toc).toEqual(headings);
      expect(headings.length).toBeGreaterThan(20);
    }
  });

  it('shows the studio and npm run paths with a screenshot each, and the files exist', () => {
    for (const text of Object.values(REFERENCES))
      for (const shot of ['studio.png', 'paths.png']) {
        expect(text).toContain(`](../../static/screenshots/${shot})`);
        expect(existsSync(join(ROOT, 'static/screenshots', shot))).toBe(true);
      }
  });

  it('keeps a marked place in the reference and the catalogue for further keys and codes', () => {
    for (const text of Object.values(REFERENCES)) expect(text).toMatch(/## 23\. /);
    expect(CATALOGUE_FILE).toContain('<!-- 新增代码的说明放在这里');
  });
});

describe('the worked example', () => {
  const seed = loadCase('scenarios', 'aliexpress-price-drop.md');
  const results = allPaths(seed).results;
  const table = (name: string) => markers('seed').filter((m) => m[1] === name).map((m) => tableAfter(GUIDE, m.index!));

  it('shows the real path with the scores the engine gives it', () => {
    const path = realPath(seed);
    const steps = replay(seed, path.map((s) => s.reply))!.path;
    const tables = table('real-path');
    expect(tables).toHaveLength(2);
    for (const rows of tables) {
      expect(rows[0]?.at(-1)).toBe(String(seed.startSatisfaction));
      const turns = rows.slice(1);
      expect(turns.map((c) => ticked(c[1])[0])).toEqual(path.map((s) => s.node));
      expect(turns.map((c) => Number(c.at(-2)))).toEqual(steps.map((s) => s.delta));
      expect(turns.map((c) => Number(c.at(-1)))).toEqual(steps.map((s) => s.satisfactionAfter));
    }
  });

  it('lists other paths whose ending and scores some real path through the case has', () => {
    const tables = table('other-paths');
    expect(tables).toHaveLength(2);
    for (const rows of tables)
      for (const cells of rows) {
        const [ending, sat, comp, verdict = ''] = [ticked(cells[1])[0], Number(cells[2]), Number(cells[3]), cells[4]];
        const passed = /^(通过|passed)/.test(verdict);
        expect(passed || /^(不通过|failed)/.test(verdict), verdict).toBe(true);
        const found = results.some((r) => r.ending === ending && r.satisfaction === sat && r.compliance === comp && r.passed === passed);
        expect(found, `${cells[0]}: ${ending} ${sat} ${comp} ${verdict}`).toBe(true);
      }
  });

  it('names every node and ending of the seed case', () => {
    const lines = markers('seed')
      .filter((m) => m[1] === 'all-ids')
      .map((m) => GUIDE.slice(m.index!).split('\n')[1]);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const [nodes, endings] = (line ?? '').split(/\*\*(?:全部结局：|All endings:)\*\*/);
      expect(ticked(nodes)).toEqual(Object.keys(seed.nodes));
      expect(ticked(endings)).toEqual(Object.keys(seed.endings));
    }
  });
});
