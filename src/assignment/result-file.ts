/**
 * What a student hands in: the result file (readable JSON) and the result code (the same content,
 * compressed, for a chat or an LMS text box). Both are read back here, and anything that is not a
 * result file this program wrote — corrupted, cut short, another program's, or edited by hand — is
 * refused with the reason.
 *
 * The seal covers everything except the claimed scores. Scores are always recomputed from the
 * transcript, so a hand-edited score does no harm and is only pointed out; a hand-edited transcript,
 * name or number breaks the seal. The seal detects edits; it is not a signature (there is no server
 * to keep a secret), so it does not stop a determined forger.
 */
import type { Case } from '../case/types.ts';
import { isSeed } from '../engine/order.ts';
import type { Result } from '../engine/types.ts';
import { readPass, readSettings } from './assignment.ts';
import { canonicalJson, caseHash, rulebookVersion } from './fingerprint.ts';
import { isBool, isInstant, isInt, isRecord, isString, need, ShapeError, type Json } from './guards.ts';
import { pack, unpack } from './pack.ts';
import { sha256Hex } from './sha256.ts';
import { RESULT_FORMAT, type Assignment, type AttemptRecord, type RecordedStep, type ResultFile, type Student } from './types.ts';

export const RESULT_CODE_PREFIX = 'DDR1.';

/** Student numbers are compared after folding full-width digits and letters and case. */
export const studentKey = (number: string): string => number.normalize('NFKC').trim().toUpperCase();

/** Whole seconds, UTC: what the files store, so a code round-trips exactly. */
export const instant = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** An attempt's id comes from its content, so the same attempt read from a file and a code is one. */
export function attemptId(assignmentId: string, student: Pick<Student, 'number'>, r: Omit<AttemptRecord, 'id'>): string {
  const key = canonicalJson([assignmentId, studentKey(student.number), r.caseId, r.number, r.startedAt, r.steps.map((s) => s.reply)]);
  return sha256Hex(key).slice(0, 16);
}

export interface FinishedAttempt {
  assignment: Assignment;
  student: Student;
  /** The case as written (not with the assignment's pass rule), for its fingerprint. */
  case: Case;
  number: number;
  startedAt: string;
  finishedAt: string;
  steps: RecordedStep[];
  /** Scored with the assignment's pass rule. */
  result: Result;
}

export function makeAttemptRecord(f: FinishedAttempt): AttemptRecord {
  const record: Omit<AttemptRecord, 'id'> = {
    caseId: f.case.id,
    caseHash: caseHash(f.case),
    caseVersion: f.case.version,
    rulebookVersion: rulebookVersion(f.case),
    number: f.number,
    startedAt: f.startedAt,
    finishedAt: f.finishedAt,
    settings: f.assignment.settings,
    pass: f.assignment.pass ?? f.case.pass,
    steps: f.steps,
    scores: { ending: f.result.ending, satisfaction: f.result.satisfaction, compliance: f.result.compliance, passed: f.result.passed },
    ...(f.result.seed === undefined ? {} : { seed: f.result.seed }),
  };
  return { id: attemptId(f.assignment.id, f.student, record), ...record };
}

function sealOf(file: Omit<ResultFile, 'seal'>): string {
  const unscored = { ...file, attempts: file.attempts.map(({ scores: _scores, ...a }) => a) };
  return sha256Hex(canonicalJson(unscored)).slice(0, 32);
}

export function makeResultFile(a: Assignment, student: Student, attempts: AttemptRecord[], savedAt: string): ResultFile {
  const body: Omit<ResultFile, 'seal'> = {
    format: RESULT_FORMAT,
    version: 1,
    assignment: { id: a.id, className: a.className, title: a.title, ...(a.due ? { due: a.due } : {}) },
    student: { name: student.name, number: student.number },
    savedAt,
    attempts,
  };
  return { ...body, seal: sealOf(body) };
}

/** "Class 3_张三_2023001_Price drop.json": safe on Windows, macOS and phones, Chinese kept. */
export function resultFileName(file: Pick<ResultFile, 'assignment' | 'student'>): string {
  const clean = (s: string) => s.normalize('NFC').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const parts = [file.assignment.className, file.student.name, file.student.number, file.assignment.title].map(clean).filter(Boolean);
  return `${parts.join('_').slice(0, 150) || 'result'}.json`;
}

export type ResultProblem =
  | { kind: 'not-json' }
  | { kind: 'foreign' }
  | { kind: 'newer'; version: unknown }
  | { kind: 'invalid'; field: string }
  | { kind: 'edited' }
  | { kind: 'damaged-code' };

