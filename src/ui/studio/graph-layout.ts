/**
 * Places the studio's case diagram: dagre ranks and orders the boxes top to bottom along the
 * forward arrows; arrows that go back (a repair loop, a second try) are drawn as arcs on the right
 * instead of being ranked. Ranking long back edges makes dagre add a dummy node per rank crossed —
 * seconds at 100 nodes, while the forward-only layout takes a few dozen milliseconds.
 *
 * Pure geometry: returns positions and SVG path strings, no DOM.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphModel, GraphNode } from './graph-model.ts';

export const NODE_WIDTH = 176;
export const NODE_HEIGHT = 50;
const MARGIN = 24;

export interface LaidNode extends GraphNode {
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge extends GraphEdge {
  path: string;
  labelX: number;
  labelY: number;
  /** Labels of arcs start beside the arc; others are centred on the arrow. */
  labelAnchor: 'middle' | 'start';
}

export interface Layout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

interface Point {
  x: number;
  y: number;
}

/**
 * What dagre computed for one shape of graph. Typing in a reply's text, feedback or score changes
 * no box and no forward arrow, so the next layout reuses it instead of ranking again.
 */
export interface LayoutCache {
  key?: string;
  centres?: Map<string, Point>;
  points?: Map<string, Point[]>;
  width?: number;
  height?: number;
}

function shapeKey(model: GraphModel): string {
  const boxes = model.nodes.map((n) => n.id).join('\u0001');
  const arrows = model.edges.filter((e) => !e.back && e.from !== e.to).map((e) => `${e.from}\u0002${e.to}`).join('\u0001');
  return `${boxes}\u0000${arrows}`;
}

export function layoutGraph(model: GraphModel, cache: LayoutCache = {}): Layout {
  const key = shapeKey(model);
  if (cache.key !== key || !cache.centres || !cache.points) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, marginx: MARGIN, marginy: MARGIN });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of model.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const e of model.edges) if (!e.back && e.from !== e.to) g.setEdge(e.from, e.to);
    dagre.layout(g);
    cache.key = key;
    cache.centres = new Map(model.nodes.map((n) => [n.id, { x: g.node(n.id).x, y: g.node(n.id).y }]));
    cache.points = new Map(g.edges().map((ed) => [`${ed.v}\u0000${ed.w}`, g.edge(ed).points ?? []]));
    cache.width = g.graph().width ?? 0;
    cache.height = g.graph().height ?? 0;
  }
  const centres = cache.centres;
  const points = cache.points;

  const nodes: LaidNode[] = model.nodes.map((n) => {
    const p = centres.get(n.id)!;
    return { ...n, x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));

  // Several replies between the same two boxes are fanned out so each arrow and label stays visible.
  const siblings = new Map<string, GraphEdge[]>();
  for (const e of model.edges) {
    const key = `${e.from}\u0000${e.to}`;
    const list = siblings.get(key);
    if (list) list.push(e);
    else siblings.set(key, [e]);
  }

  let right = (cache.width ?? 0) - MARGIN;
  const edges: LaidEdge[] = [];
  for (const list of siblings.values())
    list.forEach((e, k) => {
      const spread = k - (list.length - 1) / 2;
      const from = at.get(e.from)!;
      const to = at.get(e.to)!;
      const laid = e.from === e.to ? selfLoop(from, spread) : e.back ? backArc(from, to, spread) : forward(points.get(`${e.from}\u0000${e.to}`) ?? [], from, to, spread);
      right = Math.max(right, laid.extent);
      edges.push({ ...e, path: laid.path, labelX: laid.label.x, labelY: laid.label.y, labelAnchor: laid.anchor });
    });

  const height = cache.height || MARGIN * 2;
  return { width: Math.ceil(right + MARGIN), height: Math.ceil(height), nodes, edges };
}

// ---------------------------------------------------------------------------------------------

interface Laid {
  path: string;
  label: Point;
  /** Rightmost x the drawing reaches, labels included (arcs stick out beyond the boxes). */
  extent: number;
  anchor: 'middle' | 'start';
}

/** Room kept for a label, which is cut to about this width when drawn. */
export const LABEL_WIDTH = 150;

const r = (n: number) => Math.round(n * 10) / 10;

function forward(points: Point[], from: LaidNode, to: LaidNode, spread: number): Laid {
  const ps: Point[] = points.length >= 2
    ? points.map((p) => ({ ...p }))
    : [
        { x: from.x + from.width / 2, y: from.y + from.height },
        { x: to.x + to.width / 2, y: to.y },
      ];
  if (ps.length === 2) ps.splice(1, 0, { x: (ps[0].x + ps[1].x) / 2, y: (ps[0].y + ps[1].y) / 2 });
  // Siblings leave and arrive side by side, and bow apart in between.
  const dx = spread * 18;
  for (let i = 0; i < ps.length; i++) ps[i].x += i === 0 || i === ps.length - 1 ? dx / 2 : dx;
  // Smooth through the midpoints (a B-spline in effect), straight into the arrowhead.
  let d = `M${r(ps[0].x)},${r(ps[0].y)}`;
  for (let i = 1; i < ps.length - 1; i++) {
    const mx = (ps[i].x + ps[i + 1].x) / 2;
    const my = (ps[i].y + ps[i + 1].y) / 2;
    d += ` Q${r(ps[i].x)},${r(ps[i].y)} ${r(mx)},${r(my)}`;
  }
  const last = ps[ps.length - 1];
  d += ` L${r(last.x)},${r(last.y)}`;
  const mid = ps[Math.floor(ps.length / 2)];
  return { path: d, label: { x: mid.x, y: mid.y + spread * 14 }, extent: Math.max(...ps.map((p) => p.x)) + LABEL_WIDTH / 2, anchor: 'middle' };
}

function backArc(from: LaidNode, to: LaidNode, spread: number): Laid {
  const sy = from.y + from.height / 2;
  const ty = to.y + to.height / 2;
  const sx = from.x + from.width;
  const tx = to.x + to.width;
  const side = Math.max(sx, tx);
  const bulge = 28 + Math.min(220, Math.abs(sy - ty) * 0.12) + spread * 12;
  const cx = side + bulge;
  const d = `M${r(sx)},${r(sy - 6)} C${r(cx)},${r(sy - 6)} ${r(cx)},${r(ty + 6)} ${r(tx)},${r(ty + 6)}`;
  return { path: d, label: { x: side + bulge * 0.75 + 4, y: (sy + ty) / 2 }, extent: cx + 8, anchor: 'start' };
}

function selfLoop(n: LaidNode, spread: number): Laid {
  const x = n.x + n.width;
  const reach = 40 + spread * 10;
  const d = `M${r(x)},${r(n.y + 12)} C${r(x + reach)},${r(n.y - 10)} ${r(x + reach)},${r(n.y + n.height + 10)} ${r(x)},${r(n.y + n.height - 12)}`;
  return { path: d, label: { x: x + reach * 0.75 + 4, y: n.y + n.height / 2 }, extent: x + reach + 8, anchor: 'start' };
}
