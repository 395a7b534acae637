/**
 * Property-based tests of the case reader: whatever it is fed it never throws, every diagnostic
 * points inside the file, and a valid case survives being written out and read back.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRulebook } from '../../src/case/rulebook.ts';
import type { Case, Diagnostic } from '../../src/case/types.ts';
import { writeCase } from '../../src/case/write.ts';
import { checkCase } from '../../src/engine/check.ts';

const testRules = parseRulebook(readFileSync('tests/fixtures/cases/rulebooks/test.md', 'utf8')).value!;
const aliexpress = parseRulebook(readFileSync('scenarios/rulebooks/aliexpress.md', 'utf8')).value!;
const rulebooks = { test: testRules, aliexpress };
const VALID = readFileSync('tests/fixtures/cases/valid.md', 'utf8');
const SEED = readFileSync('scenarios/aliexpress-price-drop.md', 'utf8');

const check = (source: string) => checkCase(source, { file: 'prop.md', rulebooks });

function insideFile(source: string, diagnostics: Diagnostic[]): boolean {
  const lines = source.split(/\r\n|\r|\n/).length;
  return diagnostics.every((d) => Number.isInteger(d.line) && d.line >= 1 && d.line <= lines && d.column >= 1 && !!d.message.zh && !!d.message.en);
}

/** The case without source positions, which change when a file is rewritten. */
function withoutPositions(c: Case): unknown {
  return JSON.parse(JSON.stringify(c, (key, value) => (key === 'at' ? undefined : value)));
}

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swap'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'cut'; at: number; length: number };

/** Edits an author might make by accident: delete, duplicate or swap lines, insert or delete characters. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(':', '：', '-', '#', '>', '1.', '  ', '\t', '{', '"', '\u0000', '满意度', '---', '\n', 'next: x') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(source: string, edits: Mutation[]): string {
  let s = source;
  for (const m of edits) {
    const lines = s.split('\n');
    const i = m.at % Math.max(1, lines.length);
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.kind === 'swap' && i + 1 < lines.length) lines.splice(i, 2, ...lines.slice(i, i + 2).reverse());
    else if (m.kind === 'insert') {
      const at = m.at % Math.max(1, s.length);
      s = s.slice(0, at) + m.text + s.slice(at);
      continue;
    } else if (m.kind === 'cut') {
      const at = m.at % Math.max(1, s.length);
      s = s.slice(0, at) + s.slice(at + m.length);
      continue;
    }
    s = lines.join('\n');
  }
  return s;
}

describe('the case reader never throws', { timeout: 60_000 }, () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (source) => {
        const r = check(source);
        expect(insideFile(source, r.diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on text that starts like a case', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (head, body) => {
        const source = `---\n${head}\n---\n# Dialogue\n${body}`;
        expect(insideFile(source, check(source).diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on valid cases with random edits, and reports an error whenever it returns no case', () => {
    fc.assert(
      fc.property(fc.constantFrom(VALID, SEED), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, edits) => {
        const source = mutate(base, edits);
        const r = check(source);
        expect(insideFile(source, r.diagnostics)).toBe(true);
        const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
        expect(r.value === undefined ? errors > 0 : errors === 0).toBe(true);
      }),
      { numRuns: 250 },
    );
  });
});

describe('hostile files', { timeout: 60_000 }, () => {
  it('refuses a huge file with a clear message, without reading it', () => {
    const r = check(`${VALID}\n${'x'.repeat(10_000_001)}`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CASE_TOO_LARGE']);
  });

  it('survives deeply nested YAML and Markdown', () => {
    const yamlBomb = `---\nid: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    expect(insideFile(yamlBomb, check(yamlBomb).diagnostics)).toBe(true);
    const quotes = `${VALID}\n${'> '.repeat(5000)}deep\n${'   - '.repeat(2000)}x\n`;
    expect(insideFile(quotes, check(quotes).diagnostics)).toBe(true);
    const aliases = `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n`;
    expect(insideFile(aliases, check(aliases).diagnostics)).toBe(true);
  });

  it('refuses binary content', () => {
    const r = check(`\u0000\u0001PNG\r\n\u001a\n${'\u00ff'.repeat(100)}`);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('a valid case survives a round trip', { timeout: 60_000 }, () => {
  it('for the shipped and fixture cases', () => {
    for (const source of [VALID, SEED]) {
      const checked = check(source);
      const first = checked.value!;
      const again = check(writeCase(first));
      // The same diagnostics as the file it was written from (the shipped cases are held to none in golden.test.ts).
      expect(again.diagnostics.map((d) => d.code)).toEqual(checked.diagnostics.map((d) => d.code));
      expect(withoutPositions(again.value!)).toEqual(withoutPositions(first));
    }
  });

  /** A generated chain of nodes with random effects, conditions and texts. */
  const generated = fc
    .record({
      nodes: fc.integer({ min: 1, max: 8 }),
      start: fc.integer({ min: 0, max: 100 }),
      effects: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 24, maxLength: 24 }),
      words: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ,.'?!]{0,30}$/), { minLength: 24, maxLength: 24 }),
      gate: fc.integer({ min: 0, max: 100 }),
      lang: fc.constantFrom('zh', 'en'),
    })
    .map(({ nodes, start, effects, words, gate, lang }) => {
      const lines = [
        '---', 'id: generated', 'title: {zh: 生成, en: Generated}', 'platform: TestMart', 'rulebook: test', `language: ${lang}`,
        'order: {number: "1", item: Mug, amount: 20.00, currency: USD, created: 2024-03-01, status: Shipped, dispute reason: Damaged}',
        'customer: {name: Ana}', 'seller: {name: LI}', 'start: n0', `satisfaction: ${start}`, 'pass: {satisfaction: 0, compliance: 0}', '---', '', '# Dialogue', '',
      ];
      for (let i = 0; i < nodes; i++) {
        const next = i + 1 < nodes ? `n${i + 1}` : 'end';
        lines.push(`## n${i}`, '', `- go to: end if satisfaction < ${gate % 10}`, '', `> ${words[i]}`, '');
        lines.push(`1. ${words[i + 1]}`, `   - next: ${next}`, `   - satisfaction: ${effects[i]}`, '   - set: seen', `   - feedback: ${words[i + 2]}`);
        lines.push(`2. ${words[i + 3]}`, `   - next: ${next}`, `   - satisfaction: ${effects[i + 8]}`, '   - if: seen', '   - breaks: P-TIMELY', `   - feedback: ${words[i + 4]}`, '');
      }
      lines.push('# Endings', '', '## end', '- result: resolved', `- outcome: ${words[20]}`, '', `> ${words[21]}`, '');
      return lines.join('\n');
    });

  it('for generated cases', () => {
    fc.assert(
      fc.property(generated, (source) => {
        const first = check(source);
        fc.pre(first.value !== undefined);
        const again = check(writeCase(first.value!));
        expect(again.diagnostics.map((d) => d.code)).toEqual(first.diagnostics.map((d) => d.code));
        expect(withoutPositions(again.value!)).toEqual(withoutPositions(first.value!));
      }),
      { numRuns: 100 },
    );
  });
});
