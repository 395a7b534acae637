/**
 * The case library's logic: the filter choices the shipped cases offer, which cases a filter keeps,
 * and what the learner has done in each case so far (best finished attempt, attempt in progress).
 */
import type { Text } from '../case/types.ts';
import type { CaseSummary } from '../build/cases-plugin.ts';
import { bestOf, savedProgress } from './saves.ts';
import { readHistory, type HistoryEntry, type HistoryProblem } from './history.ts';
import { defaultStorage } from './storage.ts';

export interface LibraryFilter {
  /** Empty = any. */
  platform: string;
  /** Key of a dispute type (see `disputeKey`); empty = any. */
  dispute: string;
}

/** Dispute types are compared by their English name, else their Chinese one, case-insensitively. */
export function disputeKey(t: Text | undefined): string {
  return (t?.en ?? t?.zh ?? '').trim().toLowerCase();
}

type Summary = Pick<CaseSummary, 'id' | 'platform' | 'disputeType'>;

export function filterChoices<S extends Summary>(summaries: readonly S[]): { platforms: string[]; disputes: { key: string; text: Text }[] } {
  const platforms = [...new Set(summaries.map((s) => s.platform))].sort((a, b) => a.localeCompare(b));
  const disputes = new Map<string, Text>();
  for (const s of summaries) {
    const key = disputeKey(s.disputeType);
    if (key && !disputes.has(key)) disputes.set(key, s.disputeType!);
  }
  return {
    platforms,
    disputes: [...disputes].map(([key, text]) => ({ key, text })).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

export function applyFilter<S extends Summary>(summaries: readonly S[], filter: LibraryFilter): S[] {
  return summaries.filter(
    (s) => (!filter.platform || s.platform === filter.platform) && (!filter.dispute || disputeKey(s.disputeType) === filter.dispute),
  );
}

export interface CaseProgress {
  attempts: number;
  best?: HistoryEntry;
  passedOnce: boolean;
  /** Replies given in the attempt in progress, if there is one. */
  inProgress?: number;
  problem?: HistoryProblem;
}

export function progressOf(caseId: string, storage: Storage | null = defaultStorage()): CaseProgress {
  const { entries, problem } = readHistory(storage, caseId);
  const best = bestOf(entries);
  const turn = savedProgress(caseId, storage)?.turn;
  return {
    attempts: entries.length,
    ...(best ? { best } : {}),
    passedOnce: entries.some((e) => e.passed),
    ...(turn ? { inProgress: turn } : {}),
    ...(problem ? { problem } : {}),
  };
}
