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
import { isBool, isInstant, isInt, isRecord, isString, need, ShapeError, type Json } from './guards.ts';
import { pack, unpack } from './pack.ts';
import { sha256Hex } from './sha256.ts';
import { RESULT_FORMAT, type Assignment, type AttemptRecord, type RecordedStep, type ResultFile, type Student } from './types.ts';

export const RESULT_CODE_PREFIX = 'DDR2.';
/** Codes written before codes were sealed: refused, with the reason. */
export const OLD_CODE_PREFIX = 'DDR1.';

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
  const s = need(isRecord(v), field, v as Json);
  return {
    node: need(isString(s.node, 200), `${field}.node`, s.node as string),
    reply: need(isString(s.reply, 200), `${field}.reply`, s.reply as string),
    at: need(isInstant(s.at), `${field}.at`, s.at as string),
  };
}

const KNOWN_ATTEMPT_FIELDS = new Set(['id', 'caseId', 'caseHash', 'caseVersion', 'rulebookVersion', 'number', 'startedAt', 'finishedAt', 'settings', 'pass', 'steps', 'scores']);

/** Fields a later version added to an attempt: kept when plain (a short text, a number, yes/no). */
function extraFields(r: Json, field: string): Json {
  const extra: Json = Object.create(null) as Json;
  for (const [k, v] of Object.entries(r)) {
    if (KNOWN_ATTEMPT_FIELDS.has(k) || k === '__proto__') continue;
    need(Object.keys(extra).length < 20 && k.length <= 40 && (isString(v, 200) || isBool(v) || (typeof v === 'number' && Number.isFinite(v))), `${field}.${k}`, v);
    extra[k] = v;
  }
  return { ...extra };
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
    ...extraFields(r, field),
    ...(r.seed === undefined ? {} : { seed: need(isSeed(r.seed), `${field}.seed`, r.seed as number) }),
  };
}

