/**
 * The studio's diagram of a case as plain data: one box per node and ending, one arrow per reply
 * and per `go to`, each classed by what it does (satisfaction gained or lost, a rule broken, a
 * redirect), with the start, the endings, the real seller's path and unreachable parts marked.
 *
 * Pure (no DOM, no layout): the drawing and the layout read this, and tests check it in Node.
 * Back edges (those that return to a node already on the way from the start, found by a
 * depth-first walk) are marked so the layout can keep them out of the ranking: ranking a graph
 * whose replies jump back a long way costs seconds; drawing those few arcs apart costs nothing.
 */
import type { Case, EndingResult } from '../../case/types.ts';

export type GraphNodeKind = 'node' | 'ending';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** Line of its `##` heading, for jumping to the source. */
  line: number;
  start: boolean;
  reachable: boolean;
  /** On the real seller's path (or the real ending). */
  real: boolean;
  /** Endings only. */
  result?: EndingResult;
  /** Nodes only: how many replies it offers. */
  replies: number;
}

/** What following an arrow does. `broken` wins over a satisfaction change: it is what a teacher looks for. */
export type EdgeEffect = 'gain' | 'loss' | 'neutral' | 'broken' | 'redirect';

export interface GraphEdge {
  /** Reply id, or `<node>→go to.<n>` for a redirect. */
  id: string;
  from: string;
  to: string;
  effect: EdgeEffect;
  /** Satisfaction change of a reply. */
  delta: number;
  breaks: string[];
  /** The `if` of a reply or the condition of a `go to`, as written. */
  condition?: string;
  /** Goes back to a node already on the way from the start. */
  back: boolean;
  reachable: boolean;
  real: boolean;
  /** Line of the reply or the `go to`. */
  line: number;
  /** Short text drawn on the arrow, e.g. `+10`, `−15 ✕ P-TRUTHFUL`, `if satisfaction < 25`. */
  label: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Edges whose target does not exist (only in a case with errors; kept for completeness). */
  dangling: number;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

export function effectOf(delta: number, breaks: readonly string[]): EdgeEffect {
  if (breaks.length) return 'broken';
  return delta > 0 ? 'gain' : delta < 0 ? 'loss' : 'neutral';
}

export function graphModel(c: Case): GraphModel {
  const exists = (id: string) => id in c.nodes || id in c.endings;
  const out = new Map<string, { to: string; edge: GraphEdge }[]>();
  const edges: GraphEdge[] = [];
  let dangling = 0;

  for (const node of Object.values(c.nodes)) {
    const list: { to: string; edge: GraphEdge }[] = [];
    node.redirects.forEach((d, i) => {
      if (!exists(d.to)) return void dangling++;
      const edge: GraphEdge = {
        id: `${node.id}→go to.${i + 1}`,
        from: node.id,
        to: d.to,
        effect: 'redirect',
        delta: 0,
        breaks: [],
        condition: d.when.source,
        back: false,
        reachable: false,
        real: false,
        line: d.at.line,
        label: `if ${d.when.source}`,
      };
      list.push({ to: d.to, edge });
    });
    for (const r of node.replies) {
      if (!exists(r.next)) {
        dangling++;
        continue;
      }
      const parts = [signed(r.satisfaction)];
      if (r.breaks.length) parts.push(`✕ ${r.breaks.join(', ')}`);
      if (r.when) parts.push(`if ${r.when.source}`);
      const edge: GraphEdge = {
        id: r.id,
        from: node.id,
        to: r.next,
        effect: effectOf(r.satisfaction, r.breaks),
        delta: r.satisfaction,
        breaks: [...r.breaks],
        ...(r.when ? { condition: r.when.source } : {}),
        back: false,
        reachable: false,
        real: r.real,
        line: r.at.line,
        label: parts.join(' '),
      };
      list.push({ to: r.next, edge });
    }
    out.set(node.id, list);
    edges.push(...list.map((l) => l.edge));
  }

  // Depth-first from the start, then from anything left over (unreachable parts still get a shape).
  // Iterative: a 10,000-node chain must not overflow the stack.
  const state = new Map<string, 'open' | 'done'>();
  const reachable = new Set<string>();
  const walk = (root: string, fromStart: boolean) => {
    if (state.has(root) || !exists(root)) return;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    if (fromStart) reachable.add(root);
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      const next = out.get(top.id)?.[top.next++];
      if (!next) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const { to, edge } = next;
      if (fromStart) edge.reachable = true;
      const seen = state.get(to);
      if (seen === 'open') edge.back = true;
      else if (!seen) {
        state.set(to, 'open');
        if (fromStart) reachable.add(to);
        stack.push({ id: to, next: 0 });
      }
    }
  };
  walk(c.start, true);
  for (const id of [...Object.keys(c.nodes), ...Object.keys(c.endings)]) walk(id, false);

  // The real path: from the start along `real` replies, as the debrief shows it.
  const realNodes = new Set<string>();
  for (let at = c.start, node = c.nodes[at]; node && !realNodes.has(at); node = c.nodes[at]) {
    realNodes.add(at);
    const reply = node.replies.find((r) => r.real);
    if (!reply) break;
    at = reply.next;
    if (c.endings[at]) realNodes.add(at);
  }
  for (const e of edges) e.real &&= realNodes.has(e.from);

  const nodes: GraphNode[] = [
    ...Object.values(c.nodes).map((n) => ({
      id: n.id,
      kind: 'node' as const,
      line: n.at.line,
      start: n.id === c.start,
      reachable: reachable.has(n.id),
      real: realNodes.has(n.id),
      replies: n.replies.length,
    })),
    ...Object.values(c.endings).map((e) => ({
      id: e.id,
      kind: 'ending' as const,
      line: e.at.line,
      start: false,
      reachable: reachable.has(e.id),
      real: e.real && realNodes.has(e.id),
      result: e.result,
      replies: 0,
    })),
  ];
  return { nodes, edges, dangling };
}

/** Flags a case uses anywhere (set, unset, `if`, `go to`), sorted: the studio's "test from here" offers these. */
export function flagsOf(c: Case): string[] {
  const flags = new Set<string>();
  for (const node of Object.values(c.nodes)) {
    for (const d of node.redirects) for (const t of d.when.tests) if (t.kind === 'flag') flags.add(t.flag);
    for (const r of node.replies) {
      for (const f of [...r.set, ...r.unset]) flags.add(f);
      for (const t of r.when?.tests ?? []) if (t.kind === 'flag') flags.add(t.flag);
    }
  }
  return [...flags].sort();
}

/** The node or ending whose section contains `line` (the last heading at or above it). */
export function entryAtLine(model: GraphModel, line: number): string | undefined {
  let best: GraphNode | undefined;
  for (const n of model.nodes) if (n.line <= line && (!best || n.line > best.line)) best = n;
  return best?.id;
}
