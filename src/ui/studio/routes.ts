/**
 * The studio's routes: `#/studio` (write and test a case) and `#/play?case=<token>` (a case carried
 * in a link). Kept tiny and free of imports, because the router (in the player's main chunk) uses
 * it; the token is only decoded by the lazily loaded page.
 */

export type StudioRoute = { page: 'studio' } | { page: 'shared'; token: string };

export function parseStudioPath(path: string): StudioRoute | undefined {
  if (/^\/studio\/?$/.test(path)) return { page: 'studio' };
  const m = /^\/play\/?(?:\?(.*))?$/s.exec(path);
  if (!m) return undefined;
  return { page: 'shared', token: new URLSearchParams(m[1] ?? '').get('case') ?? '' };
}
