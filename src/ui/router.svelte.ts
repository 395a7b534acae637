/**
 * Hash routes (`#/`, `#/case/<id>`): the built site is plain files, so it works from any folder,
 * a file share or an LMS package without server rewrites.
 */
import { parseAssignmentPath, type AssignmentRoute } from './assignment/routes.ts';
import { parseTeacherPath, type TeacherRoute } from './teacher/routes.ts';
import { parseStudioPath, type StudioRoute } from './studio/routes.ts';

export type Route = { page: 'home' } | { page: 'case'; id: string } | { page: 'settings' } | { page: 'missing' } | TeacherRoute | AssignmentRoute | StudioRoute;

const PASTED = /[\s\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]$/u;

/**
 * A link pasted from a chat often drags the sentence's end along ("…链接。", "（链接）", a space).
 * No route ends in such a character (ids and payloads end in a letter, digit, `-` or `_`), so they
 * are dropped, whether the browser shows them as typed or percent-encoded.
 */
export function trimPasted(path: string): string {
  let p = path;
  for (;;) {
    if (PASTED.test(p)) {
      p = p.slice(0, -1);
      continue;
    }
    const escapes = /(?:%[0-9A-Fa-f]{2}){1,3}$/.exec(p)?.[0];
    let cut = 0;
    for (let k = 1; escapes && k <= escapes.length / 3 && !cut; k++) {
      try {
        if (PASTED.test(decodeURIComponent(escapes.slice(-3 * k))) && decodeURIComponent(escapes.slice(-3 * k)).length === 1) cut = 3 * k;
      } catch {
        // Not a whole character yet: try one more byte.
      }
    }
    if (!cut) return p;
    p = p.slice(0, -cut);
  }
}

export function parseHash(hash: string): Route {
  const path = trimPasted(hash.replace(/^#/, ''));
  if (path === '' || path === '/') return { page: 'home' };
  if (path === '/settings' || path === '/settings/') return { page: 'settings' };
  const match = /^\/case\/([^/]+)\/?$/.exec(path);
  if (match) {
    try {
      return { page: 'case', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'missing' };
    }
  }
  return parseTeacherPath(path) ?? parseAssignmentPath(path) ?? parseStudioPath(path) ?? { page: 'missing' };
}

export const homeHref = '#/';
export const settingsHref = '#/settings';

export function caseHref(id: string): string {
  return `#/case/${encodeURIComponent(id)}`;
}

export const router = $state({
  route: parseHash(globalThis.location?.hash ?? ''),
  /** The hash before the last navigation, so a page like Settings can lead back to where the learner was. */
  previous: '',
});

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    router.previous = event.oldURL.includes('#') ? event.oldURL.slice(event.oldURL.indexOf('#')) : '';
    router.route = parseHash(window.location.hash);
  });
}

export function navigate(href: string): void {
  window.location.hash = href;
}
