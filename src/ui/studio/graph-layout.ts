/**
 * Places the studio's case diagram: dagre ranks and orders the boxes top to bottom along the
 * forward arrows; arrows that go back (a repair loop, a second try) are drawn as arcs on the right
 * instead of being ranked. Ranking long back edges makes dagre add a dummy node per rank crossed —
 * seconds at 100 nodes, while the forward-only layout takes a few dozen milliseconds.
 *
 * Labels of forward arrows are then placed one by one at the first point along their arrow where
 * they overlap no box and no label already placed, and stay inside the drawing; a label with no
 * such place is left out of the picture (its arrow's tooltip still says it), so what is drawn is
 * never overlapped or clipped.
 *
 * Pure geometry: returns positions and SVG path strings, no DOM.
 */
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphModel, GraphNode } from './graph-model.ts';

export const NODE_WIDTH = 176;
export const NODE_HEIGHT = 50;
const MARGIN = 24;

/**
 * The overview drawn when a wide case is fitted to a narrow panel: smaller boxes holding only the
 * id, set closer, and no arrow labels (their tooltips keep them). Scaled to fit, its ids stay large
 * enough to read where the full drawing's would shrink to specks.
 */
export const COMPACT = { width: 112, height: 30, nodesep: 10, ranksep: 34 };

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
  /** The label as drawn, and whether it is drawn: false when it found no free place. */
  labelText: string;
  labelShown: boolean;
}

/** Labels are drawn at 11 px; this is the room a character needs there, with some to spare. */
const CHAR_WIDTH = 6.6;
export const LABEL_HEIGHT = 15;
/** A label as drawn: whole, unless it is very long (a condition can be). */
export const labelText = (label: string) => (label.length > 40 ? `${label.slice(0, 39)}…` : label);
export const labelWidth = (label: string) => Math.ceil(labelText(label).length * CHAR_WIDTH) + 6;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** The box a label centred at (x, y) takes. */
export const labelBox = (x: number, y: number, text: string): Box => {
  const width = labelWidth(text);
  return { x: x - width / 2, y: y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
};

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

export function layoutGraph(model: GraphModel, cache: LayoutCache = {}, { compact = false }: { compact?: boolean } = {}): Layout {
  const key = `${compact ? 'c' : ''}${shapeKey(model)}`;
  const boxWidth = compact ? COMPACT.width : NODE_WIDTH;
  const boxHeight = compact ? COMPACT.height : NODE_HEIGHT;
  if (cache.key !== key || !cache.centres || !cache.points) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: compact ? COMPACT.nodesep : 28, ranksep: compact ? COMPACT.ranksep : 56, marginx: MARGIN, marginy: MARGIN });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of model.nodes) g.setNode(n.id, { width: boxWidth, height: boxHeight });
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
    return { ...n, x: p.x - boxWidth / 2, y: p.y - boxHeight / 2, width: boxWidth, height: boxHeight };
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
  const candidates = new Map<number, Point[]>();
  for (const list of siblings.values())
    list.forEach((e, k) => {
      const spread = k - (list.length - 1) / 2;
      const from = at.get(e.from)!;
      const to = at.get(e.to)!;
      const laid = e.from === e.to ? selfLoop(from, spread) : e.back ? backArc(from, to, spread) : forward(points.get(`${e.from}\u0000${e.to}`) ?? [], from, to, spread);
      right = Math.max(right, laid.extent);
      edges.push({ ...e, path: laid.path, labelX: laid.label.x, labelY: laid.label.y, labelAnchor: laid.anchor, labelText: labelText(e.label), labelShown: !e.back });
      if (!e.back) candidates.set(edges.length - 1, laid.candidates ?? [{ x: laid.label.x + labelWidth(e.label) / 2, y: laid.label.y }]);
    });

  const width = Math.ceil(right + MARGIN);
  const height = Math.ceil(cache.height || MARGIN * 2);
  if (compact) for (const e of edges) e.labelShown = false;
  else placeLabels(edges, candidates, nodes, width, height);
  return { width, height, nodes, edges };
}

