/**
 * Scores are recomputed from each transcript against the case, never taken from a result file. This
 * replays every attempt and says what does not add up: a case that changed since it was played, a
 * transcript that does not fit the case, claimed scores that differ from the recomputed ones.
 */
import type { Case } from '../case/types.ts';
import { replay, resultOf } from '../engine/conversation.ts';
import type { Result } from '../engine/types.ts';
import { asAssigned, sameFingerprint } from './assignment.ts';
import { canonicalJson, rulebookVersion } from './fingerprint.ts';
import type { Assignment, AttemptRecord } from './types.ts';

export type AttemptFlag =
  /** The case is not part of this assignment. */
  | 'not-assigned'
  /** The case could not be found (a shipped case removed from the site). */
  | 'case-missing'
  /** The case's content differs from the one the student played. */
  | 'case-changed'
  /** The case's rules or their dates changed since. */
  | 'rulebook-changed'
  /** The replies do not make a path through the case. */
  | 'does-not-fit'
  /** The path stops before an ending. */
  | 'not-finished'
  /** The scores in the file differ from the recomputed ones: edited, or computed by another version. */
  | 'scores-differ'
  /** The student played with other settings than the assignment's. */
  | 'settings-differ'
  /** More attempts at this case than the assignment allows: shown, not counted. */
  | 'over-limit'
  /** Less time than reading the messages takes: a few seconds per reply. */
  | 'too-quick'
  /** Hours on one attempt: left open, or played on a clock that was set wrong. */
  | 'too-slow'
  /** Finished before it started, or replies out of order: the device's clock, or an edit. */
  | 'time-order'
  /** Played from a link made for another student: shown, not counted. */
  | 'other-student';

/** Flags that leave no score to show. */
export const UNSCORABLE: readonly AttemptFlag[] = ['not-assigned', 'case-missing', 'does-not-fit', 'not-finished'];

export interface Recomputed {
  /** Absent when the attempt cannot be scored (see `UNSCORABLE`). */
  result?: Result;
  flags: AttemptFlag[];
}

export function recompute(assignment: Assignment, record: AttemptRecord, original: Case | undefined): Recomputed {
  if (!assignment.cases.some((c) => c.id === record.caseId)) return { flags: ['not-assigned'] };
  if (!original) return { flags: ['case-missing'] };
  const flags: AttemptFlag[] = [];
  if (!sameFingerprint(record.caseHash, original) || record.caseVersion !== original.version) flags.push('case-changed');
  if (record.rulebookVersion !== rulebookVersion(original)) flags.push('rulebook-changed');
  if (canonicalJson(record.settings) !== canonicalJson(assignment.settings)) flags.push('settings-differ');

  const c = asAssigned(assignment, original);
  const attempt = replay(c, record.steps.map((s) => s.reply));
  const fits = !!attempt && attempt.path.every((step, i) => step.node === record.steps[i]?.node);
  if (!attempt || !fits) return { flags: [...flags, 'does-not-fit'] };
  if (!attempt.ended) return { flags: [...flags, 'not-finished'] };

  const result = resultOf(c, attempt);
  const claimed = record.scores;
  if (
    claimed.satisfaction !== result.satisfaction ||
    claimed.compliance !== result.compliance ||
    claimed.passed !== result.passed ||
    claimed.ending !== result.ending
  )
    flags.push('scores-differ');
  return { result, flags };
}
