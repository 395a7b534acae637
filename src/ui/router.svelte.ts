/**
 * Hash routes (`#/`, `#/case/<id>`): the built site is plain files, so it works from any folder,
 * a file share or an LMS package without server rewrites.
 */
import { trimPasted } from './trim-pasted.ts';
import { parseAssignmentPath, type AssignmentRoute } from './assignment/routes.ts';
import { parseTeacherPath, type TeacherRoute } from './teacher/routes.ts';
import { parseStudioPath, type StudioRoute } from './studio/routes.ts';

export type Route = { page: 'home' } | { page: 'case'; id: string } | { page: 'settings' } | { page: 'missing' } | TeacherRoute | AssignmentRoute | StudioRoute;

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
