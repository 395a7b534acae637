/**
 * Structural checks on the case graph, ignoring conditions and scores: the start exists, every
 * node offers a way on, everything is reachable, and no part of the graph is a loop with no exit.
 * Each check is one walk over the nodes and their replies, so a large case is checked in time
 * proportional to its size.
 *
 * A missing target has already been reported where it is written, so such an edge counts as
 * "leads somewhere" here: one typo, one diagnostic.
 */
import type { Reporter } from './diagnostics.ts';
import type { CaseIds } from './ids.ts';
import { nearest } from './keys.ts';
import type { Located } from './syntax.ts';
import type { CaseNode, Ending } from './types.ts';

/** No node or ending of that id, even after following a typo to its nearest id. */
const NOWHERE = -1;

/**
 * A target that does not exist was reported where it is written; follow it to the id it was most
 * likely meant to be, so the typo does not also make that node "unreachable".
 */
function resolve(target: string, ids: CaseIds): number {
  const known = ids.index.get(target);
  if (known !== undefined) return known;
  const guess = nearest(target, ids.names);
  return guess === undefined ? NOWHERE : (ids.index.get(guess) ?? NOWHERE);
}

/** Where each node leads: its replies' `next` and its reactions' `go to`, by number. */
function targetsOf(ids: CaseIds): number[][] {
  return ids.nodes.map((node) => [
    ...node.replies.filter((r) => r.next).map((r) => resolve(r.next, ids)),
    ...node.redirects.filter((d) => d.to).map((d) => resolve(d.to, ids)),
  ]);
}

export function checkGraph(start: string | undefined, startAt: Located, ids: CaseIds, report: Reporter): void {
  for (const node of ids.nodes)
    if (!node.replies.length)
      report.report('DEAD_END', node.at.line, node.at.column, { id: node.id }, {
        zh: '给这个节点加上编号回复（1. …），或把它移到 # Endings 下作为结局。',
        en: 'Give this node numbered replies (1. …), or move it under # Endings as an ending.',
      });
  if (!start) return;
  const first = ids.index.get(start);
  if (first === undefined || first >= ids.nodes.length) {
    const example = ids.nodes[0]?.id;
    report.report('START_NOT_FOUND', startAt.line, startAt.column, { id: start }, {
      zh: `把 start 改成 # Dialogue 下第一个节点的编号${example ? `（如 ${example}）` : ''}。`,
      en: `Set start to the id of the first node under # Dialogue${example ? ` (e.g. ${example})` : ''}.`,
    });
    return;
  }
  const targets = targetsOf(ids);
  const reached = reachable(first, targets, ids.names.length);
  ids.names.forEach((id, i) => {
    const item: CaseNode | Ending | undefined = ids.nodes[i] ?? ids.endings[i - ids.nodes.length];
    if (!reached[i] && item)
      report.report('UNREACHABLE', item.at.line, item.at.column, { id }, {
        zh: `让某条回复的 next 指向 ${id}，或删掉它。`,
        en: `Point some reply's next at ${id}, or remove it.`,
      });
  });
  reportTraps(ids.nodes, targets, reached, canEnd(ids, targets), report);
}

/** Which nodes and endings can be reached from `first`. */
function reachable(first: number, targets: number[][], total: number): boolean[] {
  const reached = new Array<boolean>(total).fill(false);
  reached[first] = true;
  const stack = [first];
  for (let i = stack.pop(); i !== undefined; i = stack.pop())
    for (const t of targets[i] ?? [])
      if (t !== NOWHERE && !reached[t]) {
        reached[t] = true;
        stack.push(t);
      }
  return reached;
}

/**
 * Which nodes can still get to an ending, walking the edges backwards from the endings. A node
 * with no replies or with a missing target counts as one that can: its problem is reported already.
 */
function canEnd(ids: CaseIds, targets: number[][]): boolean[] {
  const total = ids.names.length;
  const sources: number[][] = Array.from({ length: total }, () => []);
  targets.forEach((list, i) => list.forEach((t) => t !== NOWHERE && sources[t]?.push(i)));
  const open = (node: CaseNode, i: number) => !node.replies.length || (targets[i] ?? []).includes(NOWHERE);
  const ends = new Array<boolean>(total).fill(false);
  const back: number[] = [];
  const mark = (i: number) => {
    ends[i] = true;
    back.push(i);
  };
  for (let i = ids.nodes.length; i < total; i++) mark(i);
  ids.nodes.forEach((node, i) => open(node, i) && mark(i));
  for (let t = back.pop(); t !== undefined; t = back.pop()) for (const from of sources[t] ?? []) if (!ends[from]) mark(from);
  return ends;
}

/** Each loop with no way out, reported once, at its first node in the file. */
function reportTraps(nodes: CaseNode[], targets: number[][], reached: boolean[], ends: boolean[], report: Reporter): void {
  const trapped = nodes.flatMap((node, i) => (reached[i] && !ends[i] ? [{ node, i }] : []));
  trapped.sort((a, b) => a.node.at.line - b.node.at.line || a.i - b.i);
  const reported = new Array<boolean>(nodes.length).fill(false);
  for (const { node, i: root } of trapped) {
    if (reported[root]) continue;
    report.report('NO_WAY_TO_END', node.at.line, node.at.column, { id: node.id }, {
      zh: '让这组节点中至少一条回复的 next 指向结局或能到达结局的节点。',
      en: 'Give at least one reply in this loop a next that leads to an ending.',
    });
    // Everything trapped that this node leads to belongs to the same loop.
    const walk = [root];
    for (let i = walk.pop(); i !== undefined; i = walk.pop()) {
      if (reported[i]) continue;
      reported[i] = true;
      for (const t of targets[i] ?? []) if (t !== NOWHERE && t < nodes.length && !ends[t]) walk.push(t);
    }
  }
}
