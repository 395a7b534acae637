/**
 * Everything a teacher keeps in one browser — assignments, class lists, imported attempts — as one
 * JSON file, and that file read back in another browser. Reading checks every part the way its own
 * import does (an assignment through its link, an attempt through the result-file checks), and a
 * damaged part is left out and counted, never trusted.
 */
import { decodeAssignment } from './assignment.ts';
import { attemptKey, type StoredAttempt } from './dedupe.ts';
import { isInstant, isRecord, isString } from './guards.ts';
import { readResultFile } from './result-file.ts';
import type { ClassList } from './roster.ts';
import { RESULT_FORMAT, type Assignment } from './types.ts';

export const BACKUP_FORMAT = 'dispute-desk-backup';

export interface BackupAssignment {
  id: string;
  assignment: Assignment;
  payload: string;
  savedAt: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  savedAt: string;
  assignments: BackupAssignment[];
  classes: ClassList[];
  attempts: StoredAttempt[];
}

export function makeBackup(parts: Omit<Backup, 'format' | 'version'>): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: 1, ...parts };
  return `${JSON.stringify(backup)}\n`;
}

export function backupFileName(savedAt: string): string {
  return `dispute-desk-backup_${savedAt.slice(0, 10)}.json`;
}

export type ReadBackup =
  | { backup: Omit<Backup, 'format' | 'version' | 'savedAt'>; damaged: number }
  | { problem: 'json' | 'foreign' };

function readAttempt(v: unknown): StoredAttempt | undefined {
  if (!isRecord(v) || !isString(v.assignmentId, 64) || !isRecord(v.student) || !isString(v.source, 300) || !isInstant(v.importedAt) && v.importedAt !== '') return undefined;
  const read = readResultFile(
    { format: RESULT_FORMAT, version: 2, assignment: { id: v.assignmentId, className: '', title: '' }, student: v.student, savedAt: '2000-01-01T00:00:00Z', attempts: [v.record] },
    false,
  );
  if (!('file' in read)) return undefined;
  const [record] = read.file.attempts;
  if (!record) return undefined;
  return {
    key: attemptKey(v.assignmentId, read.file.student.number, record.id),
    assignmentId: v.assignmentId,
    student: read.file.student,
    record,
    source: v.source,
    importedAt: v.importedAt as string,
    ...(v.unfinished === true ? { unfinished: true as const } : {}),
  };
}

function readClass(v: unknown): ClassList | undefined {
  if (!isRecord(v) || !isString(v.className, 200) || !Array.isArray(v.students) || v.students.length > 5000) return undefined;
  const students = v.students.flatMap((s) => (isRecord(s) && isString(s.number, 100) && isString(s.name, 200) && s.number.trim() ? [{ number: s.number, name: s.name }] : []));
  return { className: v.className, students, savedAt: isInstant(v.savedAt) ? v.savedAt : new Date(0).toISOString() };
}

export function readBackup(text: string): ReadBackup {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: 'json' };
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT || value.version !== 1) return { problem: 'foreign' };
  const list = (x: unknown) => (Array.isArray(x) ? x : []);
  let damaged = 0;
  const keep = <T>(items: (T | undefined)[]): T[] => {
    damaged += items.filter((x) => x === undefined).length;
    return items.filter((x): x is T => x !== undefined);
  };
  const assignments = keep(
    list(value.assignments).map((s): BackupAssignment | undefined => {
      if (!isRecord(s) || !isString(s.payload, 3_000_000)) return undefined;
      const decoded = decodeAssignment(s.payload);
      if (!('assignment' in decoded)) return undefined;
      return { id: decoded.assignment.id, assignment: decoded.assignment, payload: s.payload, savedAt: isInstant(s.savedAt) ? s.savedAt : decoded.assignment.created };
    }),
  );
  return { backup: { assignments, classes: keep(list(value.classes).map(readClass)), attempts: keep(list(value.attempts).map(readAttempt)) }, damaged };
}
