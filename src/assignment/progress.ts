/**
 * A student's work on one assignment, as kept in their browser between visits: who they are, the
 * attempts they finished, and the wall-clock start and reply times of the attempt in progress per
 * case. Pure transitions; the page stores the value after each one.
 */
import { table } from '../case/table.ts';
import type { Case } from '../case/types.ts';
import type { Result } from '../engine/types.ts';
import { isInstant, isInt, isRecord, isString } from './guards.ts';
import { instant, makeAttemptRecord, makeInProgressRecord, makeResultFile, readResultFile, studentKey } from './result-file.ts';
import type { Assignment, AttemptRecord, RecordedStep, ResultFile, Student } from './types.ts';

export interface InProgress {
  number: number;
  startedAt: string;
  steps: RecordedStep[];
}

export interface Progress {
  format: 1;
  assignmentId: string;
  student?: Student;
  attempts: AttemptRecord[];
  current: Record<string, InProgress>;
  /** Saved attempts that could not be read: kept as they were (for download), never counted. */
  damaged?: unknown[];
}

export const emptyProgress = (assignmentId: string): Progress => ({ format: 1, assignmentId, attempts: [], current: table([]) });

/** Stored progress back; anything unreadable starts afresh rather than blocking the page. */
export function readProgress(raw: unknown, a: Assignment): Progress {
  const empty = emptyProgress(a.id);
  if (!isRecord(raw) || raw.format !== 1 || raw.assignmentId !== a.id) return empty;
  const student = isRecord(raw.student) && isString(raw.student.name, 200) && isString(raw.student.number, 100)
    ? { name: raw.student.name, number: raw.student.number }
    : undefined;
  // Each finished attempt is re-read on its own through the result-file checks: a damaged one is set
  // aside (kept, not trusted, not counted) and the others still load.
  const attempts: AttemptRecord[] = [];
  const damaged: unknown[] = Array.isArray(raw.damaged) ? [...raw.damaged] : [];
  if (student && Array.isArray(raw.attempts))
    for (const x of raw.attempts) {
      const read = readResultFile(makeResultFile(a, student, [x as AttemptRecord], instant(0)), false);
      if ('file' in read) attempts.push(...read.file.attempts);
      else damaged.push(x);
    }
  const current = table<InProgress>([]);
  if (isRecord(raw.current))
    for (const [caseId, v] of Object.entries(raw.current)) {
      if (!isRecord(v) || !isInt(v.number, 1, 999) || !isInstant(v.startedAt) || !Array.isArray(v.steps)) continue;
      const steps = v.steps.filter((s): s is RecordedStep => isRecord(s) && isString(s.node) && isString(s.reply) && isInstant(s.at));
      current[caseId] = { number: v.number, startedAt: v.startedAt, steps };
    }
  return { format: 1, assignmentId: a.id, ...(student ? { student } : {}), attempts, current, ...(damaged.length ? { damaged } : {}) };
}

export const finishedAt = (p: Progress, caseId: string): AttemptRecord[] => p.attempts.filter((r) => r.caseId === caseId);

/** Attempts left at a case; Infinity when the assignment sets no limit. */
export function attemptsLeft(p: Progress, a: Assignment, caseId: string): number {
  if (a.settings.attempts === 0) return Infinity;
  return Math.max(0, a.settings.attempts - finishedAt(p, caseId).length);
}

/** Starts (or keeps) the attempt in progress at a case. */
export function begin(p: Progress, caseId: string, now: number): Progress {
  if (p.current[caseId]) return p;
  const number = Math.max(0, ...finishedAt(p, caseId).map((r) => r.number)) + 1;
  return { ...p, current: table([...Object.entries(p.current), [caseId, { number, startedAt: instant(now), steps: [] }]]) };
}

/**
 * Brings the recorded reply times in line with the conversation's path: replies already recorded keep
 * their time, new ones get `now`. A shorter path (the student started over) keeps the common part.
 */
export function track(p: Progress, caseId: string, path: readonly { node: string; reply: string }[], now: number): Progress {
  const cur = p.current[caseId];
  if (!cur) return p;
  const sameStep = (i: number) => cur.steps[i]?.reply === path[i]?.reply && cur.steps[i]?.node === path[i]?.node;
  let same = 0;
  while (same < Math.min(path.length, cur.steps.length) && sameStep(same)) same++;
  if (same === path.length && same === cur.steps.length) return p;
  const steps = [...cur.steps.slice(0, same), ...path.slice(same).map((s) => ({ node: s.node, reply: s.reply, at: instant(now) }))];
  return { ...p, current: table([...Object.entries(p.current), [caseId, { ...cur, steps }]]) };
}

/**
 * Turns the attempt in progress into a finished attempt. Returns the progress unchanged when there is
 * none, e.g. when a reload on the debrief reports the same ending again.
 */
export function finish(p: Progress, a: Assignment, c: Case, result: Result, now: number): Progress {
  // No attempt in progress: this ending was recorded already (a reload on the debrief).
  if (!p.student || !p.current[c.id]) return p;
  const tracked = track(p, c.id, result.path, now);
  const cur = tracked.current[c.id];
  if (!cur) return p;
  const record = makeAttemptRecord({
    assignment: a,
    student: p.student,
    case: c,
    number: cur.number,
    startedAt: cur.startedAt,
    finishedAt: instant(Math.max(now, Date.parse(cur.startedAt))),
    steps: cur.steps,
    result,
  });
  const rest = table(Object.entries(tracked.current).filter(([id]) => id !== c.id));
  if (p.attempts.some((r) => r.id === record.id)) return { ...tracked, current: rest };
  return { ...tracked, attempts: [...tracked.attempts, record], current: rest };
}

/** The result file for everything finished so far, and the attempts still in progress. */
export function handIn(p: Progress, a: Assignment, now: number): ResultFile | undefined {
  const student = p.student;
  if (!student) return undefined;
  const inProgress = Object.entries(p.current).map(([caseId, cur]) => makeInProgressRecord(a, student, caseId, cur));
  return makeResultFile(a, student, p.attempts, instant(now), inProgress);
}

/**
 * Progress back from a result file kept elsewhere (an LMS's suspend data), for this learner only:
 * a file of another assignment or another student number gives nothing.
 */
export function progressFromFile(file: ResultFile, a: Assignment, student: Student): Progress {
  if (file.assignment.id !== a.id || studentKey(file.student.number) !== studentKey(student.number)) return { ...emptyProgress(a.id), student };
  const current: Record<string, InProgress> = Object.create(null) as Record<string, InProgress>;
  for (const r of file.inProgress ?? []) current[r.caseId] = { number: r.number, startedAt: r.startedAt, steps: r.steps };
  return { format: 1, assignmentId: a.id, student, attempts: file.attempts, current: { ...current } };
}
