/**
 * Where the player gets a case: the ones shipped with the site, or one the learner opened from a file
 * in this tab (kept under a `file:` id, so it never stands in for a shipped case or its saves).
 */
import type { Case } from '../case/types.ts';
import { loadCase, summaries } from 'virtual:cases';

export { summaries };

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

export async function findCase(id: string): Promise<Case | undefined> {
  return opened.get(id)?.case ?? (await loadCase(id));
}
