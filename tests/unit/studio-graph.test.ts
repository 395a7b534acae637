/** The studio's diagram as data and geometry, its template, and where diagnostics land in the editor. */
import { Text } from '@codemirror/state';
import { assert, describe, expect, it } from 'vitest';
import { loadRulebooks } from '../../src/build/scenarios.ts';
import type { Case, Rulebook } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import { toEditorDiagnostics } from '../../src/ui/studio/editor-marks.ts';
import { entryAtLine, flagsOf, graphModel } from '../../src/ui/studio/graph-model.ts';
import { labelBox, layoutGraph, type LayoutCache } from '../../src/ui/studio/graph-layout.ts';
import { loadCase } from './helpers.ts';
import { TEMPLATE } from '../../src/ui/studio/template.ts';
import { generateCase } from '../../scripts/lib/generate.ts';
import { get } from '../fixtures/present.ts';

const { rulebooks } = loadRulebooks('scenarios/rulebooks');
const bench: Rulebook = {
  id: 'bench',
  platform: 'Bench',
  title: { en: 'Bench' },
  penalties: { critical: 50, major: 20, minor: 10 },
  rules: { 'P-X': { id: 'P-X', severity: 'minor', text: { en: 'x' }, source: 'https://example.org', asOf: '2024-01-01' } },
};

function compile(source: string, books: Record<string, Rulebook> = rulebooks): Case {
  const r = checkCase(source, { rulebooks: books });
  if (!r.value) throw new Error(r.diagnostics.map((d) => `${d.line} ${d.code}`).join('\n'));
  return r.value;
}

const template = compile(TEMPLATE);

describe('the studio template', () => {
  it('passes the checker with no diagnostic at all', () => {
    expect(checkCase(TEMPLATE, { rulebooks }).diagnostics).toEqual([]);
  });
});

describe('graph model', () => {
  const model = graphModel(template);
  const edge = (id: string) => model.edges.find((e) => e.id === id)!;

  it('has a box for every node and ending, with the start, endings and real path marked', () => {
    expect(model.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['first-message', 'node'],
      ['tracking', 'node'],
      ['waiting', 'node'],
      ['solved', 'ending'],
      ['escalated', 'ending'],
      ['lost', 'ending'],
    ]);
    const byId = Object.fromEntries(model.nodes.map((n) => [n.id, n]));
    expect(byId['first-message']?.start).toBe(true);
    expect(byId['first-message']?.line).toBe(template.nodes['first-message']?.at.line);
    expect(byId.solved).toMatchObject({ result: 'resolved', real: true });
    expect(byId.escalated).toMatchObject({ result: 'escalated', real: false });
    expect(model.nodes.every((n) => n.reachable)).toBe(true);
  });

  it('classes every reply by its effect, a broken rule first, with a label that says so', () => {
    expect(edge('first-message.1')).toMatchObject({ effect: 'gain', label: '+10', real: true, to: 'tracking' });
    expect(edge('first-message.2')).toMatchObject({ effect: 'broken', label: '+15 ✕ P-EARLY-CONFIRM', real: false });
    expect(edge('waiting.2')).toMatchObject({ effect: 'gain', label: '+15 if not apologised', condition: 'not apologised' });
    expect(edge('tracking→go to.1')).toMatchObject({ effect: 'redirect', from: 'tracking', to: 'escalated', label: 'if satisfaction < 30' });
    const zero = compile(TEMPLATE.replace('   - satisfaction: +20\n', '   - satisfaction: 0\n').replace('   - satisfaction: -25\n', '   - satisfaction: -5\n   - follows: P-TRUTHFUL\n').replace('   - breaks: P-RESPECT\n', ''));
    const m = graphModel(zero);
    expect(m.edges.find((e) => e.id === 'tracking.1')?.effect).toBe('neutral');
    expect(m.edges.find((e) => e.id === 'waiting.3')?.effect).toBe('loss');
  });

  it('marks what cannot be reached from the start', () => {
    const orphan = TEMPLATE.replace('# Endings', '## orphan\n\n> Nobody comes here.\n\n1. Hello.\n   - next: solved\n   - feedback: x\n\n# Endings');
    const m = graphModel(compile(orphan));
    expect(m.nodes.find((n) => n.id === 'orphan')?.reachable).toBe(false);
    expect(m.edges.find((e) => e.from === 'orphan')?.reachable).toBe(false);
    expect(m.nodes.filter((n) => !n.reachable).map((n) => n.id)).toEqual(['orphan']);
  });

  it('collects the flags a case sets or tests, and finds the entry at a line', () => {
    expect(flagsOf(template)).toEqual(['apologised']);
    const waiting = get(template.nodes, 'waiting').at.line;
    expect(entryAtLine(model, waiting + 3)).toBe('waiting');
    expect(entryAtLine(model, 1)).toBeUndefined();
  });

  it('finds back edges so that the forward ones form no cycle', () => {
    const big = graphModel(compile(generateCase(100), { bench }));
    expect(big.nodes).toHaveLength(101);
    expect(big.edges).toHaveLength(300);
    const back = big.edges.filter((e) => e.back);
    expect(back.length).toBeGreaterThan(100);
    // Kahn's algorithm over forward edges must order every node.
    const indegree = new Map(big.nodes.map((n) => [n.id, 0]));
    const forward = big.edges.filter((e) => !e.back);
    for (const e of forward) indegree.set(e.to, indegree.get(e.to)! + 1);
    const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
    let seen = 0;
    while (queue.length) {
      const id = queue.pop()!;
      seen++;
      for (const e of forward.filter((f) => f.from === id)) {
        indegree.set(e.to, indegree.get(e.to)! - 1);
        if (indegree.get(e.to) === 0) queue.push(e.to);
      }
    }
    expect(seen).toBe(101);
  });
});

