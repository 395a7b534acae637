/**
 * The one sanitiser configuration for author HTML, used at build time (DOMPurify over jsdom) and in
 * the page (DOMPurify over the browser's DOM) for case files, share links and assignment links. It
 * takes a DOMPurify instance so this module stays free of the DOM itself.
 *
 * Author HTML is content, not interface: only the elements Markdown produces for prose are kept
 * (no headings: `#` lines are the case's sections), with no `class`, `id` or `style` (a case must
 * not restyle or imitate the app's own screens), no SVG or MathML, no forms or media. Images come
 * from the site or a `data:` address only, so a case cannot make a student's browser call another
 * address. A link to anywhere else opens in a new tab without access to the game, shows its address
 * beside its text, and loses `ping` and `download`. Bidirectional-override characters, which can
 * make an address or a name read differently from what it is, are removed.
 */
import type { Config, DOMPurify } from 'dompurify';
import type { Sanitize } from './render.ts';

export const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img',
] as const;

/** `target` and `rel` are not taken from the author: they are set on every outside link. */
export const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'align', 'start'] as const;

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Links: the web, e-mail, or a place in this site. Anything else loses its address.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^:]*$|[^:/?#]*[/?#])/i,
};

/** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** An image the page may load: from this site (a relative address) or inline data. */
export function isSiteOrDataImage(src: string): boolean {
  const s = src.trim();
  if (/^data:image\//i.test(s)) return true;
  // A scheme (`http:`), or `//host` / `\\host` (another site without a scheme), leaves the site.
  return !/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[/\\]{2}/.test(s);
}

/** A link that stays in the app (`#/…`); everything else is outside. */
const isInside = (href: string) => href.trim().startsWith('#');

const configured = new WeakSet<object>();

export function createSanitizer(purify: DOMPurify): Sanitize {
  if (!configured.has(purify)) {
    configured.add(purify);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'IMG') {
        const src = node.getAttribute('src');
        if (src !== null && !isSiteOrDataImage(src)) node.removeAttribute('src');
        if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
      }
      if (node.tagName === 'A') {
        const href = node.getAttribute('href');
        if (href === null || isInside(href)) return;
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
        // The address is shown, so a link cannot pass itself off as somewhere else.
        const address = href.trim().replace(/^mailto:/i, '');
        if (!(node.textContent ?? '').includes(address)) node.append(node.ownerDocument.createTextNode(` (${address})`));
      }
    });
  }
  return (html) => stripBidiControls(purify.sanitize(stripBidiControls(html), CONFIG));
}
