/**
 * The studio's routes: `#/studio` (write and test a case) and `#/play?case=<token>` (a case carried
 * in a link). Kept tiny and free of imports, because the router (in the player's main chunk) uses
 * it; the token is only decoded by the lazily loaded page.
 */

/** Longer than any `case=` a share link carries (100 kB compressed, in base64). */
const LONGEST_QUERY = 140_000;

export type StudioRoute = { page: 'studio' } | { page: 'shared'; token: string };

export function parseStudioPath(path: string): StudioRoute | undefined {
  if (/^\/studio\/?$/.test(path)) return { page: 'studio' };
  const m = /^\/play\/?(?:\?(.*))?$/s.exec(path);
  if (!m) return undefined;
  const query = m[1] ?? '';
  // Reading a query takes time in proportion to its length: one longer than any case link can be
  // is handed on whole, to be refused by its size at once.
  if (query.length > LONGEST_QUERY) return { page: 'shared', token: query };
  return { page: 'shared', token: new URLSearchParams(query).get('case') ?? '' };
}
