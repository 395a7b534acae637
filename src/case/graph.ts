/**
 * Structural checks on the case graph, ignoring conditions and scores: the start exists, every
 * node offers a way on, everything is reachable, and no part of the graph is a loop with no exit.
 *
 * A missing target has already been reported where it is written, so such an edge counts as
 * "leads somewhere" here: one typo, one diagnostic.
 */
import type { Reporter } from './diagnostics.ts';
import type { CaseIds } from './ids.ts';
import { nearest } from './keys.ts';

/** No node or ending of that id, even after following a typo to its nearest id. */
const NOWHERE = -1;

/**
 * A target that does not exist was reported where it is written; follow it to the id it was most
 * likely meant to be, so the typo does not also make that node "unreachable".
 */
function resolve(target: string, ids: CaseIds, known = ids.index.get(target) ?? NOWHERE): number {
  if (known !== NOWHERE) return known;
  const guess = nearest(target, ids.names());
  return guess === undefined ? NOWHERE : ids.index.get(guess)!;
}

export function checkGraph(start: string | undefined, startAt: { line: number; column: number }, ids: CaseIds, report: Reporter): void {
  const { nodes, endings, index } = ids;
  const n = nodes.length;
  const total = n + endings.length;
  // Each node's targets, all in one array: node i's are targets[first[i]] … targets[first[i + 1] − 1].
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const r of nodes[i].replies) if (r.next) k++;
    for (const d of nodes[i].redirects) if (d.to) k++;
    first[i + 1] = first[i] + k;
  }
  const targets = new Int32Array(first[n]);
  for (let i = 0, k = 0; i < n; i++) {
    const replies = nodes[i].replies;
    for (let j = 0; j < replies.length; j++) if (replies[j].next) targets[k++] = resolve(replies[j].next, ids, ids.replyTarget[ids.replyStart[i] + j]);
    for (const d of nodes[i].redirects) if (d.to) targets[k++] = resolve(d.to, ids);
  }

  for (const node of nodes)
    if (!node.replies.length)
      report.report('DEAD_END', node.at.line, node.at.column, { id: node.id }, {
        zh: '给这个节点加上编号回复（1. …），或把它移到 # Endings 下作为结局。',
        en: 'Give this node numbered replies (1. …), or move it under # Endings as an ending.',
      });

  if (!start) return;
  const startIndex = index.get(start);
  if (startIndex === undefined || startIndex >= n) {
    const example = nodes[0]?.id;
    report.report('START_NOT_FOUND', startAt.line, startAt.column, { id: start }, {
      zh: `把 start 改成 # Dialogue 下第一个节点的编号${example ? `（如 ${example}）` : ''}。`,
      en: `Set start to the id of the first node under # Dialogue${example ? ` (e.g. ${example})` : ''}.`,
    });
    return;
  }

  const reached = new Uint8Array(total);
  reached[startIndex] = 1;
  const stack = [startIndex];
  while (stack.length) {
    const i = stack.pop()!;
    if (i >= n) continue;
    for (let k = first[i]; k < first[i + 1]; k++) {
      const t = targets[k];
      if (t !== NOWHERE && !reached[t]) {
        reached[t] = 1;
        stack.push(t);
      }
    }
  }
  for (let i = 0; i < total; i++)
    if (!reached[i]) {
      const item = i < n ? nodes[i] : endings[i - n];
      report.report('UNREACHABLE', item.at.line, item.at.column, { id: item.id }, {
        zh: `让某条回复的 next 指向 ${item.id}，或删掉它。`,
        en: `Point some reply's next at ${item.id}, or remove it.`,
      });
    }

  // Reverse reachability: which nodes can still get to an ending (or to an already reported problem)?
  const firstIn = new Int32Array(total + 1);
  for (let k = 0; k < targets.length; k++) if (targets[k] !== NOWHERE) firstIn[targets[k] + 1]++;
  for (let t = 0; t < total; t++) firstIn[t + 1] += firstIn[t];
  const sources = new Int32Array(firstIn[total]);
  const fill = firstIn.slice(0, total);
  for (let i = 0; i < n; i++)
    for (let k = first[i]; k < first[i + 1]; k++) if (targets[k] !== NOWHERE) sources[fill[targets[k]]++] = i;

  const canEnd = new Uint8Array(total);
  const back: number[] = [];
  for (let i = n; i < total; i++) {
    canEnd[i] = 1;
    back.push(i);
  }
  for (let i = 0; i < n; i++) {
    let open = !nodes[i].replies.length;
    for (let k = first[i]; k < first[i + 1] && !open; k++) open = targets[k] === NOWHERE;
    if (open) {
      canEnd[i] = 1;
      back.push(i);
    }
  }
  while (back.length) {
    const t = back.pop()!;
    for (let k = firstIn[t]; k < firstIn[t + 1]; k++) {
      const from = sources[k];
      if (!canEnd[from]) {
        canEnd[from] = 1;
        back.push(from);
      }
    }
  }

  const trapped: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i] && !canEnd[i]) trapped.push(i);
  if (!trapped.length) return;
  trapped.sort((a, b) => nodes[a].at.line - nodes[b].at.line || a - b);
  const reported = new Uint8Array(n);
  for (const root of trapped) {
    if (reported[root]) continue;
    const node = nodes[root];
    report.report('NO_WAY_TO_END', node.at.line, node.at.column, { id: node.id }, {
      zh: '让这组节点中至少一条回复的 next 指向结局或能到达结局的节点。',
      en: 'Give at least one reply in this loop a next that leads to an ending.',
    });
    const walk = [root];
    while (walk.length) {
      const i = walk.pop()!;
      if (reported[i]) continue;
      reported[i] = 1;
      for (let k = first[i]; k < first[i + 1]; k++) {
        const t = targets[k];
        if (t !== NOWHERE && t < n && !canEnd[t]) walk.push(t);
      }
    }
  }
}
