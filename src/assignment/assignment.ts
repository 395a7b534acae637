/**
 * An Assignment and its link: making one, turning it into the text after `#/a/` and back, and
 * applying its settings and pass rule to a case. The link carries everything (a teacher's own cases
 * in full), because there is no server to look anything up on.
 */
import type { Case, PassRule } from '../case/types.ts';
import { caseHash } from './fingerprint.ts';
import { isBool, isInstant, isInt, isRecord, isString, need, ShapeError, type Json } from './guards.ts';
import { pack, unpack, type UnpackProblem } from './pack.ts';
import type { AssignedCase, Assignment, AssignmentSettings, Student } from './types.ts';

/** Links written now: the assignment as a positional array (see `compact`). */
export const ASSIGNMENT_PREFIX = 'DDA2.';
/** Links written before: the assignment as named JSON. Still read. */
export const ASSIGNMENT_PREFIX_V1 = 'DDA1.';
/**
 * Hex digits of a case's fingerprint a link and a result carry: 48 bits tell a changed case from the
 * one assigned, and three cases still fit a QR code that scans from the back of a classroom.
 */
export const SHORT_HASH = 12;
/** Longer than this and some chat apps cut or refuse the message; the teacher page warns. */
export const LINK_WARN_LENGTH = 2000;

export const DEFAULT_SETTINGS: AssignmentSettings = { feedback: 'immediate', hints: true, attempts: 0, showRealPath: true };

/** A random id; `crypto.getRandomValues` exists in Node 20 and every browser. */
export function newAssignmentId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12);
}

export function assignCase(c: Case, source?: { text: string; file: string }): AssignedCase {
  return { id: c.id, hash: caseHash(c).slice(0, SHORT_HASH), version: c.version, ...(source ? { source: source.text, file: source.file } : {}) };
}

