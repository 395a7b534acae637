/**
 * Turns the Markdown an author wrote into HTML for the player, through a sanitiser.
 *
 * Everything an author wrote is untrusted: marked does not sanitise, so every field passes
 * through `sanitize` (DOMPurify in the page, or DOMPurify over jsdom at build time). The
 * sanitiser is passed in so this module stays free of the DOM.
 */
import { Marked } from 'marked';
import { table } from './table.ts';
import type { Case, CaseNode, Ending, Reply, Text } from './types.ts';

export type Sanitize = (html: string) => string;

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Screen readers need alt text; an author who left it out gets a neutral one.
    image({ href, title, text }) {
      const alt = (text || 'image').replace(/"/g, '&quot;');
      return `<img src="${href}" alt="${alt}"${title ? ` title="${title.replace(/"/g, '&quot;')}"` : ''}>`;
    },
  },
});

export function renderMarkdown(source: string, sanitize: Sanitize): string {
  return sanitize(marked.parse(source, { async: false })).trim();
}

/** Rendered per language; a language whose text sanitises to nothing is dropped. */
function renderText(t: Text | undefined, sanitize: Sanitize): Text | undefined {
  if (!t) return t;
  const out: Text = {};
  const zh = t.zh === undefined ? '' : renderMarkdown(t.zh, sanitize);
  const en = t.en === undefined ? '' : renderMarkdown(t.en, sanitize);
  if (zh) out.zh = zh;
  if (en) out.en = en;
  return zh || en ? out : undefined;
}

/** A copy of the case with every prose field rendered to sanitised HTML. */
export function renderCase(c: Case, sanitize: Sanitize): Case & { rendered: true } {
  const md = (s: string | undefined) => (s === undefined ? undefined : renderMarkdown(s, sanitize));
  const reply = (r: Reply): Reply => ({
    ...r,
    text: renderMarkdown(r.text, sanitize),
    feedback: renderText(r.feedback, sanitize) ?? {},
    ...(r.hint ? { hint: renderText(r.hint, sanitize) } : {}),
  });
  const node = (n: CaseNode): CaseNode => ({
    ...n,
    ...(n.message !== undefined ? { message: md(n.message) } : {}),
    note: renderText(n.note, sanitize),
    ...(n.gloss !== undefined ? { gloss: md(n.gloss) } : {}),
    ...(n.hint ? { hint: renderText(n.hint, sanitize) } : {}),
    replies: n.replies.map(reply),
  });
  const ending = (e: Ending): Ending => ({
    ...e,
    ...(e.message !== undefined ? { message: md(e.message) } : {}),
    note: renderText(e.note, sanitize),
  });
  return {
    ...c,
    ...(c.briefing ? { briefing: renderText(c.briefing, sanitize) } : {}),
    ...(c.analysis ? { analysis: renderText(c.analysis, sanitize) } : {}),
    // Looked up by ids from result files and saves, so without a prototype (see table.ts).
    nodes: table(Object.entries(c.nodes).map(([id, n]) => [id, node(n)])),
    endings: table(Object.entries(c.endings).map(([id, e]) => [id, ending(e)])),
    rendered: true,
  };
}
