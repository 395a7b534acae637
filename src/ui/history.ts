/**
 * Each case's finished attempts, kept in the browser: when, which ending, both scores, pass or not,
 * the transcript (so a score can be recomputed later) and how it was played (feedback mode, hints).
 *
 * Stored data is checked entry by entry. An entry that cannot be read is dropped and the rest kept;
 * a history that cannot be read at all is reset. Either way the caller is told, so it can say so.
 */
import type { EndingResult } from '../case/types.ts';
import type { FeedbackMode } from './settings.ts';
import { keepCopy } from './kept.ts';
import { STORAGE_PREFIX, readItem, readJson, removeItem, writeItem } from './storage.ts';

export interface HistoryEntry {
  /** Unique per attempt, so reopening a finished attempt never records it twice. */
  id: string;
  /** When the attempt ended, ISO date-time (the learner's real clock). */
  finishedAt: string;
  caseVersion: string;
  ending: string;
  result: EndingResult;
  passed: boolean;
  satisfaction: number;
  compliance: number;
  /** Ids of the rules broken, in order, with repeats. */
  violations: string[];
  /** The reply ids chosen, in order. */
  replies: string[];
  feedback: FeedbackMode;
  hints: boolean;
}

export type HistoryProblem = 'unreadable' | 'partly';

export const HISTORY_FORMAT = 1;
/** Old attempts beyond this are forgotten, oldest first, so storage never fills up. */
export const HISTORY_LIMIT = 50;

export const historyKey = (caseId: string) => `${STORAGE_PREFIX}history:${caseId}`;

const RESULTS: readonly EndingResult[] = ['resolved', 'escalated', 'lost', 'cancelled', 'failed'];
const isScore = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100;
const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');

export function isHistoryEntry(raw: unknown): raw is HistoryEntry {
  if (!raw || typeof raw !== 'object') return false;
  const e = raw as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.finishedAt === 'string' &&
    !Number.isNaN(Date.parse(e.finishedAt)) &&
    typeof e.caseVersion === 'string' &&
    typeof e.ending === 'string' &&
    RESULTS.includes(e.result as EndingResult) &&
    typeof e.passed === 'boolean' &&
    isScore(e.satisfaction) &&
    isScore(e.compliance) &&
    isStrings(e.violations) &&
    isStrings(e.replies) &&
    (e.feedback === 'immediate' || e.feedback === 'deferred') &&
    typeof e.hints === 'boolean'
  );
}

/** Stored data to entries, oldest first. */
export function parseHistory(stored: { value?: unknown; corrupt?: true }): { entries: HistoryEntry[]; problem?: HistoryProblem } {
  if (stored.corrupt) return { entries: [], problem: 'unreadable' };
  if (stored.value === undefined) return { entries: [] };
  const v = stored.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || v.format !== HISTORY_FORMAT || !Array.isArray(v.attempts))
    return { entries: [], problem: 'unreadable' };
  const entries = v.attempts.filter(isHistoryEntry);
  return entries.length === v.attempts.length ? { entries } : { entries, problem: 'partly' };
}

/**
 * Read a case's history. What could not be read is first copied aside as it was (see `kept.ts`),
 * then removed from the history there and then, so the history goes on from what was readable.
 */
export function readHistory(storage: Storage | null, caseId: string): { entries: HistoryEntry[]; problem?: HistoryProblem } {
  const key = historyKey(caseId);
  const read = parseHistory(readJson(storage, key));
  if (read.problem && !keepCopy(storage, key, readItem(storage, key) ?? '')) return read;
  if (read.problem === 'unreadable') removeItem(storage, key);
  else if (read.problem === 'partly') writeHistory(storage, caseId, read.entries);
  return read;
}

function writeHistory(storage: Storage | null, caseId: string, entries: HistoryEntry[]): void {
  writeItem(storage, historyKey(caseId), JSON.stringify({ format: HISTORY_FORMAT, attempts: entries }));
}

/** Add a finished attempt (once per id) and return the history as now stored. */
export function appendHistory(storage: Storage | null, caseId: string, entry: HistoryEntry): HistoryEntry[] {
  const { entries } = readHistory(storage, caseId);
  if (entries.some((e) => e.id === entry.id)) return entries;
  const next = [...entries, entry].slice(-HISTORY_LIMIT);
  writeHistory(storage, caseId, next);
  return next;
}

export function clearHistory(storage: Storage | null, caseId: string): void {
  removeItem(storage, historyKey(caseId));
}
