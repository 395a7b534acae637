/**
 * The dashboard's collection of attempts. Each attempt is stored under a key made from the
 * assignment, the student number and the attempt's content-derived id, so the same attempt
 * imported again — from a second file, from the code as well as the file, from a later file that
 * repeats earlier attempts — counts once.
 */
import { studentKey } from './result-file.ts';
import type { AttemptRecord, ResultFile, Student } from './types.ts';

export interface StoredAttempt {
  key: string;
  assignmentId: string;
  student: Student;
  record: AttemptRecord;
  /** Where it came from (a file name, or "code"), for the per-student view. */
  source: string;
  importedAt: string;
  /** Handed in while still in progress: shown as started, never scored or counted as an attempt. */
  unfinished?: true;
}

export const attemptKey = (assignmentId: string, number: string, id: string): string => `${assignmentId}|${studentKey(number)}|${id}`;

export function attemptsOf(file: ResultFile, source: string, importedAt: string): StoredAttempt[] {
  const stored = (record: AttemptRecord, unfinished: boolean): StoredAttempt => ({
    key: attemptKey(file.assignment.id, file.student.number, record.id),
    assignmentId: file.assignment.id,
    student: file.student,
    record,
    source,
    importedAt,
    ...(unfinished ? { unfinished: true as const } : {}),
  });
  return [...file.attempts.map((r) => stored(r, false)), ...(file.inProgress ?? []).map((r) => stored(r, true))];
}

/** The attempts not yet known (first import wins), and how many were already there. */
export function newAttempts(known: ReadonlySet<string>, incoming: readonly StoredAttempt[]): { added: StoredAttempt[]; duplicates: number } {
  const seen = new Set(known);
  const added: StoredAttempt[] = [];
  for (const a of incoming) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    added.push(a);
  }
  return { added, duplicates: incoming.length - added.length };
}
