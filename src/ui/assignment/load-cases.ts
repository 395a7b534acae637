/**
 * The cases of an assignment as Case objects: shipped ones from the site, a teacher's own from the
 * Markdown the link carries, checked and sanitised in the browser exactly as an opened file is.
 * Shared by the student's page and the teacher's dashboard, so both score against the same case.
 */
import { loadCase } from 'virtual:cases';
import type { AssignedCase } from '../../assignment/types.ts';
import type { Case } from '../../case/types.ts';
import { openCaseFile } from '../open-file.ts';

export type LoadedCase = { case: Case } | { problem: 'missing' | 'invalid'; message?: string };

export async function loadAssignedCase(assigned: AssignedCase): Promise<LoadedCase> {
  if (assigned.source === undefined) {
    const c = await loadCase(assigned.id);
    return c ? { case: c } : { problem: 'missing' };
  }
  let opened: Awaited<ReturnType<typeof openCaseFile>>;
  try {
    opened = await openCaseFile(new File([assigned.source], assigned.file ?? `${assigned.id}.md`, { type: 'text/markdown' }));
  } catch (error) {
    return { problem: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
  if (!opened.case || opened.case.id !== assigned.id) {
    const first = opened.diagnostics.find((d) => d.severity === 'error');
    return { problem: 'invalid', ...(first ? { message: `${first.line}:${first.column} ${first.message.en}` } : {}) };
  }
  return { case: opened.case };
}

export async function loadAssignedCases(cases: readonly AssignedCase[]): Promise<Map<string, LoadedCase>> {
  const loaded = await Promise.all(cases.map(async (c) => [c.id, await loadAssignedCase(c)] as const));
  return new Map(loaded);
}

/** Only the cases that loaded, for recomputation. */
export function playable(loaded: ReadonlyMap<string, LoadedCase>): Map<string, Case> {
  return new Map([...loaded].flatMap(([id, l]) => ('case' in l ? [[id, l.case] as const] : [])));
}
