/**
 * What a student hands in: the result file (readable JSON) and the result code (the same content,
 * compressed, for a chat or an LMS text box). Both are read back here, and anything that is not a
 * result file this program wrote — corrupted, cut short, another program's, or edited by hand — is
 * refused with the reason.
 *
 * The seal covers everything — transcript, scores, name, number, times — and a code carries the
 * same seal as the file, so both are checked the same way. Scores are recomputed from the transcript
 * anyway. The seal detects edits; it is not a signature (there is no server to keep a secret), so it
 * does not stop a determined forger: the dashboard's plausibility notes and the teacher guide say so.
 *
 * Files and codes stay open to additions: a named field this version does not know, on an attempt,
 * is kept as it is (sealed with the rest) when it holds a plain value.
 */
import type { Case } from '../case/types.ts';
import { isSeed } from '../engine/order.ts';
import type { Result } from '../engine/types.ts';
import { readPass, readSettings, SHORT_HASH } from './assignment.ts';
import { canonicalJson, caseHash, rulebookVersion } from './fingerprint.ts';
import { instant, int, isBool, isInstant, isNumber, isRecord, isString, list, need, ShapeError, text, want, type Json } from './guards.ts';
import { pack, unpack } from './pack.ts';
import { fileFromV2Code } from './result-code-v2.ts';
import { sha256Hex } from './sha256.ts';
import { RESULT_FORMAT, type Assignment, type AttemptRecord, type ClaimedScores, type RecordedStep, type ResultFile, type Student } from './types.ts';

export const RESULT_CODE_PREFIX = 'DDR3.';
/** Codes of the version before, with positional lists: still read. */
export const V2_CODE_PREFIX = 'DDR2.';
/** Codes written before codes were sealed: refused, with the reason. */
export const OLD_CODE_PREFIX = 'DDR1.';
/** Every prefix a code this program reads may start with, newest first. */
export const CODE_PREFIXES = [RESULT_CODE_PREFIX, V2_CODE_PREFIX] as const;

/** Student numbers are compared after folding full-width digits and letters and case. */
export const studentKey = (number: string): string => number.normalize('NFKC').trim().toUpperCase();

export { instant };

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
    caseHash: caseHash(f.case).slice(0, SHORT_HASH),
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
  // Attempt ids are worked out from the content on reading, so they are left out of the seal.
  const bare = (list: AttemptRecord[] = []) => list.map(({ id: _id, ...a }) => a);
  if (file.version === 2) return sha256Hex(canonicalJson({ ...file, attempts: bare(file.attempts), inProgress: bare(file.inProgress) })).slice(0, 32);
  const unscored = { ...file, attempts: file.attempts.map(({ scores: _scores, ...a }) => a) };
  return sha256Hex(canonicalJson(unscored)).slice(0, 32);
}

/** An attempt not finished yet, as handed in: its replies so far, scores zero (never counted). */
export function makeInProgressRecord(
  a: Assignment,
  student: Pick<Student, 'number'>,
  caseId: string,
  cur: { number: number; startedAt: string; steps: RecordedStep[] },
): AttemptRecord {
  const assigned = a.cases.find((c) => c.id === caseId);
  const record: Omit<AttemptRecord, 'id'> = {
    caseId,
    caseHash: assigned?.hash.slice(0, SHORT_HASH) ?? '',
    caseVersion: assigned?.version ?? '',
    rulebookVersion: '',
    number: cur.number,
    startedAt: cur.startedAt,
    finishedAt: cur.steps.at(-1)?.at ?? cur.startedAt,
    settings: a.settings,
    pass: a.pass ?? { minSatisfaction: 0, minCompliance: 0, criticalFails: false },
    steps: cur.steps,
    scores: { ending: '', satisfaction: 0, compliance: 0, passed: false },
  };
  return { id: attemptId(a.id, student, record), ...record };
}

