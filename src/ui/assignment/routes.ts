/**
 * The student's assignment routes: `#/a/<assignment>` (the overview) and
 * `#/a/<assignment>/play/<case id>`. The assignment itself is the route: the link carries it whole.
 * Kept tiny and free of imports, because the router (in the player's main chunk) uses it.
 */

export type AssignmentRoute = { page: 'assignment'; payload: string; play?: string };

export function parseAssignmentPath(path: string): AssignmentRoute | undefined {
  const [, payload, play] = /^\/a\/([A-Za-z0-9._-]+)(?:\/play\/([^/]+))?\/?$/.exec(path) ?? [];
  if (!payload) return undefined;
  if (!play) return { page: 'assignment', payload };
  try {
    return { page: 'assignment', payload, play: decodeURIComponent(play) };
  } catch {
    return undefined;
  }
}

export const assignmentHref = (payload: string, play?: string): string =>
  `#/a/${payload}${play ? `/play/${encodeURIComponent(play)}` : ''}`;
