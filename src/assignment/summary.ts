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
import type { Assignment, Student } from './types.ts';

/** Fewer seconds than this per reply is less time than reading the buyer's messages takes. */
export const QUICK_SECONDS_PER_REPLY = 4;
/** More than this on one attempt: left open overnight, or a clock set wrong. */
export const SLOW_SECONDS = 3 * 3600;

/** What the dashboard can see about a hand-in without a server: none of it proves a forgery. */
export function plausibility(record: { startedAt: string; finishedAt: string; steps: readonly { at: string }[] }): AttemptFlag[] {
  const start = Date.parse(record.startedAt);
  const end = Date.parse(record.finishedAt);
  const times = [start, ...record.steps.map((s) => Date.parse(s.at)), end];
  const flags: AttemptFlag[] = [];
  if (times.some((t, i) => t < (times[i - 1] ?? -Infinity))) flags.push('time-order');
  const seconds = (end - start) / 1000;
  if (record.steps.length > 0 && seconds >= 0 && seconds < QUICK_SECONDS_PER_REPLY * record.steps.length) flags.push('too-quick');
  if (seconds > SLOW_SECONDS) flags.push('too-slow');
  return flags;
}

/** Flags on a student's row rather than on one attempt. */
export type RowFlag =
  /** The class list has another name for this number. */
  | 'name-mismatch'
  /** The number is not on the class list. */
  | 'not-on-list'
  /** Hand-ins with this number carry more than one name. */
  | 'number-shared';

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
  /** Handed in while an attempt was still under way, with no finished attempt of that number. */
  inProgress: boolean;
}

export interface StudentRow {
  key: string;
  name: string;
  number: string;
  cells: Record<string, Cell>;
  /** Passed every case of the assignment. */
  passedAll: boolean;
  /** Anything was handed in (a class-list student may have handed in nothing). */
  handedIn: boolean;
  /** The name on the class list, when the number is on it. */
  listedName?: string;
  /** Every name handed in with this number. */
  names: string[];
  flags: RowFlag[];
}

/** Names compared as a person would: width, case and spacing folded. */
export const sameName = (a: string, b: string): boolean => {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s,，.·]+/g, '');
  return fold(a) === fold(b);
};

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

/** Flags that keep an attempt from counting: it is shown, with the reason, but never the one that counts. */
const NOT_COUNTED: readonly AttemptFlag[] = ['over-limit', 'settings-differ', 'other-student'];

/**
 * One row per student: everyone on the class list (handed in or not) and everyone who handed in.
 * Attempts may come from several versions of the assignment (`versions`, by id); each is checked
 * against the version it was made for, and the attempt limit is the most generous version that
 * applies to the student (one made for them, or one for everybody).
 */