/** Whether a case is the one a (short or full) fingerprint was taken of. */
export const sameFingerprint = (fingerprint: string, c: Case): boolean => fingerprint.length >= SHORT_HASH && caseHash(c).startsWith(fingerprint);

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const fromSeconds = (s: unknown, field: string) => new Date(need(isInt(s, 0, 1e11), field, s as number) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The link's compact form: positions instead of names and times as seconds, so a link for three
 * cases stays short. Named fields that only some assignments have travel in the last, optional slot.
 */
function compact(a: Assignment): unknown[] {
  const s = a.settings;
  const extra = { ...(a.series ? { series: a.series } : {}), ...(a.revision ? { revision: a.revision } : {}), ...(a.for ? { for: [a.for.name, a.for.number] } : {}) };
  const out: unknown[] = [
    a.id,
    a.className,
    a.title,
    seconds(a.created),
    a.due ? seconds(a.due) : 0,
    a.timeZone ?? '',
    [s.feedback === 'deferred' ? 1 : 0, s.hints ? 1 : 0, s.attempts, s.showRealPath ? 1 : 0],
    a.pass ? [a.pass.minSatisfaction, a.pass.minCompliance, a.pass.criticalFails ? 1 : 0] : 0,
    a.cases.map((c) => [c.id, c.hash, c.version, ...(c.source === undefined ? [] : [c.source, c.file ?? ''])]),
  ];
  return Object.keys(extra).length ? [...out, extra] : out;
}

function expand(v: unknown): Record<string, unknown> {
  const r = need(Array.isArray(v) && (v.length === 9 || v.length === 10), 'assignment', v as unknown[]);
  const flag = (x: unknown, field: string) => need(x === 0 || x === 1, field, x) === 1;
  const [f, h, n, real] = need(Array.isArray(r[6]) && r[6].length === 4, 'settings', r[6] as unknown[]);
  const pass = r[7] === 0 ? undefined : need(Array.isArray(r[7]) && r[7].length === 3, 'pass', r[7] as unknown[]);
  const extra = r[9] === undefined ? {} : need(isRecord(r[9]), 'extra', r[9] as Json);
  const student = extra.for === undefined ? undefined : need(Array.isArray(extra.for) && extra.for.length === 2, 'for', extra.for as unknown[]);
  return {
    format: 1,
    id: r[0],
    className: r[1],
    title: r[2],
    created: fromSeconds(r[3], 'created'),
    ...(r[4] === 0 ? {} : { due: fromSeconds(r[4], 'due') }),
    ...(r[5] === '' ? {} : { timeZone: r[5] }),
    settings: { feedback: flag(f, 'settings.feedback') ? 'deferred' : 'immediate', hints: flag(h, 'settings.hints'), attempts: n, showRealPath: flag(real, 'settings.showRealPath') },
    ...(pass ? { pass: { minSatisfaction: pass[0], minCompliance: pass[1], criticalFails: flag(pass[2], 'pass.criticalFails') } } : {}),
    cases: need(Array.isArray(r[8]), 'cases', r[8] as unknown[]).map((c, i) => {
      const x = need(Array.isArray(c) && (c.length === 3 || c.length === 5), `cases.${i}`, c as unknown[]);
      return { id: x[0], hash: x[1], version: x[2], ...(x.length === 5 ? { source: x[3], ...(x[4] === '' ? {} : { file: x[4] }) } : {}) };
    }),
    ...(extra.series === undefined ? {} : { series: extra.series }),
    ...(extra.revision === undefined ? {} : { revision: extra.revision }),
    ...(student ? { for: { name: student[0], number: student[1] } } : {}),
  };
}

export function encodeAssignment(a: Assignment): string {
  return pack(ASSIGNMENT_PREFIX, compact(a));
}

/** The full link for students: the site's address with the assignment in the hash. */
export function assignmentLink(siteUrl: string, a: Assignment | string): string {
  const base = siteUrl.replace(/#.*$/, '');
  return `${base}#/a/${typeof a === 'string' ? a : encodeAssignment(a)}`;
}

export type AssignmentProblem = UnpackProblem | 'invalid';

export function decodeAssignment(payload: string): { assignment: Assignment } | { problem: AssignmentProblem; field?: string } {
  const old = payload.trimStart().startsWith(ASSIGNMENT_PREFIX_V1);
  const unpacked = unpack(old ? ASSIGNMENT_PREFIX_V1 : ASSIGNMENT_PREFIX, payload);
  if ('problem' in unpacked) return unpacked;
  try {
    return { assignment: readAssignment(old ? unpacked.value : expand(unpacked.value)) };
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
        hash: need(isString(c.hash, 64) && /^[0-9a-f]+$/.test(c.hash), `cases.${i}.hash`, c.hash as string),
        version: need(isString(c.version, 100), `cases.${i}.version`, c.version as string),
        ...(c.source === undefined ? {} : { source: need(isString(c.source, 2_000_000), `cases.${i}.source`, c.source as string) }),
        ...(c.file === undefined ? {} : { file: need(isString(c.file, 300), `cases.${i}.file`, c.file as string) }),
      };
    }),
    ...(a.series === undefined ? {} : { series: need(isString(a.series, 64) && a.series.length > 0, 'series', a.series as string) }),
    ...(a.revision === undefined ? {} : { revision: need(isInt(a.revision, 2, 999), 'revision', a.revision as number) }),
    ...(a.for === undefined ? {} : { for: readStudent(a.for, 'for') }),
  };
}

function readStudent(v: unknown, field: string): Student {
  const s = need(isRecord(v), field, v as Json);
  return {
    name: need(isString(s.name, 200), `${field}.name`, s.name as string),
    number: need(isString(s.number, 100) && s.number.trim() !== '', `${field}.number`, s.number as string),
  };
}

/** The id every version of an assignment shares: the first version's. */
export const seriesOf = (a: Pick<Assignment, 'id' | 'series'>): string => a.series ?? a.id;

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
