/** Generated dialogue graphs for the benchmark: the same shape every run. */

export interface GenerateOptions {
  /** Rulebook id and one of its rules that the weak replies break. */
  rulebook?: string;
  rule?: string;
  platform?: string;
}

/**
 * A chain of N nodes, three replies each: one onward, two to earlier nodes (seeded, repeatable).
 * The onward reply at node i reads "Reply onward from i.", so a browser script can find it.
 */
export function generateCase(n: number, options: GenerateOptions = {}): string {
  const { rulebook = 'bench', rule = 'P-X', platform = 'Bench' } = options;
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out = [
    '---', `id: bench-${n}`, 'title: {en: Bench}', `platform: ${platform}`, `rulebook: ${rulebook}`,
    'order: {number: "1", item: x, amount: 10.00, currency: USD, created: 2024-01-01, status: shipped, dispute reason: x}',
    'customer: {name: A}', 'seller: {name: B}', 'start: n0', 'satisfaction: 60', '---', '', '# Dialogue', '',
  ];
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `n${i + 1}` : 'done';
    out.push(`## n${i}`, '', `> Customer message number ${i}, asking about the *order*.`, '');
    out.push(`1. Reply onward from ${i}.`, `   - next: ${next}`, '   - satisfaction: +1', '   - feedback: good');
    for (const k of [2, 3]) {
      const back = `n${Math.floor(rand() * (i + 1))}`;
      out.push(`${k}. Another reply ${k} at ${i}.`, `   - next: ${back}`, '   - satisfaction: -1', `   - breaks: ${rule}`, '   - feedback: weak');
    }
    out.push('');
  }
  out.push('# Endings', '', '## done', '- result: resolved', '- outcome: done', '');
  return out.join('\n');
}