export function buildTable(
  assignment: Assignment,
  attempts: readonly StoredAttempt[],
  cases: ReadonlyMap<string, Case>,
  classList: readonly Student[] = [],
  versions: ReadonlyMap<string, Assignment> = new Map([[assignment.id, assignment]]),
): StudentRow[] {
  const byStudent = new Map<string, StoredAttempt[]>();
  for (const a of attempts) {
    if (!versions.has(a.assignmentId)) continue;
    const key = studentKey(a.student.number);
    byStudent.set(key, [...(byStudent.get(key) ?? []), a]);
  }
  const listed = new Map<string, Student>();
  for (const s of classList) if (!listed.has(studentKey(s.number))) listed.set(studentKey(s.number), s);
  const rows: StudentRow[] = [];
  for (const key of new Set([...listed.keys(), ...byStudent.keys()])) {
    const list = byStudent.get(key) ?? [];
    const onList = listed.get(key);
    // The name as most recently handed in, in case a student corrected it.
    const latest = list.length ? list.reduce((x, y) => (y.record.finishedAt > x.record.finishedAt ? y : x)) : undefined;
    const names = [...new Set(list.map((a) => a.student.name))];
    const applies = [...versions.values()].filter((v) => !v.for || studentKey(v.for.number) === key);
    const limit = applies.some((v) => v.settings.attempts === 0) ? 0 : Math.max(assignment.settings.attempts, ...applies.map((v) => v.settings.attempts));
    const cells = table<Cell>([]);
    for (const assigned of assignment.cases) {
      const mine = list.filter((a) => a.record.caseId === assigned.id);
      const finished = mine.filter((a) => !a.unfinished);
      const scored = finished
        // In the order they were played: a fresh browser numbers its attempts from 1 again.
        .sort((x, y) => Date.parse(x.record.startedAt) - Date.parse(y.record.startedAt) || x.record.number - y.record.number)
        .map((stored, i): ScoredAttempt => {
          const version = versions.get(stored.assignmentId) ?? assignment;
          const r = recompute(version, stored.record, cases.get(assigned.id));
          const over = limit > 0 && (i >= limit || stored.record.number > limit) ? (['over-limit'] as const) : [];
          const wrongPerson = version.for && studentKey(version.for.number) !== key ? (['other-student'] as const) : [];
          return { stored, result: r.result, flags: [...r.flags, ...over, ...wrongPerson, ...plausibility(stored.record)] };
        });
      const countable = scored.filter((s) => s.result && !s.flags.some((f) => NOT_COUNTED.includes(f)));
      const best = countable.reduce<ScoredAttempt | undefined>((x, y) => (!x || better(y, x) ? y : x), undefined);
      const done = new Set(finished.map((a) => a.record.number));
      cells[assigned.id] = {
        attempts: scored,
        best,
        first: scored.find((s) => s.result),
        timeSpent: scored.reduce((sum, s) => sum + seconds(s), 0),
        late: !!best && isLate(versions.get(best.stored.assignmentId) ?? assignment, best.stored.record.finishedAt),
        flags: [...new Set(scored.flatMap((s) => s.flags))],
        inProgress: mine.some((a) => a.unfinished && !done.has(a.record.number)),
      };
    }
    const flags: RowFlag[] = [];
    if (onList && latest && !names.every((n) => sameName(n, onList.name))) flags.push('name-mismatch');
    if (!onList && listed.size > 0) flags.push('not-on-list');
    const [firstName] = names;
    if (firstName !== undefined && !names.every((n) => sameName(n, firstName))) flags.push('number-shared');
    rows.push({
      key,
      name: onList?.name ?? latest?.student.name ?? '',
      number: onList?.number ?? latest?.student.number ?? key,
      cells,
      passedAll: assignment.cases.every((c) => cells[c.id]?.best?.result?.passed),
      handedIn: list.length > 0,
      ...(onList ? { listedName: onList.name } : {}),
      names,
      flags,
    });
  }
  return rows.sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }) || a.name.localeCompare(b.name));
}

/** Counts in bins of ten (0–9 … 90–100); the last bin includes 100. */
export function histogram(values: readonly number[]): number[] {
  const bin = (v: number) => Math.min(9, Math.max(0, Math.floor(v / 10)));
  return Array.from({ length: 10 }, (_, k) => values.filter((v) => bin(v) === k).length);
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

const SEVERITY_RANK = new Map([['critical', 0], ['major', 1], ['minor', 2]]);
/** Unknown severities (a later rulebook's) come last. */
const rank = (severity: string) => SEVERITY_RANK.get(severity) ?? SEVERITY_RANK.size;

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
  // Each student who finished the case: the attempt that counts, and their first (what they chose unprompted).
  const counted = rows.flatMap((r) => {
    const cell = r.cells[caseId];
    const best = cell?.best?.result;
    const first = cell?.first?.result;
    return best && first ? [{ best, first }] : [];
  });
  const firsts = counted.map((x) => x.first);
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
  const points: DecisionPoint[] = order.flatMap((node) => {
    const counts = decisions.get(node);
    if (!counts) return [];
    const replies = c?.nodes[node]?.replies ?? [];
    const known = replies.map((r) => ({ reply: r.id, count: counts.get(r.id) ?? 0, weak: r.breaks.length > 0 || r.satisfaction < 0, real: r.real }));
    const unknown = [...counts].filter(([id]) => !replies.some((r) => r.id === id)).map(([reply, count]) => ({ reply, count, weak: false, real: false }));
    return [{ node, reached: reached.get(node) ?? 0, replies: [...known, ...unknown] }];
  });
  return {
    caseId,
    students: counted.length,
    passed: counted.filter((x) => x.best.passed).length,
    satisfaction: counted.map((x) => x.best.satisfaction),
    compliance: counted.map((x) => x.best.compliance),
    decisions: points,
    violations: [...broken]
      .map(([rule, e]) => ({ rule, severity: e.severity, students: e.students.size }))
      .sort((a, b) => b.students - a.students || rank(a.severity) - rank(b.severity) || a.rule.localeCompare(b.rule)),
  };
}
