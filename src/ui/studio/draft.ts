/**
 * The studio's draft in localStorage, so a reload or a closed tab does not lose an author's work.
 * One draft, under the studio's own key: it never touches the player's saves.
 *
 * Storage may be missing, blocked or full (private mode, an LMS iframe): reading gives nothing and
 * writing reports failure, so the page can tell the author to download the file instead.
 */

import { keepCopy } from '../kept.ts';
import { defaultStorage, readItem, STORAGE_PREFIX, writeItem } from '../storage.ts';

export const DRAFT_KEY = `${STORAGE_PREFIX}studio:draft`;

export interface Draft {
  source: string;
  /** The name of the file it was opened from, for the download. */
  fileName?: string;
}

/**
 * The draft, or undefined. A draft that cannot be read is first copied under a key of its own
 * (`…:unreadable:<time>`), so the template the studio then starts from never overwrites it.
 */
export function readDraft(storage: Storage | null = defaultStorage(), onunreadable?: (keptAs: string | undefined) => void): Draft | undefined {
  const raw = readItem(storage, DRAFT_KEY);
  if (!raw) return undefined;
  const draft = parseDraft(raw);
  if (!draft) {
    onunreadable?.(keepCopy(storage, DRAFT_KEY, raw));
  }
  return draft;
}

function parseDraft(raw: string): Draft | undefined {
  try {
    const data: unknown = JSON.parse(raw);
    if (!data || typeof data !== 'object') return undefined;
    const { source, fileName } = data as Partial<Draft>;
    if (typeof source !== 'string') return undefined;
    return { source, ...(typeof fileName === 'string' ? { fileName } : {}) };
  } catch {
    return undefined;
  }
}

/** False when the draft could not be kept. */
export function writeDraft(draft: Draft, storage: Storage | null = defaultStorage()): boolean {
  return writeItem(storage, DRAFT_KEY, JSON.stringify(draft));
}
