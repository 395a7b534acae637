/**
 * The nodes and endings of a case numbered once, in the order their records list them, so that
 * the graph checks and the reference checks look each id up once and then work with numbers.
 *
 * Nodes come first (0 … nodes.length − 1), then endings. A large case has thousands of ids; a
 * Map lookup per reference and arrays for the walks keep the checks linear in the size of the case.
 */
import type { CaseNode, Ending } from './types.ts';

export interface CaseIds {
  nodes: CaseNode[];
  endings: Ending[];
  /** Node or ending id → its number. */
  index: Map<string, number>;
  /** Node i's replies are numbered from replyStart[i], in order; the number of each one's `next` is replyTarget[reply] (−1: no such id). */
  replyStart: Int32Array;
  replyTarget: Int32Array;
  /** Every id, nodes then endings, as candidates for "did you mean" (built on first use). */
  names(): string[];
}

/**
 * `nodesRead` and `endingsRead` are the entries in the order they were read. A record lists
 * integer-like keys (`## 12`) first and has no own `__proto__` key; when such an id occurs the
 * records' own order is used, so every list and every message order stays that of the records.
 */
export function numberIds(
  nodeRecord: Record<string, CaseNode>,
  endingRecord: Record<string, Ending>,
  nodesRead: CaseNode[],
  endingsRead: Ending[],
  claimed?: Map<string, number>,
): CaseIds {
  const usual = !unusualKeys(nodesRead) && !unusualKeys(endingsRead);
  const nodes = usual ? nodesRead : Object.values(nodeRecord);
  const endings = usual ? endingsRead : Object.values(endingRecord);
  // `claimed` (id → line, from reading) has exactly these ids: its values are replaced with the
  // numbers rather than a second map of thousands of ids being built.
  const index = usual && claimed ? claimed : new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i].id, i);
  for (let i = 0; i < endings.length; i++) index.set(endings[i].id, nodes.length + i);
  let names: string[] | undefined;
  return {
    nodes,
    endings,
    index,
    ...numberTargets(nodes, index),
    names: () => (names ??= [...nodes.map((n) => n.id), ...endings.map((e) => e.id)]),
  };
}

/** Every reply's `next` looked up once, for the checks and the state walk that each follow them. */
export function numberTargets(nodes: CaseNode[], index: Map<string, number>): { replyStart: Int32Array; replyTarget: Int32Array } {
  const replyStart = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) replyStart[i + 1] = replyStart[i] + nodes[i].replies.length;
  const replyTarget = new Int32Array(replyStart[nodes.length]);
  for (let i = 0, k = 0; i < nodes.length; i++) for (const r of nodes[i].replies) replyTarget[k++] = index.get(r.next) ?? -1;
  return { replyStart, replyTarget };
}

function unusualKeys(items: { id: string }[]): boolean {
  for (const { id } of items) {
    const c = id.charCodeAt(0);
    if ((c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(id)) || id === '__proto__') return true;
  }
  return false;
}
