/**
 * The one sanitiser configuration for author HTML, used at build time (DOMPurify over jsdom) and in
 * the page (DOMPurify over the browser's DOM). It takes a DOMPurify instance so this module stays
 * free of the DOM itself.
 *
 * Beyond DOMPurify's defaults: no forms, styles or media that would run or restyle the page, images
 * always carry alt text (screen readers), and links leave the game in a new tab without access to it.
 */
import type { DOMPurify } from 'dompurify';
import type { Sanitize } from './render.ts';

const CONFIG = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'object', 'embed', 'video', 'audio', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style', 'srcset', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

const configured = new WeakSet<object>();

export function createSanitizer(purify: DOMPurify): Sanitize {
  if (!configured.has(purify)) {
    configured.add(purify);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return (html) => purify.sanitize(html, CONFIG) as string;
}
