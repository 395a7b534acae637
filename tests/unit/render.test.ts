/** Author Markdown becomes sanitised HTML: nothing an author wrote can run in the page. */
import DOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderCase, renderMarkdown } from '../../src/case/render.ts';
import { createSanitizer } from '../../src/case/sanitize.ts';
import { loadCase } from './helpers.ts';

const sanitize = createSanitizer(DOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));

describe('rendering author Markdown', () => {
  it('renders Markdown and keeps harmless formatting', () => {
    expect(renderMarkdown('**Sorry**, we will *check*.', sanitize)).toBe('<p><strong>Sorry</strong>, we will <em>check</em>.</p>');
  });

  it('removes scripts, event handlers, javascript: links, frames, forms and styles', () => {
    const c = renderCase(loadCase('tests/fixtures/hostile', 'hostile.md'), sanitize);
    // The HTML fields; plain-text fields (titles, order card, names) are shown as text, never as HTML.
    const html = [
      c.briefing,
      c.analysis,
      ...Object.values(c.nodes).flatMap((n) => [n.message, n.note, n.gloss, ...n.replies.flatMap((r) => [r.text, r.feedback, r.hint])]),
      ...Object.values(c.endings).flatMap((e) => [e.message, e.note]),
    ];
    const all = JSON.stringify(html);
    expect(all).not.toMatch(/<script|onerror|onload|onmouseover|javascript:|<iframe|<object|<form|<style|<button/i);
    expect(c.nodes.first?.message).toContain('Where is my parcel?');
    expect(c.analysis?.en).toContain('<strong>analysis</strong>');
  });

  it('gives every image alt text and opens links in a new tab without access to the game', () => {
    expect(renderMarkdown('![](photo.png)', sanitize)).toMatch(/^<p><img [^>]*alt="image"[^>]*><\/p>$/);
    expect(renderMarkdown('Look: <img src="a.png">', sanitize)).toMatch(/^<p>Look: <img [^>]*alt=""[^>]*><\/p>$/);
    const link = renderMarkdown('[rules](https://example.org)', sanitize);
    expect(link).toContain('href="https://example.org"');
    expect(link).toContain('rel="noopener noreferrer"');
    expect(link).toContain('target="_blank"');
  });
});