export type ReadResult = { file: ResultFile } | { problem: ResultProblem };

function readStep(v: unknown, field: string): RecordedStep {
  const s = need(isRecord(v), field, v as Json);
  return {
    node: need(isString(s.node, 200), `${field}.node`, s.node as string),
    reply: need(isString(s.reply, 200), `${field}.reply`, s.reply as string),
    at: need(isInstant(s.at), `${field}.at`, s.at as string),
  };
}

function readAttempt(v: unknown, field: string): Omit<AttemptRecord, 'id'> & { id?: string } {
  const r = need(isRecord(v), field, v as Json);
  const sc = need(isRecord(r.scores), `${field}.scores`, r.scores as Json);
  const steps = need(Array.isArray(r.steps) && r.steps.length <= 10_000, `${field}.steps`, r.steps as unknown[]);
  return {
    caseId: need(isString(r.caseId, 200), `${field}.caseId`, r.caseId as string),
    caseHash: need(isString(r.caseHash, 64), `${field}.caseHash`, r.caseHash as string),
    caseVersion: need(isString(r.caseVersion, 100), `${field}.caseVersion`, r.caseVersion as string),
    rulebookVersion: need(isString(r.rulebookVersion, 200), `${field}.rulebookVersion`, r.rulebookVersion as string),
    number: need(isInt(r.number, 1, 999), `${field}.number`, r.number as number),
    startedAt: need(isInstant(r.startedAt), `${field}.startedAt`, r.startedAt as string),
    finishedAt: need(isInstant(r.finishedAt), `${field}.finishedAt`, r.finishedAt as string),
    settings: readSettings(r.settings, `${field}.settings`),
    pass: readPass(r.pass, `${field}.pass`),
    steps: steps.map((s, i) => readStep(s, `${field}.steps.${i}`)),
    // Claimed scores are only compared with the recomputed ones, so any number will do here.
    scores: {
      ending: need(isString(sc.ending, 200), `${field}.scores.ending`, sc.ending as string),
      satisfaction: need(typeof sc.satisfaction === 'number', `${field}.scores.satisfaction`, sc.satisfaction as number),
      compliance: need(typeof sc.compliance === 'number', `${field}.scores.compliance`, sc.compliance as number),
      passed: need(isBool(sc.passed), `${field}.scores.passed`, sc.passed as boolean),
    },
    ...(r.seed === undefined ? {} : { seed: need(isSeed(r.seed), `${field}.seed`, r.seed as number) }),
  };
}

/** Checks a parsed value field by field; ids are recomputed from content rather than trusted. */
export function readResultFile(value: unknown, checkSeal = true): ReadResult {
  if (!isRecord(value) || value.format !== RESULT_FORMAT) return { problem: { kind: 'foreign' } };
  if (value.version !== 1) return { problem: { kind: 'newer', version: value.version } };
  try {
    const a = need(isRecord(value.assignment), 'assignment', value.assignment as Json);
    const s = need(isRecord(value.student), 'student', value.student as Json);
    const attempts = need(Array.isArray(value.attempts) && value.attempts.length <= 1000, 'attempts', value.attempts as unknown[]);
    const assignment = {
      id: need(isString(a.id, 64), 'assignment.id', a.id as string),
      className: need(isString(a.className, 200), 'assignment.className', a.className as string),
      title: need(isString(a.title, 200), 'assignment.title', a.title as string),
      ...(a.due === undefined ? {} : { due: need(isInstant(a.due), 'assignment.due', a.due as string) }),
    };
    const student = {
      name: need(isString(s.name, 200) && s.name.trim() !== '', 'student.name', s.name as string),
      number: need(isString(s.number, 100) && s.number.trim() !== '', 'student.number', s.number as string),
    };
    const body: Omit<ResultFile, 'seal'> = {
      format: RESULT_FORMAT,
      version: 1,
      assignment,
      student,
      savedAt: need(isInstant(value.savedAt), 'savedAt', value.savedAt as string),
      attempts: attempts.map((x, i) => {
        const { id: _claimed, ...r } = readAttempt(x, `attempts.${i}`);
        return { id: attemptId(assignment.id, student, r), ...r };
      }),
    };
    const seal = sealOf(body);
    if (checkSeal && value.seal !== seal) return { problem: { kind: 'edited' } };
    return { file: { ...body, seal } };
  } catch (error) {
    if (error instanceof ShapeError) return { problem: { kind: 'invalid', field: error.field } };
    throw error;
  }
}

