/**
 * An Assignment and its link: making one, turning it into the text after `#/a/` and back, and
 * applying its settings and pass rule to a case. The link carries everything (a teacher's own cases
 * in full), because there is no server to look anything up on.
 */
import type { Case, PassRule } from '../case/types.ts';
import { caseHash } from './fingerprint.ts';
import { int, isBool, isInstant, isRecord, isString, list, need, oneOf, ShapeError, slots, text, want } from './guards.ts';
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
const fromSeconds = (s: unknown, field: string) => new Date(want(s, int(0, 1e11), field) * 1000).toISOString().replace('.000Z', 'Z');

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
  const r = want(v, slots(9, 1), 'assignment');
  const flag = (x: unknown, field: string) => need(x === 0 || x === 1, field, x) === 1;
  const [f, h, n, real] = want(r[6], slots(4), 'settings');
  const pass = r[7] === 0 ? undefined : want(r[7], slots(3), 'pass');
  const extra = r[9] === undefined ? {} : want(r[9], isRecord, 'extra');
  const student = extra.for === undefined ? undefined : want(extra.for, slots(2), 'for');
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
    cases: want(r[8], list(Infinity), 'cases').map((c, i) => {
      const x = want(c, (x): x is unknown[] => Array.isArray(x) && (x.length === 3 || x.length === 5), `cases.${i}`);
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
  const s = want(v, isRecord, field);
  return {
    feedback: want(s.feedback, oneOf('immediate', 'deferred'), `${field}.feedback`),
    hints: want(s.hints, isBool, `${field}.hints`),
    attempts: want(s.attempts, int(0, 99), `${field}.attempts`),
    showRealPath: want(s.showRealPath, isBool, `${field}.showRealPath`),
  };
}

export function readPass(v: unknown, field = 'pass'): PassRule {
  const p = want(v, isRecord, field);
  return {
    minSatisfaction: want(p.minSatisfaction, int(0, 100), `${field}.minSatisfaction`),
    minCompliance: want(p.minCompliance, int(0, 100), `${field}.minCompliance`),
    criticalFails: want(p.criticalFails, isBool, `${field}.criticalFails`),
  };
}

const isHash = (v: unknown): v is string => isString(v, 64) && /^[0-9a-f]+$/.test(v);

function readAssignedCase(item: unknown, field: string): AssignedCase {
  const c = want(item, isRecord, field);
  return {
    id: want(c.id, text(200), `${field}.id`),
    hash: want(c.hash, isHash, `${field}.hash`),
    version: want(c.version, text(100), `${field}.version`),
    ...(c.source === undefined ? {} : { source: want(c.source, text(2_000_000), `${field}.source`) }),
    ...(c.file === undefined ? {} : { file: want(c.file, text(300), `${field}.file`) }),
  };
}

const isId = (v: unknown): v is string => isString(v, 64) && v.length > 0;

function readAssignment(v: unknown): Assignment {
  const a = want(v, isRecord, 'assignment');
  need(a.format === 1, 'format', 1);
  const cases = want(a.cases, list(50), 'cases');
  need(cases.length > 0, 'cases', cases);
  return {
    format: 1,
    id: want(a.id, isId, 'id'),
    className: want(a.className, text(200), 'className'),
    title: want(a.title, text(200), 'title'),
    created: want(a.created, isInstant, 'created'),
    ...(a.due === undefined ? {} : { due: want(a.due, isInstant, 'due') }),
    ...(a.timeZone === undefined ? {} : { timeZone: want(a.timeZone, text(64), 'timeZone') }),
    settings: readSettings(a.settings),
    ...(a.pass === undefined ? {} : { pass: readPass(a.pass) }),
    cases: cases.map((item, i) => readAssignedCase(item, `cases.${i}`)),
    ...(a.series === undefined ? {} : { series: want(a.series, isId, 'series') }),
    ...(a.revision === undefined ? {} : { revision: want(a.revision, int(2, 999), 'revision') }),
    ...(a.for === undefined ? {} : { for: readStudent(a.for, 'for') }),
  };
}

function readStudent(v: unknown, field: string): Student {
  const s = want(v, isRecord, field);
  return { name: want(s.name, text(200), `${field}.name`), number: want(s.number, text(100, true), `${field}.number`) };
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