/** Checks a parsed value field by field; ids are recomputed from content rather than trusted. */
export function readResultFile(value: unknown, checkSeal = true): ReadResult {
  if (!isRecord(value) || value.format !== RESULT_FORMAT) return { problem: { kind: 'foreign' } };
  if (value.version !== 1 && value.version !== 2) return { problem: { kind: 'newer', version: value.version } };
  const version = value.version;
  try {
    const a = need(isRecord(value.assignment), 'assignment', value.assignment as Json);
    const s = need(isRecord(value.student), 'student', value.student as Json);
    const attempts = need(Array.isArray(value.attempts) && value.attempts.length <= 1000, 'attempts', value.attempts as unknown[]);
    const inProgress =
      value.inProgress === undefined ? [] : need(Array.isArray(value.inProgress) && value.inProgress.length <= 100, 'inProgress', value.inProgress as unknown[]);
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
    const read = (list: unknown[], field: string) =>
      list.map((x, i) => {
        const { id: _claimed, ...r } = readAttempt(x, `${field}.${i}`);
        return { id: attemptId(assignment.id, student, r), ...r };
      });
    const body: Omit<ResultFile, 'seal'> = {
      format: RESULT_FORMAT,
      version,
      assignment,
      student,
      savedAt: need(isInstant(value.savedAt), 'savedAt', value.savedAt as string),
      attempts: read(attempts, 'attempts'),
      ...(inProgress.length ? { inProgress: read(inProgress, 'inProgress') } : {}),
    };
    const seal = sealOf(body);
    // A version-1 file's seal left the scores out; the recomputed scores still say what they earn.
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

// The code's compact form: positional arrays and times as seconds after the attempt started. The
// optional last slot holds an attempt's named extra fields (see `extraFields`).
type CompactAttempt = [string, string, string, string, number, string, number, [number, number, number, number], [number, number, number], [string, string, number][], [string, number, number, number], Json?];

export function encodeResultCode(file: ResultFile): string {
  const secondsAfter = (start: string, t: string) => Math.round((Date.parse(t) - Date.parse(start)) / 1000);
  const compact = (r: AttemptRecord): CompactAttempt => {
    const extra = Object.fromEntries(Object.entries(r).filter(([k]) => !KNOWN_ATTEMPT_FIELDS.has(k)));
    return [
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
      ...(Object.keys(extra).length ? [extra] : []),
    ] as CompactAttempt;
  };
  return pack(RESULT_CODE_PREFIX, {
    v: file.version,
    a: [file.assignment.id, file.assignment.className, file.assignment.title, file.assignment.due ?? ''],
    s: [file.student.name, file.student.number],
    t: file.savedAt,
    x: file.attempts.map(compact),
    ...(file.inProgress?.length ? { p: file.inProgress.map(compact) } : {}),
    z: file.seal,
  });
}

/**
 * Reads a pasted result code. A typo or a cut-off code fails its checksum; an edited one fails the
 * seal, exactly as an edited file does.
 */
export function decodeResultCode(code: string): ReadResult {
  if (code.replace(/\s+/g, '').startsWith(OLD_CODE_PREFIX)) return { problem: { kind: 'old-code' } };
  const unpacked = unpack(RESULT_CODE_PREFIX, code);
  if ('problem' in unpacked) return { problem: unpacked.problem === 'foreign' ? { kind: 'foreign' } : { kind: 'damaged-code' } };
  try {
    const v = need(isRecord(unpacked.value), 'code', unpacked.value as Json);
    const [id, className, title, due] = need(Array.isArray(v.a) && v.a.length === 4, 'a', v.a as string[]);
    const [name, number] = need(Array.isArray(v.s) && v.s.length === 2, 's', v.s as string[]);
    const at = (start: string, seconds: unknown, field: string) =>
      instant(Date.parse(start) + need(isInt(seconds, 0, 1e9), field, seconds as number) * 1000);
    const expand = (list: unknown, field: string) =>
      need(Array.isArray(list) && list.length <= 1000, field, list as unknown[]).map((x, i) => {
        const r = need(Array.isArray(x) && (x.length === 11 || x.length === 12), `${field}.${i}`, x as CompactAttempt);
        const startedAt = need(isInstant(r[5]), `${field}.${i}.startedAt`, r[5]);
        const [f, h, n, real] = need(Array.isArray(r[7]) && r[7].length === 4, `${field}.${i}.settings`, r[7]);
        const [ms, mc, crit] = need(Array.isArray(r[8]) && r[8].length === 3, `${field}.${i}.pass`, r[8]);
        const [ending, satisfaction, compliance, passed] = need(Array.isArray(r[10]) && r[10].length === 4, `${field}.${i}.scores`, r[10]);
        const steps = need(Array.isArray(r[9]) && r[9].length <= 10_000, `${field}.${i}.steps`, r[9]).map((s, k) => {
          const [node, reply, after] = need(Array.isArray(s) && s.length === 3, `${field}.${i}.steps.${k}`, s);
          return { node, reply, at: at(startedAt, after, `${field}.${i}.steps.${k}`) };
        });
        return {
          ...(r[11] === undefined ? {} : need(isRecord(r[11]), `${field}.${i}.extra`, r[11])),
          caseId: r[0],
          caseHash: r[1],
          caseVersion: r[2],
          rulebookVersion: r[3],
          number: r[4],
          startedAt,
          finishedAt: at(startedAt, r[6], `${field}.${i}.finishedAt`),
          settings: { feedback: f ? 'deferred' : 'immediate', hints: !!h, attempts: n, showRealPath: !!real },
          pass: { minSatisfaction: ms, minCompliance: mc, criticalFails: !!crit },
          steps,
          scores: { ending, satisfaction, compliance, passed: !!passed },
        };
      });
    const file = {
      format: RESULT_FORMAT,
      version: v.v,
      assignment: { id, className, title, ...(due ? { due } : {}) },
      student: { name, number },
      savedAt: v.t,
      attempts: expand(v.x, 'x'),
      ...(v.p === undefined ? {} : { inProgress: expand(v.p, 'p') }),
      seal: v.z,
    };
    return readResultFile(file);
  } catch (error) {
    if (error instanceof ShapeError) return { problem: { kind: 'invalid', field: error.field } };
    // Whatever else the content trips over, it is still not a code this program wrote.
    return { problem: { kind: 'invalid', field: 'code' } };
  }
}
