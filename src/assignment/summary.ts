/**
 * The class at a glance: a row per student with a cell per case (the attempt that counts, how many
 * attempts, time spent, late or not), and the summary to plan the next lesson from — pass rates,
 * score distributions, what the class chose at every decision point, the rules broken most often.
 */
import { table } from '../case/table.ts';
import type { Case } from '../case/types.ts';
import type { Result } from '../engine/types.ts';
import { isLate } from './assignment.ts';
import type { StoredAttempt } from './dedupe.ts';
import { recompute, type AttemptFlag } from './recompute.ts';
import { studentKey } from './result-file.ts';
import type { Assignment } from './types.ts';

export interface ScoredAttempt {
  stored: StoredAttempt;
  result?: Result;
  flags: AttemptFlag[];
}

export interface Cell {
  attempts: ScoredAttempt[];
  /** The attempt that counts: passed before not passed, then the higher scores, then the later. */
  best?: ScoredAttempt;
  /** The first attempt that could be scored: the student's own first answer, for the summary. */
  first?: ScoredAttempt;
  /** Seconds, over all attempts. */
  timeSpent: number;
  late: boolean;
  flags: AttemptFlag[];
}

export interface StudentRow {
  key: string;
  name: string;
  number: string;
  cells: Record<string, Cell>;
  /** Passed every case of the assignment. */
  passedAll: boolean;
}

const seconds = (a: ScoredAttempt) =>
  Math.max(0, (Date.parse(a.stored.record.finishedAt) - Date.parse(a.stored.record.startedAt)) / 1000);

function better(a: ScoredAttempt, b: ScoredAttempt): boolean {
  const ra = a.result!;
  const rb = b.result!;
  if (ra.passed !== rb.passed) return ra.passed;
  const sa = ra.satisfaction + ra.compliance;
  const sb = rb.satisfaction + rb.compliance;
  if (sa !== sb) return sa > sb;
  return a.stored.record.number > b.stored.record.number;
}

export function buildTable(assignment: Assignment, attempts: readonly StoredAttempt[], cases: ReadonlyMap<string, Case>): StudentRow[] {
  const byStudent = new Map<string, StoredAttempt[]>();
  for (const a of attempts) {
    if (a.assignmentId !== assignment.id) continue;
    const key = studentKey(a.student.number);
    byStudent.set(key, [...(byStudent.get(key) ?? []), a]);
  }
  const rows: StudentRow[] = [];
  for (const [key, list] of byStudent) {
    // The name as most recently handed in, in case a student corrected it.
    const latest = list.reduce((x, y) => (y.record.finishedAt > x.record.finishedAt ? y : x));
    const cells = table<Cell>([]);
    for (const assigned of assignment.cases) {
      const scored = list
        .filter((a) => a.record.caseId === assigned.id)
        .sort((x, y) => x.record.number - y.record.number || x.record.finishedAt.localeCompare(y.record.finishedAt))
        .map((stored): ScoredAttempt => ({ stored, ...recompute(assignment, stored.record, cases.get(assigned.id)) }));
      const scorable = scored.filter((s) => s.result);
      const best = scorable.reduce<ScoredAttempt | undefined>((x, y) => (!x || better(y, x) ? y : x), undefined);
      cells[assigned.id] = {
        attempts: scored,
        best,
        first: scorable[0],
        timeSpent: scored.reduce((sum, s) => sum + seconds(s), 0),
        late: !!best && isLate(assignment, best.stored.record.finishedAt),
        flags: [...new Set(scored.flatMap((s) => s.flags))],
      };
    }
    rows.push({
      key,
      name: latest.student.name,
      number: latest.student.number,
      cells,
      passedAll: assignment.cases.every((c) => cells[c.id].best?.result?.passed),
    });
  }
  return rows.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }) || a.name.localeCompare(b.name));
}

/** Counts in bins of ten (0–9 … 90–100); the last bin includes 100. */
export function histogram(values: readonly number[]): number[] {
  const bins = Array<number>(10).fill(0);
  for (const v of values) bins[Math.min(9, Math.max(0, Math.floor(v / 10)))]++;
  return bins;
}

export interface ReplyCount {
  reply: string;
  count: number;
  /** Broke a rule, or lowered satisfaction: a reply to talk about. */
  weak: boolean;
  real: boolean;
}

export interface DecisionPoint {
  node: string;
  /** Students whose first attempt reached this node. */
  reached: number;
  replies: ReplyCount[];
}

const SEVERITY_RANK: Record<string, number> = { critical: 0, major: 1, minor: 2 };

export interface CaseSummary {
  caseId: string;
  /** Students with at least one scored attempt. */
  students: number;
  passed: number;
  satisfaction: number[];
  compliance: number[];
  decisions: DecisionPoint[];
  violations: { rule: string; severity: string; students: number }[];
}

export function summarizeCase(caseId: string, c: Case | undefined, rows: readonly StudentRow[]): CaseSummary {
  const cells = rows.map((r) => r.cells[caseId]).filter((cell) => cell?.best?.result);
  const firsts = cells.map((cell) => cell.first!.result!);
  const decisions = new Map<string, Map<string, number>>();
  const reached = new Map<string, number>();
  const broken = new Map<string, { severity: string; students: Set<number> }>();
  firsts.forEach((r, student) => {
    for (const step of r.path) {
      const counts = decisions.get(step.node) ?? new Map<string, number>();
      counts.set(step.reply, (counts.get(step.reply) ?? 0) + 1);
      decisions.set(step.node, counts);
      reached.set(step.node, (reached.get(step.node) ?? 0) + 1);
    }
    for (const v of r.violations) {
      const entry = broken.get(v.rule) ?? { severity: v.severity, students: new Set<number>() };
      entry.students.add(student);
      broken.set(v.rule, entry);
    }
  });
  // Decision points in the case's own order, with every reply listed (a reply nobody chose is news too).
  const order = c ? Object.keys(c.nodes) : [...decisions.keys()];
  const points: DecisionPoint[] = order
    .filter((node) => decisions.has(node))
    .map((node) => {
      const counts = decisions.get(node)!;
      const replies = c?.nodes[node]?.replies ?? [];
      const known = replies.map((r) => ({ reply: r.id, count: counts.get(r.id) ?? 0, weak: r.breaks.length > 0 || r.satisfaction < 0, real: r.real }));
      const unknown = [...counts].filter(([id]) => !replies.some((r) => r.id === id)).map(([reply, count]) => ({ reply, count, weak: false, real: false }));
      return { node, reached: reached.get(node) ?? 0, replies: [...known, ...unknown] };
    });
  return {
    caseId,
    students: cells.length,
    passed: cells.filter((cell) => cell.best!.result!.passed).length,
    satisfaction: cells.map((cell) => cell.best!.result!.satisfaction),
    compliance: cells.map((cell) => cell.best!.result!.compliance),
    decisions: points,
    violations: [...broken]
      .map(([rule, e]) => ({ rule, severity: e.severity, students: e.students.size }))
      .sort((a, b) => b.students - a.students || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.rule.localeCompare(b.rule)),
  };
}
