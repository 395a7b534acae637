/**
 * The nodes and endings of a case numbered once, in the order the case's records list them, so the
 * graph checks look each id up once and then work with numbers: nodes are 0 … nodes.length − 1,
 * endings follow.
 */
import type { CaseNode, Ending } from './types.ts';

export interface CaseIds {
  nodes: CaseNode[];
  endings: Ending[];
  /** Node or ending id → its number. */
  index: Map<string, number>;
  /** Every id, nodes then endings: the candidates for "did you mean". */
  names: string[];
}

export function numberIds(nodes: CaseNode[], endings: Ending[]): CaseIds {
  const names = [...nodes.map((n) => n.id), ...endings.map((e) => e.id)];
  const index = new Map(names.map((id, i) => [id, i]));
  return { nodes, endings, index, names };
}
