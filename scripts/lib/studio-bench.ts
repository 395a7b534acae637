/**
 * The studio's figures for `npm run bench`: what one keystroke costs in a 300-node case (check,
 * editor marks, diagram model, diagram layout reusing its ranking), what a full layout costs when
 * the shape changes, and how large and quick a share link is.
 */
import { Text } from '@codemirror/state';
import { performance } from 'node:perf_hooks';
import type { Rulebook } from '../../src/case/types.ts';
import { checkCase } from '../../src/engine/check.ts';
import { toEditorDiagnostics } from '../../src/ui/studio/editor-marks.ts';
import { layoutGraph, type LayoutCache } from '../../src/ui/studio/graph-layout.ts';
import { graphModel } from '../../src/ui/studio/graph-model.ts';
import { decodeCase, encodeCase } from '../../src/ui/studio/share-link.ts';
import { generateCase } from './generate.ts';
import { mark, median } from './stats.ts';

const ms = (x: number) => `${x.toFixed(1)} ms`;

function times(repeats: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

export function benchStudio(rulebook: Rulebook): void {
  const rulebooks = { bench: rulebook };
  console.log('\nStudio (main thread, after the 150 ms typing pause)');
  const source = generateCase(300);
  // One keystroke: a letter typed into a feedback, then a typo in a `next` (the error path).
  const typed = source.replace('feedback: good', 'feedback: goodX');
  const typo = source.replace('next: n150', 'next: n15O');
  const cache: LayoutCache = {};
  layoutGraph(graphModel(checkCase(source, { rulebooks }).value!), cache);
  const parts = { check: [] as number[], marks: [] as number[], model: [] as number[], layout: [] as number[] };
  const total = times(21, (i) => {
    const text = i % 2 === 0 ? typed : typo;
    let t = performance.now();
    const r = checkCase(text, { rulebooks });
    parts.check.push(performance.now() - t);
    t = performance.now();
    toEditorDiagnostics(Text.of(text.split('\n')), r.diagnostics, 'en');
    parts.marks.push(performance.now() - t);
    if (!r.value) return;
    t = performance.now();
    const model = graphModel(r.value);
    parts.model.push(performance.now() - t);
    t = performance.now();
    layoutGraph(model, cache);
    parts.layout.push(performance.now() - t);
  });
  const keystroke = median(total);
  console.log(
    `  keystroke at 300 nodes: ${ms(keystroke)} ${mark(keystroke < 50)} (goal < 50 ms) — check ${ms(median(parts.check))}, marks ${ms(median(parts.marks))}, diagram model ${ms(median(parts.model))}, layout (ranking reused) ${ms(median(parts.layout))}`,
  );
  for (const n of [100, 300]) {
    const model = graphModel(checkCase(generateCase(n), { rulebooks }).value!);
    const full = median(times(5, () => layoutGraph(model)));
    console.log(`  full diagram layout, ${n} nodes: ${ms(full)} ${mark(full < (n === 100 ? 150 : 500))}`);
  }
  const encoded = encodeCase(source);
  if (encoded.ok) {
    const enc = median(times(5, () => encodeCase(source)));
    const dec = median(times(5, () => decodeCase(encoded.token)));
    console.log(`  share link, 300 nodes (${Math.round(source.length / 1000)} kB): ${(encoded.token.length / 1000).toFixed(1)} k characters, encode ${ms(enc)}, decode ${ms(dec)}`);
  } else console.log(`  share link, 300 nodes: too large (${encoded.problem})`);
}