/** Reads the text of a dropped file. */
export function parseResultFile(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: { kind: 'not-json' } };
  }
  return readResultFile(value);
}

export function serializeResultFile(file: ResultFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

// The code's compact form: positional arrays and times as seconds after the attempt started.
type CompactAttempt = [string, string, string, string, number, string, number, [number, number, number, number], [number, number, number], [string, string, number][], [string, number, number, number], number?];

export function encodeResultCode(file: ResultFile): string {
  const secondsAfter = (start: string, t: string) => Math.round((Date.parse(t) - Date.parse(start)) / 1000);
  const compact = {
    a: [file.assignment.id, file.assignment.className, file.assignment.title, file.assignment.due ?? ''],
    s: [file.student.name, file.student.number],
    t: file.savedAt,
    x: file.attempts.map((r): CompactAttempt => [
      r.caseId,
      r.caseHash,
      r.caseVersion,
      r.rulebookVersion,
      r.number,
      r.startedAt,
      secondsAfter(r.startedAt, r.finishedAt),
      [r.settings.feedback === 'deferred' ? 1 : 0, r.settings.hints ? 1 : 0, r.settings.attempts, r.settings.showRealPath ? 1 : 0],
      [r.pass.minSatisfaction, r.pass.minCompliance, r.pass.criticalFails ? 1 : 0],
      r.steps.map((s) => [s.node, s.reply, secondsAfter(r.startedAt, s.at)]),
      [r.scores.ending, r.scores.satisfaction, r.scores.compliance, r.scores.passed ? 1 : 0],
      // The seed comes last and only when there is one, so codes from before it still read.
      ...(r.seed === undefined ? [] : [r.seed]),
    ] as CompactAttempt),
  };
  return pack(RESULT_CODE_PREFIX, compact);
}

/** Reads a pasted result code. A typo or a cut-off code fails its checksum and is refused. */
export function decodeResultCode(code: string): ReadResult {
  const unpacked = unpack(RESULT_CODE_PREFIX, code);
  if ('problem' in unpacked) return { problem: unpacked.problem === 'foreign' ? { kind: 'foreign' } : { kind: 'damaged-code' } };
  try {
    const v = need(isRecord(unpacked.value), 'code', unpacked.value as Json);
    const [id, className, title, due] = need(Array.isArray(v.a) && v.a.length === 4, 'a', v.a as string[]);
    const [name, number] = need(Array.isArray(v.s) && v.s.length === 2, 's', v.s as string[]);
    const at = (start: string, seconds: unknown, field: string) =>
      instant(Date.parse(start) + need(isInt(seconds, 0, 1e9), field, seconds as number) * 1000);
    const attempts = need(Array.isArray(v.x), 'x', v.x as unknown[]).map((x, i) => {
      const r = need(Array.isArray(x) && (x.length === 11 || x.length === 12), `x.${i}`, x as CompactAttempt);
      const startedAt = need(isInstant(r[5]), `x.${i}.startedAt`, r[5]);
      const [f, h, n, real] = need(Array.isArray(r[7]), `x.${i}.settings`, r[7]);
      const [ms, mc, crit] = need(Array.isArray(r[8]), `x.${i}.pass`, r[8]);
      const [ending, satisfaction, compliance, passed] = need(Array.isArray(r[10]), `x.${i}.scores`, r[10]);
      return {
        id: '',
        caseId: r[0],
        caseHash: r[1],
        caseVersion: r[2],
        rulebookVersion: r[3],
        number: r[4],
        startedAt,
        finishedAt: at(startedAt, r[6], `x.${i}.finishedAt`),
        settings: { feedback: f ? 'deferred' : 'immediate', hints: !!h, attempts: n, showRealPath: !!real },
        pass: { minSatisfaction: ms, minCompliance: mc, criticalFails: !!crit },
        steps: need(Array.isArray(r[9]), `x.${i}.steps`, r[9]).map(([node, reply, s], k) => ({ node, reply, at: at(startedAt, s, `x.${i}.steps.${k}`) })),
        scores: { ending, satisfaction, compliance, passed: !!passed },
        ...(r.length === 12 ? { seed: r[11] } : {}),
      };
    });
    const file = { format: RESULT_FORMAT, version: 1, assignment: { id, className, title, ...(due ? { due } : {}) }, student: { name, number }, savedAt: v.t, attempts };
    // The checksum already vouches for the code; the full check still runs on every field.
    return readResultFile(file, false);
  } catch (error) {
    if (error instanceof ShapeError) return { problem: { kind: 'invalid', field: error.field } };
    throw error;
  }
}
