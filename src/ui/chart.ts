/**
 * The numbers behind the debrief's satisfaction chart: one point per turn (turn 0 is where the
 * buyer started), scaled into an SVG box. Kept apart from the drawing so it can be tested and so
 * the same points feed the table that is the chart's text alternative.
 */
import type { Step } from '../engine/types.ts';

export interface ChartPoint {
  /** 0 for the start, then the n-th reply. */
  turn: number;
  satisfaction: number;
  /** Change made by this turn's reply (0 at the start). */
  delta: number;
  /** Rules broken by this turn's reply. */
  violations: string[];
  x: number;
  y: number;
}

export interface ChartModel {
  width: number;
  height: number;
  /** The plot area, inside the axis labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  points: ChartPoint[];
  /** SVG path data through the points. */
  line: string;
  /** Where the pass mark's line sits, if there is one. */
  pass?: { value: number; y: number };
  yTicks: { value: number; y: number }[];
}

export interface ChartSize {
  width: number;
  height: number;
}

const PAD = { left: 30, right: 12, top: 10, bottom: 24 };
const round = (n: number) => Math.round(n * 10) / 10;

export function satisfactionChart(
  start: number,
  path: readonly Pick<Step, 'delta' | 'satisfactionAfter' | 'violations'>[],
  passMark?: number,
  size: ChartSize = { width: 320, height: 160 },
): ChartModel {
  const left = PAD.left;
  const right = size.width - PAD.right;
  const top = PAD.top;
  const bottom = size.height - PAD.bottom;
  const yOf = (v: number) => round(bottom - (Math.max(0, Math.min(100, v)) / 100) * (bottom - top));
  const step = path.length ? (right - left) / path.length : 0;
  const points: ChartPoint[] = [
    { turn: 0, satisfaction: start, delta: 0, violations: [], x: left, y: yOf(start) },
    ...path.map((s, i) => ({
      turn: i + 1,
      satisfaction: s.satisfactionAfter,
      delta: s.delta,
      violations: s.violations.map((v) => v.rule),
      x: round(left + step * (i + 1)),
      y: yOf(s.satisfactionAfter),
    })),
  ];
  return {
    width: size.width,
    height: size.height,
    left,
    right,
    top,
    bottom,
    points,
    line: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '),
    ...(passMark !== undefined ? { pass: { value: passMark, y: yOf(passMark) } } : {}),
    yTicks: [0, 50, 100].map((value) => ({ value, y: yOf(value) })),
  };
}