export function makeResultFile(a: Assignment, student: Student, attempts: AttemptRecord[], savedAt: string, inProgress: AttemptRecord[] = []): ResultFile {
  const body: Omit<ResultFile, 'seal'> = {
    format: RESULT_FORMAT,
    version: 2,
    assignment: { id: a.id, className: a.className, title: a.title, ...(a.due ? { due: a.due } : {}) },
    student: { name: student.name, number: student.number },
    savedAt,
    attempts,
    ...(inProgress.length ? { inProgress } : {}),
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
  | { kind: 'damaged-code' }
  | { kind: 'old-code' };

export type ReadResult = { file: ResultFile } | { problem: ResultProblem };

function readStep(v: unknown, field: string): RecordedStep {
  const s = want(v, isRecord, field);
  return {
    node: want(s.node, text(200), `${field}.node`),
    reply: want(s.reply, text(200), `${field}.reply`),
    at: want(s.at, isInstant, `${field}.at`),
  };
}

const KNOWN_ATTEMPT_FIELDS = new Set(['id', 'caseId', 'caseHash', 'caseVersion', 'rulebookVersion', 'number', 'startedAt', 'finishedAt', 'settings', 'pass', 'steps', 'scores', 'seed']);

const isPlain = (v: unknown): v is string | number | boolean => isString(v, 200) || isBool(v) || isNumber(v);

/** Fields a later version added to an attempt: kept when plain (a short text, a number, yes/no). */
function extraFields(r: Json, field: string): Json {
  const extra = Object.entries(r).filter(([k]) => !KNOWN_ATTEMPT_FIELDS.has(k) && k !== '__proto__');
  extra.forEach(([k, v], i) => need(i < 20 && k.length <= 40 && isPlain(v), `${field}.${k}`, v));
  return Object.fromEntries(extra);
}

function readScores(v: unknown, field: string): ClaimedScores {
  const sc = want(v, isRecord, field);
  // Claimed scores are only compared with the recomputed ones, so any number will do here.
  return {
    ending: want(sc.ending, text(200), `${field}.ending`),
    satisfaction: want(sc.satisfaction, isNumber, `${field}.satisfaction`),
    compliance: want(sc.compliance, isNumber, `${field}.compliance`),
    passed: want(sc.passed, isBool, `${field}.passed`),
  };
}

function readAttempt(v: unknown, field: string): Omit<AttemptRecord, 'id'> {
  const r = want(v, isRecord, field);
  return {
    caseId: want(r.caseId, text(200), `${field}.caseId`),
    caseHash: want(r.caseHash, text(64), `${field}.caseHash`),
    caseVersion: want(r.caseVersion, text(100), `${field}.caseVersion`),
    rulebookVersion: want(r.rulebookVersion, text(200), `${field}.rulebookVersion`),
    number: want(r.number, int(1, 999), `${field}.number`),
    startedAt: want(r.startedAt, isInstant, `${field}.startedAt`),
    finishedAt: want(r.finishedAt, isInstant, `${field}.finishedAt`),
    settings: readSettings(r.settings, `${field}.settings`),
    pass: readPass(r.pass, `${field}.pass`),
    steps: want(r.steps, list(10_000), `${field}.steps`).map((s, i) => readStep(s, `${field}.steps.${i}`)),
    scores: readScores(r.scores, `${field}.scores`),
    ...extraFields(r, field),
    ...(r.seed === undefined ? {} : { seed: want(r.seed, isSeed, `${field}.seed`) }),
  };
}

const isVersion = (v: unknown): v is ResultFile['version'] => v === 1 || v === 2;

/** Checks a parsed value field by field; ids are recomputed from content rather than trusted. */
export function readResultFile(value: unknown, checkSeal = true): ReadResult {
  if (!isRecord(value) || value.format !== RESULT_FORMAT) return { problem: { kind: 'foreign' } };
  if (!isVersion(value.version)) return { problem: { kind: 'newer', version: value.version } };
  try {
    const a = want(value.assignment, isRecord, 'assignment');
    const s = want(value.student, isRecord, 'student');
    const assignment = {
      id: want(a.id, text(64), 'assignment.id'),
      className: want(a.className, text(200), 'assignment.className'),
      title: want(a.title, text(200), 'assignment.title'),
      ...(a.due === undefined ? {} : { due: want(a.due, isInstant, 'assignment.due') }),
    };
    const student = { name: want(s.name, text(200, true), 'student.name'), number: want(s.number, text(100, true), 'student.number') };
    const read = (list: unknown[], field: string) =>
      list.map((x, i) => {
        const r = readAttempt(x, `${field}.${i}`);
        return { id: attemptId(assignment.id, student, r), ...r };
      });
    const attempts = want(value.attempts, list(1000), 'attempts');
    const inProgress = value.inProgress === undefined ? [] : want(value.inProgress, list(100), 'inProgress');
    const body: Omit<ResultFile, 'seal'> = {
      format: RESULT_FORMAT,
      version: value.version,
      assignment,
      student,
      savedAt: want(value.savedAt, isInstant, 'savedAt'),
      attempts: read(attempts, 'attempts'),
      ...(inProgress.length ? { inProgress: read(inProgress, 'inProgress') } : {}),
    };
    const seal = sealOf(body);
    // A version-1 file's seal left the scores out; the recomputed scores still say what they earn.
    if (checkSeal && value.seal !== seal) return { problem: { kind: 'edited' } };
    return { file: { ...body, seal } };
  } catch (error) {
    if (error instanceof ShapeError) return { problem: { kind: 'invalid', field: error.field } };
    // Whatever else the content trips over (a time past the calendar's end), it is not a code this program wrote.
    return { problem: { kind: 'invalid', field: 'code' } };
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

/**
 * A code holds the file itself, named fields and all, less the attempt ids (worked out from the
 * content on reading): one reader, `readResultFile`, checks files and codes alike.
 */
export function encodeResultCode(file: ResultFile): string {
  const bare = (list: AttemptRecord[]) => list.map(({ id: _id, ...a }) => a);
  const { inProgress, ...rest } = file;
  return pack(RESULT_CODE_PREFIX, { ...rest, attempts: bare(file.attempts), ...(inProgress?.length ? { inProgress: bare(inProgress) } : {}) });
}

/**
 * Reads a pasted result code, of this version or the one before. A typo or a cut-off code fails
 * its checksum; an edited one fails the seal, exactly as an edited file does.
 */
export function decodeResultCode(code: string): ReadResult {
  const compact = code.replace(/\s+/g, '');
  if (compact.startsWith(OLD_CODE_PREFIX)) return { problem: { kind: 'old-code' } };
  const v2 = compact.startsWith(V2_CODE_PREFIX);
  const unpacked = unpack(v2 ? V2_CODE_PREFIX : RESULT_CODE_PREFIX, code);
  if ('problem' in unpacked) return { problem: unpacked.problem === 'foreign' ? { kind: 'foreign' } : { kind: 'damaged-code' } };
  if (!v2) return readResultFile(unpacked.value);
  try {
    return readResultFile(fileFromV2Code(unpacked.value));
  } catch (error) {
    if (error instanceof ShapeError) return { problem: { kind: 'invalid', field: error.field } };
    // Whatever else the content trips over (a time past the calendar's end), it is not a code this program wrote.
    return { problem: { kind: 'invalid', field: 'code' } };
  }
}