/**
 * Each forward label at its first free candidate point (the arrow's middle first), inside the
 * drawing; hidden when there is none. A loop's label is placed the same way, beside the loop.
 */
function placeLabels(edges: LaidEdge[], candidates: Map<number, Point[]>, nodes: LaidNode[], width: number, height: number): void {
  const taken: Box[] = nodes.map((n) => ({ x: n.x - 2, y: n.y - 2, width: n.width + 4, height: n.height + 4 }));
  for (const [i, points] of candidates) {
    const e = edges[i];
    if (!e) continue;
    if (!e.label) {
      e.labelShown = false;
      continue;
    }
    const half = labelWidth(e.label) / 2;
    const free = points
      .map((p) => ({ x: Math.min(Math.max(p.x, half + 2), width - half - 2), y: Math.min(Math.max(p.y, LABEL_HEIGHT), height - LABEL_HEIGHT) }))
      .find((p) => !taken.some((b) => overlaps(b, labelBox(p.x, p.y, e.label))));
    if (!free) {
      e.labelShown = false;
      continue;
    }
    e.labelX = free.x;
    e.labelY = free.y;
    e.labelAnchor = 'middle';
    taken.push(labelBox(free.x, free.y, e.label));
  }
}

// ---------------------------------------------------------------------------------------------

interface Laid {
  path: string;
  label: Point;
  /** Rightmost x the drawing reaches, labels included (arcs stick out beyond the boxes). */
  extent: number;
  anchor: 'middle' | 'start';
  /** Where else along the arrow its label may go, best first. */
  candidates?: Point[];
}

/** Room kept for a label, which is cut to about this width when drawn. */
export const LABEL_WIDTH = 150;

const r = (n: number) => Math.round(n * 10) / 10;

/** Consecutive pairs of a route's points: its stretches. */
const stretches = (ps: readonly Point[]): [Point, Point][] =>
  ps.flatMap((p, i) => {
    const q = ps[i + 1];
    return q ? [[p, q] as [Point, Point]] : [];
  });
const between = (p: Point, q: Point, t = 0.5): Point => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });

function forward(points: Point[], from: LaidNode, to: LaidNode, spread: number): Laid {
  const given: Point[] = points.length >= 2
    ? points
    : [
        { x: from.x + from.width / 2, y: from.y + from.height },
        { x: to.x + to.width / 2, y: to.y },
      ];
  // A straight arrow gets a middle point, so it bows like the others.
  const route = given.length === 2 ? stretches(given).flatMap(([p, q]) => [p, between(p, q), q]) : given;
  // Siblings leave and arrive side by side, and bow apart in between.
  const dx = spread * 18;
  const ps = route.map((p, i) => ({ x: p.x + (i === 0 || i === route.length - 1 ? dx / 2 : dx), y: p.y }));
  const first = ps[0];
  const last = ps.at(-1);
  const mid = ps[Math.floor(ps.length / 2)];
  if (!first || !last || !mid) throw new Error('an arrow needs at least two points');
  // Smooth through the midpoints (a B-spline in effect), straight into the arrowhead.
  let d = `M${r(first.x)},${r(first.y)}`;
  for (const [p, q] of stretches(ps).slice(1)) {
    const m = between(p, q);
    d += ` Q${r(p.x)},${r(p.y)} ${r(m.x)},${r(m.y)}`;
  }
  d += ` L${r(last.x)},${r(last.y)}`;
  const label = { x: mid.x, y: mid.y + spread * 14 };
  return { path: d, label, extent: Math.max(...ps.map((p) => p.x)) + LABEL_WIDTH / 2, anchor: 'middle', candidates: alongArrow(ps, label) };
}

/** Points along an arrow's route, a few per stretch, nearest the preferred one first, for its label. */
function alongArrow(ps: Point[], preferred: Point): Point[] {
  const out = stretches(ps).flatMap(([p, q]) => [0.5, 0.25, 0.75].map((t) => between(p, q, t)));
  const away = (p: Point) => Math.hypot(p.x - preferred.x, p.y - preferred.y);
  return [preferred, ...out.sort((p, q) => away(p) - away(q))];
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
