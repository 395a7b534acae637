/**
 * Hash routes (`#/`, `#/case/<id>`): the built site is plain files, so it works from any folder,
 * a file share or an LMS package without server rewrites.
 */
import { trimPasted } from './trim-pasted.ts';
import { parseAssignmentPath, type AssignmentRoute } from './assignment/routes.ts';
import { parseTeacherPath, type TeacherRoute } from './teacher/routes.ts';
import { parseStudioPath, type StudioRoute } from './studio/routes.ts';
import { LONGEST_HASH, TOO_LONG_HASH } from './hash-limit.ts';

export type Route = { page: 'home' } | { page: 'case'; id: string } | { page: 'settings' } | { page: 'missing' } | { page: 'too-long' } | TeacherRoute | AssignmentRoute | StudioRoute;

export function parseHash(hash: string): Route {
  if (hash.length > LONGEST_HASH || hash === TOO_LONG_HASH) return { page: 'too-long' };
  const path = trimPasted(hash.replace(/^#/, ''));
  if (path === '' || path === '/') return { page: 'home' };
  if (path === '/settings' || path === '/settings/') return { page: 'settings' };
  const [, id] = /^\/case\/([^/]+)\/?$/.exec(path) ?? [];
  if (id) {
    try {
      return { page: 'case', id: decodeURIComponent(id) };
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

/** A hash longer than any link is taken out of the address (see `hash-limit.ts`). */
function dropTooLong(): void {
  if (window.location.hash.length > LONGEST_HASH) history.replaceState(history.state, '', TOO_LONG_HASH);
}
if (typeof window !== 'undefined') dropTooLong();

export const router = $state({
  route: parseHash(globalThis.location?.hash ?? ''),
  /** The hash before the last navigation, so a page like Settings can lead back to where the learner was. */
  previous: '',
});

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (event) => {
    router.previous = event.oldURL.includes('#') ? event.oldURL.slice(event.oldURL.indexOf('#')) : '';
    if (router.previous.length > LONGEST_HASH) router.previous = '';
    dropTooLong();
    router.route = parseHash(window.location.hash);
  });
}

export function navigate(href: string): void {
  window.location.hash = href;
}
