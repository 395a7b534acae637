/**
 * Vite plugin: the dev server's allowance in the page's Content-Security-Policy.
 *
 * `index.html` carries the policy the built site runs under: scripts, styles and connections from
 * the site only, images from the site or `data:`/`blob:`. The dev server injects each component's
 * styles as `<style>` elements and reloads over a WebSocket, so while serving (never in a build)
 * it allows inline styles (`'unsafe-inline'`, which browsers ignore beside a nonce, so the nonce goes)
 * and `ws:` connections.
 */
import type { Plugin } from 'vite';

/** The policy a page is served with, as a directive → sources map (for tests and the dev server). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

export function writePolicy(policy: Map<string, string[]>): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

export function devPolicy(policy: string): string {
  const p = parsePolicy(policy);
  p.set('style-src', [...(p.get('style-src') ?? []).filter((s) => !s.startsWith("'nonce-")), "'unsafe-inline'"]);
  p.set('connect-src', [...(p.get('connect-src') ?? []), 'ws:']);
  return writePolicy(p);
}

export function cspPlugin(): Plugin {
  return {
    name: 'dispute-desk-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!META.test(html)) throw new Error('index.html has no Content-Security-Policy <meta>');
      return html.replace(META, (_m, open: string, policy: string, close: string) => `${open}${devPolicy(policy)}${close}`);
    },
  };
}
