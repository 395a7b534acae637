/**
 * Which of a case's key phrases the learner actually wrote in their chosen replies, so the debrief
 * can tick the ones they used and point at the ones still to learn.
 */
import type { Case, Phrase } from '../case/types.ts';
import { plainText, says } from '../case/phrases.ts';
import { findReply } from './lookup.ts';

export { plainText };

export function phrasesUsed(c: Case, path: readonly { node: string; reply: string }[]): { phrase: Phrase; used: boolean }[] {
  const said = path.map((s) => plainText(findReply(c, s.node, s.reply)?.text ?? '')).join(' \n ');
  return c.phrases.map((phrase) => ({ phrase, used: says(said, phrase.en) }));
}
