/**
 * How a key phrase is matched against what the seller says: both are made plain (no tags, Markdown
 * marks or entities, plain apostrophes and quotes, one space, lower case) and the phrase, without
 * its closing punctuation, must appear inside the reply. One rule for the checker (a phrase no
 * reply says) and the debrief (the phrases the learner used).
 */

/** Comparable text: no tags or entities, plain apostrophes, one space, lower case. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;|[‘’]/g, "'")
    .replace(/&quot;|[“”]/g, '"')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A phrase as it is looked for: plain, without its closing punctuation. */
export const phraseCore = (phrase: string) => plainText(phrase).replace(/[.!?。！？…]+$/, '');

/** Whether `said` (plain text, see `plainText`) contains the phrase. */
export const says = (said: string, phrase: string) => {
  const core = phraseCore(phrase);
  return core.length > 0 && said.includes(core);
};
