/**
 * Structural checks on the case graph, ignoring conditions and scores: the start exists, every
 * node offers a way on, everything is reachable, and no part of the graph is a loop with no exit.
 *
 * A missing target has already been reported where it is written, so such an edge counts as
 * "leads somewhere" here: one typo, one diagnostic.
 */
import type { Reporter } from './diagnostics.ts';
import { nearest } from './keys.ts';
import type { CaseNode, Ending } from './types.ts';


export function checkGraph(
  start: string | undefined,
  startAt: { line: number; column: number },
  nodes: Record<string, CaseNode>,
  endings: Record<string, Ending>,
  report: Reporter,
): void {
  // A target that does not exist was reported where it is written; follow it to the id it was
  // most likely meant to be, so the typo does not also make that node "unreachable".
  const ids = [...Object.keys(nodes), ...Object.keys(endings)];
  // Sets, not `in` on the case's objects: many of these lookups miss, and a miss on a large plain
  // object is slow.
  const known = new Set(ids);
  const isNode = new Set(Object.keys(nodes));
  const resolve = (t: string) => (known.has(t) ? t : (nearest(t, ids) ?? t));
  const edgeLists = new Map<string, string[]>();
  for (const node of Object.values(nodes)) {
    const list: string[] = [];
    for (const r of node.replies) if (r.next) list.push(resolve(r.next));
    for (const d of node.redirects) if (d.to) list.push(resolve(d.to));
    edgeLists.set(node.id, list);
  }
  const edges = (node: CaseNode): string[] => edgeLists.get(node.id)!;

  for (const node of Object.values(nodes))
    if (!node.replies.length)
      report.report('DEAD_END', node.at.line, node.at.column, { id: node.id }, {
        zh: '给这个节点加上编号回复（1. …），或把它移到 # Endings 下作为结局。',
        en: 'Give this node numbered replies (1. …), or move it under # Endings as an ending.',
      });

  if (!start) return;
  if (!isNode.has(start)) {
    report.report('START_NOT_FOUND', startAt.line, startAt.column, { id: start }, {
      zh: `把 start 改成 # Dialogue 下第一个节点的编号${Object.keys(nodes)[0] ? `（如 ${Object.keys(nodes)[0]}）` : ''}。`,
      en: `Set start to the id of the first node under # Dialogue${Object.keys(nodes)[0] ? ` (e.g. ${Object.keys(nodes)[0]})` : ''}.`,
    });
    return;
  }

  const reached = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const node = nodes[queue.pop()!];
    if (!node) continue;
    for (const t of edges(node))
      if (!reached.has(t) && known.has(t)) {
        reached.add(t);
        queue.push(t);
      }
  }
  for (const item of [...Object.values(nodes), ...Object.values(endings)])
    if (!reached.has(item.id))
      report.report('UNREACHABLE', item.at.line, item.at.column, { id: item.id }, {
        zh: `让某条回复的 next 指向 ${item.id}，或删掉它。`,
        en: `Point some reply's next at ${item.id}, or remove it.`,
      });

  // Reverse reachability: which nodes can still get to an ending (or to an already reported problem)?
  const incoming = new Map<string, string[]>();
  for (const node of Object.values(nodes))
    for (const t of edges(node)) {
      const list = incoming.get(t);
      if (list) list.push(node.id);
      else incoming.set(t, [node.id]);
    }
  const canEnd = new Set<string>(Object.keys(endings));
  for (const node of Object.values(nodes))
    if (!node.replies.length || edges(node).some((t) => !known.has(t))) canEnd.add(node.id);
  const back = [...canEnd];
  while (back.length)
    for (const from of incoming.get(back.pop()!) ?? [])
      if (!canEnd.has(from)) {
        canEnd.add(from);
        back.push(from);
      }

  const trapped = Object.values(nodes)
    .filter((n) => reached.has(n.id) && !canEnd.has(n.id))
    .sort((a, b) => a.at.line - b.at.line);
  const reported = new Set<string>();
  for (const node of trapped) {
    if (reported.has(node.id)) continue;
    report.report('NO_WAY_TO_END', node.at.line, node.at.column, { id: node.id }, {
      zh: '让这组节点中至少一条回复的 next 指向结局或能到达结局的节点。',
      en: 'Give at least one reply in this loop a next that leads to an ending.',
    });
    const stack = [node.id];
    while (stack.length) {
      const id = stack.pop()!;
      if (reported.has(id)) continue;
      reported.add(id);
      for (const t of edges(nodes[id])) if (isNode.has(t) && !canEnd.has(t)) stack.push(t);
    }
  }
}
