/**
 * Hash routes (`#/`, `#/case/<id>`): the built site is plain files, so it works from any folder,
 * a file share or an LMS package without server rewrites.
 */

export type Route = { page: 'home' } | { page: 'case'; id: string } | { page: 'missing' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { page: 'home' };
  const match = /^\/case\/([^/]+)\/?$/.exec(path);
  if (match) {
    try {
      return { page: 'case', id: decodeURIComponent(match[1]) };
    } catch {
      return { page: 'missing' };
    }
  }
  return { page: 'missing' };
}

export const homeHref = '#/';

export function caseHref(id: string): string {
  return `#/case/${encodeURIComponent(id)}`;
}

export const router = $state({ route: parseHash(globalThis.location?.hash ?? '') });

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    router.route = parseHash(window.location.hash);
  });
}

export function navigate(href: string): void {
  window.location.hash = href;
}
