/**
 * The nodes and endings of a case numbered once, in the order the case's records list them, so the
 * graph checks and the path explorer (`src/engine/explore.ts`) look each id up once and then work
 * with numbers: nodes are 0 … nodes.length − 1, endings follow.
 */
import type { CaseNode, Ending } from './types.ts';

export interface CaseIds {
  nodes: CaseNode[];
  endings: Ending[];
  /** Node or ending id → its number. */
  index: Map<string, number>;
  /**
   * For the path explorer: node i's replies are numbered from replyStart[i], in order; the number
   * of the node or ending each one's `next` names is replyTarget[reply] (−1: no such id).
   */
  replyStart: Int32Array;
  replyTarget: Int32Array;
  /** Every id, nodes then endings: the candidates for "did you mean". */
  names: string[];
}

export function numberIds(nodes: CaseNode[], endings: Ending[]): CaseIds {
  const names = [...nodes.map((n) => n.id), ...endings.map((e) => e.id)];
  const index = new Map(names.map((id, i) => [id, i]));
  return { nodes, endings, index, names, ...numberTargets(nodes, index) };
}

/** Every reply's `next` looked up once, for the state walk that follows them many times. */
export function numberTargets(nodes: CaseNode[], index: Map<string, number>): { replyStart: Int32Array; replyTarget: Int32Array } {
  const replyStart = new Int32Array(nodes.length + 1);
  nodes.forEach((node, i) => (replyStart[i + 1] = (replyStart[i] ?? 0) + node.replies.length));
  const replies = nodes.flatMap((node) => node.replies);
  const replyTarget = new Int32Array(replies.length);
  replies.forEach((r, k) => (replyTarget[k] = index.get(r.next) ?? -1));
  return { replyStart, replyTarget };
}
