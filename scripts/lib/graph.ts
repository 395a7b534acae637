import type { Rulebook } from '../../src/case/types.ts';

/** The rulebook the generated cases cite: one minor rule that the weak replies break. */
export const benchRulebook: Rulebook = {
  id: 'bench',
  platform: 'Bench',
  title: { en: 'Bench' },
  penalties: { critical: 50, major: 20, minor: 10 },
  rules: { 'P-X': { id: 'P-X', severity: 'minor', text: { en: 'x', zh: 'x' }, source: 'https://example.org', asOf: '2024-01-01' } },
};

export interface CaseOptions {
  /** Rulebook id and one of its rules that the weak replies break. */
  rulebook?: string;
  rule?: string;
  platform?: string;
}

/**
 * One generated dialogue graph written two ways — as a case file and as an ink story — so the
 * benchmark compares like with like: N nodes, one customer line each, three replies (one onward,
 * two back to earlier nodes, chosen by a seeded generator so every run is the same).
 */

export interface BenchGraph {
  nodes: { id: string; line: string; replies: { text: string; to: string; good: boolean }[] }[];
}

export function generateGraph(n: number): BenchGraph {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const nodes: BenchGraph['nodes'] = [];
  for (let i = 0; i < n; i++) {
    const replies = [{ text: `Reply onward from ${i}.`, to: i + 1 < n ? `n${i + 1}` : 'done', good: true }];
    for (const k of [2, 3]) replies.push({ text: `Another reply ${k} at ${i}.`, to: `n${Math.floor(rand() * (i + 1))}`, good: false });
    nodes.push({ id: `n${i}`, line: `Customer message number ${i}, asking about the order.`, replies });
  }
  return { nodes };
}

/** The onward reply at node i reads "Reply onward from i.", so a browser script can find it. */
export function graphToCase(g: BenchGraph, options: CaseOptions = {}): string {
  const { rulebook = 'bench', rule = 'P-X', platform = 'Bench' } = options;
  const out = [
    '---', `id: bench-${g.nodes.length}`, 'title: {en: Bench}', `platform: ${platform}`, `rulebook: ${rulebook}`,
    'order: {number: "1", item: x, amount: 10.00, currency: USD, created: 2024-01-01, status: shipped, dispute reason: x}',
    'customer: {name: A}', 'seller: {name: B}', 'start: n0', 'satisfaction: 60', '---', '', '# Dialogue', '',
  ];
  for (const node of g.nodes) {
    out.push(`## ${node.id}`, '', `> ${node.line}`, '');
    node.replies.forEach((r, k) => {
      out.push(`${k + 1}. ${r.text}`, `   - next: ${r.to}`, `   - satisfaction: ${r.good ? '+1' : '-1'}`);
      if (!r.good) out.push(`   - breaks: ${rule}`);
      out.push(`   - feedback: ${r.good ? 'good' : 'weak'}`);
    });
    out.push('');
  }
  out.push('# Endings', '', '## done', '- result: resolved', '- outcome: done', '');
  return out.join('\n');
}

export function graphToInk(g: BenchGraph): string {
  const out = ['-> n0', ''];
  for (const node of g.nodes) {
    out.push(`=== ${node.id} ===`, node.line);
    for (const r of node.replies) out.push(`+ [${r.text}] -> ${r.to === 'done' ? 'done' : r.to}`);
    out.push('');
  }
  out.push('=== done ===', 'Resolved.', '-> END', '');
  return out.join('\n');
}
