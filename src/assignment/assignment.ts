/**
 * An Assignment and its link: making one, turning it into the text after `#/a/` and back, and
 * applying its settings and pass rule to a case. The link carries everything (a teacher's own cases
 * in full), because there is no server to look anything up on.
 */
import type { Case, PassRule } from '../case/types.ts';
import { caseHash } from './fingerprint.ts';
import { isBool, isInstant, isInt, isRecord, isString, need, ShapeError, type Json } from './guards.ts';
import { pack, unpack, type UnpackProblem } from './pack.ts';
import type { AssignedCase, Assignment, AssignmentSettings } from './types.ts';

export const ASSIGNMENT_PREFIX = 'DDA1.';
/** Longer than this and some chat apps cut or refuse the message; the teacher page warns. */
export const LINK_WARN_LENGTH = 2000;

export const DEFAULT_SETTINGS: AssignmentSettings = { feedback: 'immediate', hints: true, attempts: 0, showRealPath: true };

/** A random id; `crypto.getRandomValues` exists in Node 20 and every browser. */
export function newAssignmentId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12);
}

export function assignCase(c: Case, source?: { text: string; file: string }): AssignedCase {
  return { id: c.id, hash: caseHash(c), version: c.version, ...(source ? { source: source.text, file: source.file } : {}) };
}

export function encodeAssignment(a: Assignment): string {
  return pack(ASSIGNMENT_PREFIX, a);
}

/** The full link for students: the site's address with the assignment in the hash. */
export function assignmentLink(siteUrl: string, a: Assignment | string): string {
  const base = siteUrl.replace(/#.*$/, '');
  return `${base}#/a/${typeof a === 'string' ? a : encodeAssignment(a)}`;
}

export type AssignmentProblem = UnpackProblem | 'invalid';

export function decodeAssignment(payload: string): { assignment: Assignment } | { problem: AssignmentProblem; field?: string } {
  const unpacked = unpack(ASSIGNMENT_PREFIX, payload);
  if ('problem' in unpacked) return unpacked;
  try {
    return { assignment: readAssignment(unpacked.value) };
  } catch (error) {
    if (error instanceof ShapeError) return { problem: 'invalid', field: error.field };
    throw error;
  }
}

export function readSettings(v: unknown, field = 'settings'): AssignmentSettings {
  const s = need(isRecord(v), field, v as Json);
  return {
    feedback: need(s.feedback === 'immediate' || s.feedback === 'deferred', `${field}.feedback`, s.feedback as AssignmentSettings['feedback']),
    hints: need(isBool(s.hints), `${field}.hints`, s.hints as boolean),
    attempts: need(isInt(s.attempts, 0, 99), `${field}.attempts`, s.attempts as number),
    showRealPath: need(isBool(s.showRealPath), `${field}.showRealPath`, s.showRealPath as boolean),
  };
}

export function readPass(v: unknown, field = 'pass'): PassRule {
  const p = need(isRecord(v), field, v as Json);
  return {
    minSatisfaction: need(isInt(p.minSatisfaction, 0, 100), `${field}.minSatisfaction`, p.minSatisfaction as number),
    minCompliance: need(isInt(p.minCompliance, 0, 100), `${field}.minCompliance`, p.minCompliance as number),
    criticalFails: need(isBool(p.criticalFails), `${field}.criticalFails`, p.criticalFails as boolean),
  };
}

function readAssignment(v: unknown): Assignment {
  const a = need(isRecord(v), 'assignment', v as Json);
  need(a.format === 1, 'format', 1);
  const cases = need(Array.isArray(a.cases) && a.cases.length > 0 && a.cases.length <= 50, 'cases', a.cases as unknown[]);
  return {
    format: 1,
    id: need(isString(a.id, 64) && a.id.length > 0, 'id', a.id as string),
    className: need(isString(a.className, 200), 'className', a.className as string),
    title: need(isString(a.title, 200), 'title', a.title as string),
    created: need(isInstant(a.created), 'created', a.created as string),
    ...(a.due === undefined ? {} : { due: need(isInstant(a.due), 'due', a.due as string) }),
    ...(a.timeZone === undefined ? {} : { timeZone: need(isString(a.timeZone, 64), 'timeZone', a.timeZone as string) }),
    settings: readSettings(a.settings),
    ...(a.pass === undefined ? {} : { pass: readPass(a.pass) }),
    cases: cases.map((item, i) => {
      const c = need(isRecord(item), `cases.${i}`, item as Json);
      return {
        id: need(isString(c.id, 200), `cases.${i}.id`, c.id as string),
        hash: need(isString(c.hash, 64), `cases.${i}.hash`, c.hash as string),
        version: need(isString(c.version, 100), `cases.${i}.version`, c.version as string),
        ...(c.source === undefined ? {} : { source: need(isString(c.source, 2_000_000), `cases.${i}.source`, c.source as string) }),
        ...(c.file === undefined ? {} : { file: need(isString(c.file, 300), `cases.${i}.file`, c.file as string) }),
      };
    }),
  };
}

/** The pass rule in force for a case in this assignment. */
export function passFor(a: Pick<Assignment, 'pass'>, c: Case): PassRule {
  return a.pass ?? c.pass;
}

/** The case as the assignment plays it: same content, the assignment's pass rule. */
export function asAssigned(a: Pick<Assignment, 'pass'>, c: Case): Case {
  return a.pass ? { ...c, pass: a.pass } : c;
}

/** Whether a due date has passed at `when`; no due date is never late. */
export function isLate(a: Pick<Assignment, 'due'>, when: string): boolean {
  return !!a.due && Date.parse(when) > Date.parse(a.due);
}
