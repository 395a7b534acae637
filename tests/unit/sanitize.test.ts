/** The sanitiser's rules for author HTML (the same configuration the build and the page use). */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/case/render.ts';
import { ALLOWED_ATTR, ALLOWED_TAGS, createSanitizer, isSiteOrDataImage } from '../../src/case/sanitize.ts';
import { AUTHOR_HTML, TRACKER } from '../fixtures/author-html.ts';

const window = new JSDOM('').window as unknown as Window & typeof globalThis;
const sanitize = createSanitizer(DOMPurify(window));
const render = (md: string) => renderMarkdown(md, sanitize);

function elements(html: string): Element[] {
  const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.body.querySelectorAll('*')];
}

describe('author HTML is content, not interface', () => {
  it.each(AUTHOR_HTML.map((md) => [md]))('%s keeps only allowed elements and attributes and loads nothing remote', (md) => {
    const html = render(md);
    for (const el of elements(html)) {
      expect(ALLOWED_TAGS).toContain(el.tagName.toLowerCase());
      for (const a of el.attributes) expect([...ALLOWED_ATTR, 'target', 'rel']).toContain(a.name);
      const src = el.getAttribute('src');
      if (src !== null) expect(src).not.toMatch(TRACKER);
    }
    expect(html).not.toMatch(/\bclass=|\bid=|\bstyle=|<svg|<math|<area|<input|ping=|download=|background=/i);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('keeps the Markdown an author needs', () => {
    const html = render('**Sorry**, *we* ~~will~~ `check`.\n\n> quote\n\n1. one\n2. two\n\n- a\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n```\ncode\n```\n\n---\n\n![photo](photo.png) ![dot](data:image/png;base64,iVBORw0KGgo=)');
    for (const tag of ['strong', 'em', 'del', 'code', 'blockquote', 'ol', 'ul', 'li', 'table', 'th', 'td', 'pre', 'hr', 'img']) expect(html).toContain(`<${tag}`);
    expect(html).toContain('src="photo.png"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('opens an outside link in a new tab without access to the game and shows its address', () => {
    const html = render('[Open your certificate](https://evil.example/certificate)');
    expect(html).toBe(
      '<p><a href="https://evil.example/certificate" target="_blank" rel="noopener noreferrer">Open your certificate (https://evil.example/certificate)</a></p>',
    );
    // Written out in full, the address is not repeated.
    expect(render('<https://example.org/rules>')).toBe('<p><a href="https://example.org/rules" target="_blank" rel="noopener noreferrer">https://example.org/rules</a></p>');
    // A place in the app stays in the tab.
    expect(render('[library](#/)')).toBe('<p><a href="#/">library</a></p>');
  });

  it('drops links that are not to the web, e-mail or this site', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd'])
      expect(render(`<a href="${href}">x</a>`)).toBe('<p><a>x</a></p>');
  });

  it('tells site and data images from remote ones', () => {
    expect(['a.png', 'img/a.png', './a.png', '/a.png', 'data:image/gif;base64,R0lGOD'].map(isSiteOrDataImage)).toEqual([true, true, true, true, true]);
    expect(['http://x/a.png', 'https://x/a.png', '//x/a.png', '\\\\x\\a.png', 'blob:http://x/1', 'data:text/html,x'].map(isSiteOrDataImage)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the Content-Security-Policy', () => {
  it('lets the dev server inject styles and reload, and nothing more', async () => {
    const { devPolicy, parsePolicy } = await import('../../src/build/csp-plugin.ts');
    const { readFileSync } = await import('node:fs');
    const [, built = 'no policy in index.html'] = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync('index.html', 'utf8')) ?? [];
    const dev = parsePolicy(devPolicy(built));
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws:']);
    expect(dev.get('script-src')).toEqual(["'self'"]);
    expect(dev.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('the SCORM launch page runs only its own script, named by its hash', async () => {
    const { launchPage } = await import('../../src/assignment/scorm.ts');
    const { createHash } = await import('node:crypto');
    const html = launchPage('2004', 'DDA1.abc_-', 'T');
    const [, script = 'no script in the page'] = /<script>([^<]*)<\/script>/.exec(html) ?? [];
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`content="default-src 'none'; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'"`);
  });
});
