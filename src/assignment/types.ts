/**
 * The data of the teacher's workflow: an Assignment (what a link carries), a result file (what a
 * student hands in) and the attempts inside it. All plain JSON, so it can travel in a link, a file,
 * a short code or an LMS package, and be checked the same way in Node and the browser.
 */
import type { FeedbackMode } from '../engine/types.ts';
import type { PassRule } from '../case/types.ts';

/** The settings a teacher fixes for everyone; they override the student's own. */
export interface AssignmentSettings {
  feedback: FeedbackMode;
  hints: boolean;
  /** How many times each case may be played; 0 means no limit. */
  attempts: number;
  /** Show the real seller's replies in the debrief once a case is finished. */
  showRealPath: boolean;
}

/** A case as assigned: a shipped one by id, or the teacher's own file carried in full. */
export interface AssignedCase {
  id: string;
  /** Fingerprint of the case when it was assigned (see `fingerprint.ts`). */
  hash: string;
  version: string;
  /** The Markdown of a teacher's own case; absent for shipped cases. */
  source?: string;
  /** The file name the own case came from, for messages. */
  file?: string;
}

export interface Assignment {
  format: 1;
  /** Random, so two assignments with the same name never mix their results. */
  id: string;
  className: string;
  title: string;
  /** ISO instant the assignment was made. */
  created: string;
  /** ISO instant (with offset) results are due; absent for no due date. */
  due?: string;
  /** The teacher's time zone, so the due date reads the same to every student. */
  timeZone?: string;
  settings: AssignmentSettings;
  /** One rule for every case; absent to keep each case's own. */
  pass?: PassRule;
  cases: AssignedCase[];
  /**
   * Editing an assignment after sharing it makes a new version with its own id: the id of the first
   * version ties them together, so the dashboard shows the results of every version side by side.
   */
  series?: string;
  /** 1 for the first version (absent), 2 after the first edit … */
  revision?: number;
  /** A link made for one student (an extra attempt, a later due date); others who use it are flagged. */
  for?: Student;
}

export interface Student {
  name: string;
  /** The student number; with the assignment id it identifies a student in the class. */
  number: string;
}

/** One chosen reply with the wall-clock time it was chosen. */
export interface RecordedStep {
  node: string;
  reply: string;
  /** ISO instant. */
  at: string;
}

/** The scores as the student's device computed them; shown only to compare, never trusted. */
export interface ClaimedScores {
  ending: string;
  satisfaction: number;
  compliance: number;
  passed: boolean;
}

/** One finished attempt at one case. */
export interface AttemptRecord {
  /** Derived from its content (see `attemptId`), so the same attempt imported twice is one. */
  id: string;
  caseId: string;
  caseHash: string;
  caseVersion: string;
  rulebookVersion: string;
  /** 1 for the first attempt at this case, 2 for the second … */
  number: number;
  startedAt: string;
  finishedAt: string;
  settings: AssignmentSettings;
  pass: PassRule;
  steps: RecordedStep[];
  scores: ClaimedScores;
  /** The seed the replies were shuffled with, so the teacher sees them in the order shown; absent in older files (file order). */
  seed?: number;
}

export const RESULT_FORMAT = 'dispute-desk-result';

/**
 * What a student hands in: every finished attempt of one assignment so far, and the attempts still
 * in progress (so the teacher tells "started, not finished" from "never opened").
 */
export interface ResultFile {
  format: typeof RESULT_FORMAT;
  /** 2 seals the scores too; 1 (older files) sealed everything but the scores. */
  version: 1 | 2;
  assignment: { id: string; className: string; title: string; due?: string };
  student: Student;
  savedAt: string;
  attempts: AttemptRecord[];
  /** Unfinished attempts: the replies so far, no ending; their scores are zero and never counted. */
  inProgress?: AttemptRecord[];
  /** Hash of the content: a hand edit of the transcript, scores, name or number shows. */
  seal: string;
}
