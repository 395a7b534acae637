/**
 * Result codes of the previous version (`DDR2.`): the file packed as positional lists, times as
 * seconds after the attempt started. Still read, so codes already handed in or held by an LMS
 * import; turned back into the file's named fields and then checked like any file.
 */
import { instant, int, isInstant, isRecord, list, slots, want, type Json } from './guards.ts';
import { RESULT_FORMAT } from './types.ts';

/** Where each field of an attempt sits; the twelfth, optional slot holds its named extra fields. */
const AT = { caseId: 0, caseHash: 1, caseVersion: 2, rulebookVersion: 3, number: 4, startedAt: 5, finishedAfter: 6, settings: 7, pass: 8, steps: 9, scores: 10, extra: 11 } as const;

function expandAttempt(x: unknown, field: string): Json {
  const r = want(x, slots(11, 1), field);
  const startedAt = want(r[AT.startedAt], isInstant, `${field}.startedAt`);
  const at = (seconds: unknown, where: string) => instant(Date.parse(startedAt) + want(seconds, int(0, 1e9), where) * 1000);
  const [feedback, hints, attempts, showRealPath] = want(r[AT.settings], slots(4), `${field}.settings`);
  const [minSatisfaction, minCompliance, criticalFails] = want(r[AT.pass], slots(3), `${field}.pass`);
  const [ending, satisfaction, compliance, passed] = want(r[AT.scores], slots(4), `${field}.scores`);
  const steps = want(r[AT.steps], list(10_000), `${field}.steps`).map((s, k) => {
    const [node, reply, after] = want(s, slots(3), `${field}.steps.${k}`);
    return { node, reply, at: at(after, `${field}.steps.${k}`) };
  });
  return {
    ...(r[AT.extra] === undefined ? {} : want(r[AT.extra], isRecord, `${field}.extra`)),
    caseId: r[AT.caseId],
    caseHash: r[AT.caseHash],
    caseVersion: r[AT.caseVersion],
    rulebookVersion: r[AT.rulebookVersion],
    number: r[AT.number],
    startedAt,
    finishedAt: at(r[AT.finishedAfter], `${field}.finishedAt`),
    settings: { feedback: feedback ? 'deferred' : 'immediate', hints: !!hints, attempts, showRealPath: !!showRealPath },
    pass: { minSatisfaction, minCompliance, criticalFails: !!criticalFails },
    steps,
    scores: { ending, satisfaction, compliance, passed: !!passed },
  };
}

/**
 * The file a version-2 code stands for, its lists checked for shape (a ShapeError names the first
 * that is wrong); the values themselves are left to `readResultFile`.
 */
export function fileFromV2Code(value: unknown): Json {
  const v = want(value, isRecord, 'code');
  const [id, className, title, due] = want(v.a, slots(4), 'a');
  const [name, number] = want(v.s, slots(2), 's');
  const expand = (x: unknown, field: string) => want(x, list(1000), field).map((r, i) => expandAttempt(r, `${field}.${i}`));
  return {
    format: RESULT_FORMAT,
    version: v.v,
    assignment: { id, className, title, ...(due ? { due } : {}) },
    student: { name, number },
    savedAt: v.t,
    attempts: expand(v.x, 'x'),
    ...(v.p === undefined ? {} : { inProgress: expand(v.p, 'p') }),
    seal: v.z,
  };
}
