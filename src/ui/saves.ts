/**
 * What the library and other light pages read about saved progress, without loading the
 * conversation machine: the key a case's save lives under, how far an unfinished attempt got, and
 * the best of several scored attempts.
 */
import { byBest, type Scored } from '../engine/paths.ts';
import { STORAGE_PREFIX, defaultStorage, readItem } from './storage.ts';

export const saveKey = (caseId: string) => `${STORAGE_PREFIX}conversation:${caseId}`;

/** The best of several scored things (results, history entries), in the engine's order. */
export function bestOf<T extends Scored>(items: readonly T[]): T | undefined {
  return [...items].sort(byBest)[0];
}

/**
 * How far the learner got in a case they have not finished, read from the save without loading the
 * case (for the library). Undefined when there is nothing in progress or the save is unreadable.
 */
export function savedProgress(caseId: string, storage: Storage | null = defaultStorage()): { turn: number } | undefined {
  try {
    const data = JSON.parse(readItem(storage, saveKey(caseId)) ?? 'null') as { replies?: unknown; state?: unknown } | null;
    if (!data || !Array.isArray(data.replies) || data.state === 'ended' || data.replies.length === 0) return undefined;
    return { turn: data.replies.length };
  } catch {
    return undefined;
  }
}
