/**
 * The teacher's routes: `#/teacher` (assignments kept in this browser), `#/teacher/new`,
 * `#/teacher/results/<assignment id>` and `…/student/<student number>`. Kept tiny and free of
 * imports, because the router (in the player's main chunk) uses it.
 */

export type TeacherRoute =
  | { page: 'teacher'; view: 'home' }
  | { page: 'teacher'; view: 'new' }
  | { page: 'teacher'; view: 'results'; id: string; student?: string };

export function parseTeacherPath(path: string): TeacherRoute | undefined {
  if (/^\/teacher\/?$/.test(path)) return { page: 'teacher', view: 'home' };
  if (/^\/teacher\/new\/?$/.test(path)) return { page: 'teacher', view: 'new' };
  const [, rawId, rawStudent] = /^\/teacher\/results\/([^/]+)(?:\/student\/([^/]+))?\/?$/.exec(path) ?? [];
  if (!rawId) return undefined;
  try {
    const id = decodeURIComponent(rawId);
    return rawStudent ? { page: 'teacher', view: 'results', id, student: decodeURIComponent(rawStudent) } : { page: 'teacher', view: 'results', id };
  } catch {
    return undefined;
  }
}

export const teacherHref = '#/teacher';
export const newAssignmentHref = '#/teacher/new';
export const resultsHref = (id: string, student?: string): string =>
  `#/teacher/results/${encodeURIComponent(id)}${student ? `/student/${encodeURIComponent(student)}` : ''}`;
