/**
 * Which of a case's key phrases the learner actually wrote in their chosen replies, so the debrief
 * can tick the ones they used and point at the ones still to learn.
 */
import type { Case, Phrase } from '../case/types.ts';
import { findReply } from './lookup.ts';

/** Comparable text: no tags or entities, plain apostrophes, one space, lower case, no end punctuation. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;|[‘’]/g, "'")
    .replace(/&quot;|[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const core = (phrase: string) => plainText(phrase).replace(/[.!?。！？…]+$/, '');

export function phrasesUsed(c: Case, path: readonly { node: string; reply: string }[]): { phrase: Phrase; used: boolean }[] {
  const said = path.map((s) => plainText(findReply(c, s.node, s.reply)?.text ?? '')).join(' \n ');
  return c.phrases.map((phrase) => ({ phrase, used: core(phrase.en).length > 0 && said.includes(core(phrase.en)) }));
}
