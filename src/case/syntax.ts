/**
 * The syntax tree of a case or rulebook file's body, as the scanner (`scan.ts`) reads it: sections
 * (`#`), entries (`##`: a node, an ending or a rule), and in an entry its key lines, the customer's
 * quoted message, narration, and numbered replies with their own key lines.
 *
 * Every element carries where it was written, so a diagnostic can point at the line and column an
 * author has to change. The readers (`entries.ts`, `rulebook.ts`) build the case from this tree, and
 * the checks (`references.ts`, `texts.ts`) go back to it for the place of a value.
 */
import type { Lang } from './types.ts';

/** A place in the file, 1-based. */
export interface Located {
  line: number;
  column: number;
}

/** One `- key: value` line of an entry or a reply, with the lines that continue its value. */
export interface KeyLine extends Located {
  /** The key as written, trimmed; the whole line when it has no `key: value` shape. */
  key: string;
  /** The value, its continuation lines joined with line breaks; '' when there is none. */
  value: string;
  /** Where the value starts (for a malformed line: where the line's text starts). */
  valueColumn: number;
  /** The line has no `key: value` shape (no colon, or nothing before it). */
  malformed: boolean;
  /**
   * Set when the entry is read against its vocabulary (`readKeys` in `fields.ts`): the canonical
   * key this line counts as. Absent for a line that does not count (unknown, repeated, malformed).
   */
  name?: string;
  /** The language a suffix gave the key (`feedback en`); absent for the case's own language. */
  lang?: Lang;
}

/** A numbered reply (`1. text`) and its key list. */
export interface ReplySyntax extends Located {
  text: string;
  keys: KeyLine[];
  /** Where its key list starts without indentation, if it does. */
  keysNotIndented?: Located;
}

/** A `##` entry: a node, an ending or a rule. */
export interface EntrySyntax extends Located {
  /** The heading as written: the id. */
  heading: string;
  headingColumn: number;
  keys: KeyLine[];
  /** The customer's words, from the `>` lines. */
  message?: string;
  messageAt?: Located;
  /** Narration: plain paragraphs under the heading. */
  note?: string;
  replies: ReplySyntax[];
}

/** A `#` section. */
export interface SectionSyntax extends Located {
  heading: string;
  headingColumn: number;
  /** Everything under the heading, as Markdown, for a prose section (briefing, analysis). */
  body: string;
  /** The `##` entries of a structured section (dialogue, endings, rules). */
  entries: EntrySyntax[];
  /** The first line of text before the first `##`, if any. */
  stray?: Located;
}