describe('graph layout', () => {
  it('lays out 100 nodes with no two boxes overlapping, every arrow drawn', () => {
    const model = graphModel(compile(generateCase(100), { bench }));
    const layout = layoutGraph(model);
    expect(layout.nodes).toHaveLength(101);
    for (const [i, a] of layout.nodes.entries())
      for (const b of layout.nodes.slice(i + 1))
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    expect(layout.edges.every((e) => /^M[\d.-]+,[\d.-]+ /.test(e.path))).toBe(true);
    for (const n of layout.nodes) expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
    for (const e of layout.edges) expect(e.labelX).toBeLessThan(layout.width);
  });

  it('reuses the ranking while only texts and scores change, and ranks again when an arrow moves', () => {
    const cache: LayoutCache = {};
    const first = layoutGraph(graphModel(template), cache);
    const centres = cache.centres;
    const edited = layoutGraph(graphModel(compile(TEMPLATE.replace('satisfaction: +20', 'satisfaction: +25'))), cache);
    expect(cache.centres).toBe(centres);
    expect(edited.nodes.map((n) => [n.x, n.y])).toEqual(first.nodes.map((n) => [n.x, n.y]));
    layoutGraph(graphModel(compile(TEMPLATE.replace('- next: lost', '- next: escalated').replace(/\n## lost[\s\S]*?(?=\n# Analysis)/, '\n'))), cache);
    expect(cache.centres).not.toBe(centres);
  });
});

describe('diagnostics in the editor', () => {
  it('cover the word a diagnostic points at, or the whole line when it points past the end', () => {
    const doc = Text.of(['---', '   - next: solvd', 'end']);
    const d = { code: 'TARGET_NOT_FOUND' as const, severity: 'error' as const, file: 'x.md', line: 2, column: 12, message: { zh: '找不到', en: 'Not found' }, hint: { zh: '改', en: 'Did you mean solved?' } };
    const [mark] = toEditorDiagnostics(doc, [d], 'en');
    assert.isDefined(mark, 'the diagnostic is marked');
    expect(doc.sliceString(mark.from, mark.to)).toBe('solvd');
    expect(mark).toMatchObject({ severity: 'error', source: 'TARGET_NOT_FOUND', message: 'Not found — Did you mean solved?' });
    const [past] = toEditorDiagnostics(doc, [{ ...d, line: 3, column: 40 }], 'zh');
    assert.isDefined(past, 'a diagnostic past the end of its line is marked');
    expect(doc.sliceString(past.from, past.to)).toBe('end');
    expect(past.message).toBe('找不到 — 改');
    const [beyond] = toEditorDiagnostics(doc, [{ ...d, line: 99, column: 1 }], 'en');
    assert.isDefined(beyond, 'a diagnostic past the end of the file is marked');
    expect(beyond.from).toBe(doc.line(3).from);
  });
});

describe('labels in the diagram', () => {
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it.each([
    ['the price-drop case', () => loadCase('scenarios', 'aliexpress-price-drop.md')],
    ['a generated case of 30 nodes', () => compile(generateCase(30), { bench })],
  ])('%s: no drawn label overlaps a box or another label, or leaves the drawing', (_, make) => {
    const layout = layoutGraph(graphModel(make()));
    const shown = layout.edges.filter((e) => e.labelShown);
    const boxes = shown.map((e) => labelBox(e.labelX, e.labelY, e.label));
    expect(shown.every((e) => e.labelAnchor === 'middle')).toBe(true);
    for (const [i, b] of boxes.entries()) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
      for (const n of layout.nodes) expect(overlap(b, n), `${shown[i]?.id} over ${n.id}`).toBe(false);
      for (const [j, c] of boxes.entries()) if (j > i) expect(overlap(b, c), `${shown[i]?.id} and ${shown[j]?.id}`).toBe(false);
    }
    // Most labels find a place; the rest are in their arrows' tooltips.
    const labelled = layout.edges.filter((e) => !e.back && e.label);
    expect(shown.length / labelled.length).toBeGreaterThan(0.6);
  });
});

describe('the overview for fitting a wide case', () => {
  it('draws the same boxes smaller, ids only and no arrow labels, in well under the full width', () => {
    const model = graphModel(loadCase('scenarios', 'aliexpress-price-drop.md'));
    const whole = layoutGraph(model);
    const overview = layoutGraph(model, {}, { compact: true });
    expect(overview.nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
    expect(overview.edges.some((e) => e.labelShown)).toBe(false);
    expect(overview.width).toBeLessThan(whole.width * 0.7);
    for (const [i, a] of overview.nodes.entries())
      for (const b of overview.nodes.slice(i + 1))
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });
});
