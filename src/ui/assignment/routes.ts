/**
 * The student's assignment routes: `#/a/<assignment>` (the overview) and
 * `#/a/<assignment>/play/<case id>`. The assignment itself is the route: the link carries it whole.
 * Kept tiny and free of imports, because the router (in the player's main chunk) uses it.
 */

export type AssignmentRoute = { page: 'assignment'; payload: string; play?: string };

export function parseAssignmentPath(path: string): AssignmentRoute | undefined {
  const m = /^\/a\/([A-Za-z0-9._-]+)(?:\/play\/([^/]+))?\/?$/.exec(path);
  if (!m) return undefined;
  if (!m[2]) return { page: 'assignment', payload: m[1] };
  try {
    return { page: 'assignment', payload: m[1], play: decodeURIComponent(m[2]) };
  } catch {
    return undefined;
  }
}

export const assignmentHref = (payload: string, play?: string): string =>
  `#/a/${payload}${play ? `/play/${encodeURIComponent(play)}` : ''}`;
