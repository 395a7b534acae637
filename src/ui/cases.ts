/**
 * Where the player gets a case: the ones shipped with the site, or one the learner opened from a file
 * in this tab (kept under a `file:` id, so it never stands in for a shipped case or its saves).
 */
import type { Case } from '../case/types.ts';
import { loadCase } from 'virtual:cases';

interface Opened {
  case: Case;
  fileName: string;
}

const opened = new Map<string, Opened>();

export function addOpenedCase(c: Case, fileName: string): void {
  opened.set(c.id, { case: c, fileName });
}

/** The file a case came from, if it was opened rather than shipped. */
export function openedFrom(id: string): string | undefined {
  return opened.get(id)?.fileName;
}

// One request per shipped case per page load, whether it was prefetched or not.
const shipped = new Map<string, Promise<Case | undefined>>();

function loadShipped(id: string): Promise<Case | undefined> {
  let loading = shipped.get(id);
  if (!loading) {
    loading = loadCase(id);
    shipped.set(id, loading);
    // A failed request (offline for a moment) is tried again next time.
    loading.catch(() => shipped.delete(id));
  }
  return loading;
}

/**
 * Starts fetching a shipped case before its page asks for it (when the page is opened on a case's
 * address), so the case data loads alongside the player's scripts instead of after them.
 */
export function prefetchCase(id: string): void {
  if (!opened.has(id)) loadShipped(id).catch(() => {});
}

export async function findCase(id: string): Promise<Case | undefined> {
  return opened.get(id)?.case ?? (await loadShipped(id));
}
