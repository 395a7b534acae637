/**
 * A line scanner for the body of a case or rulebook file: sections (`#`), entries (`##`), and
 * inside an entry its key list, quote, notes and numbered replies — each with its line and column.
 *
 * Why not a Markdown parser: marked's tokens carry no positions, and every diagnostic must point
 * at a line and column. The structure the format uses is small; prose inside it is kept as
 * Markdown text and rendered by marked later. Continuation lines follow Markdown's rules (a line
 * right after a quote, reply or key, without a blank line, continues it), so the file means the
 * same thing here as in any Markdown viewer.
 */
import { KeyLines, type KeyList } from './keylines.ts';
import { Collector, indentOf, joinParts, lineEnd, NONE, nextLine } from './lines.ts';

export interface Located {
  line: number;
  column: number;
}

export interface ReplyScan extends Located, KeyList {
  text: string;
  /** Its key list was written without indentation. */
  keysNotIndented?: Located;
}

export interface EntryScan extends Located, KeyList {
  /** The heading text as written (the id). */
  heading: string;
  headingColumn: number;
  message?: string;
  messageAt?: Located;
  note?: string;
  replies: ReplyScan[];
}

export interface SectionScan extends Located {
  heading: string;
  headingColumn: number;
  /** Everything under the heading, as Markdown, for prose sections. */
  body: string;
  entries: EntryScan[];
  /** First line of text before the first `##`, if any. */
  stray?: Located;
}

/** A file's sections, and the `key: value` lines their entries' key lists are made of. */
export interface BodyScan {
  sections: SectionScan[];
  keys: KeyLines;
}

type Last = 'none' | 'quote' | 'note' | 'reply' | 'key' | 'blank';

/**
 * `key: value` from the bullet content starting at `from` on the line [`lineStart`, `end`), added
 * to `keys` after line `after`; `colon` is the first `:` or `：` in it, or −1.
 */
function addKey(keys: KeyLines, after: number, text: string, from: number, end: number, colon: number, lineStart: number, line: number): number {
  const column = from - lineStart + 1;
  if (colon < 0 || colon <= from || blank(text, from, colon)) return keys.add(after, line, column, from, end, -1, -1, column);
  let v = colon + 1;
  while (v < end && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
  return keys.add(after, line, column, from, colon, v, end, v - lineStart + 1);
}

/** Whether [from, to) is all white space, as `trim` sees it. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if (c < 9 || (c > 32 && c < 128)) return false;
    return text.slice(i, to).trim() === '';
  }
  return true;
}

const H1 = /^#[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Lines are read in place, by offsets into the file, and only the parts that are kept are cut
 * out: a large case has tens of thousands of lines, and a string per line is most of the garbage.
 * `(.*)$` in a pattern does not match past U+2028 or U+2029, so the shapes below that stand for
 * such patterns refuse those characters too (`plain`).
 */
export function scanBody(text: string, start: number, firstLine: number, structured: (heading: string) => boolean): BodyScan {
  const scanner = new BodyScanner(text, structured);
  return { sections: scanner.scan(start, firstLine), keys: scanner.keys };
}

/** The scanner's state between lines. A class rather than closures, so each helper is one function however many files are read. */
class BodyScanner {
  readonly sections: SectionScan[] = [];
  section: SectionScan | undefined;
  isStructured = false;
  bodyLines: string[] = [];
  entry: EntryScan | undefined;
  reply: ReplyScan | undefined;
  readonly keys: KeyLines;
  /** The last key line read, while a continuation line may add to it; −1 when none may. */
  key = -1;
  /** The last line of the open entry's and the open reply's key lists, or −1. */
  entryKey = -1;
  replyKey = -1;
  keyIndent = 0;
  last: Last = 'none';
  inFence = false;
  readonly noteParts = new Collector<string>();
  readonly messageParts = new Collector<string>();
  // An entry's replies are collected here and copied out at their exact size when the entry
  // ends; growing each small list in place allocates several times its size, and copies all have
  // the same kind of elements.
  readonly replies = new Collector<ReplyScan>();
  readonly separators: boolean;
  // The next `:` and `：` in the file (its length: none), found with indexOf and kept while the
  // lines before them are read: the file is searched once, not once per line.
  colon = -1;
  wide = -1;

  constructor(
    readonly text: string,
    readonly structured: (heading: string) => boolean,
  ) {
    this.separators = /[\u2028\u2029]/.test(text);
    this.keys = new KeyLines(text);
  }

  /** No U+2028 or U+2029 in [from, to). */
  plain(from: number, to: number): boolean {
    if (!this.separators) return true;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x2028 || c === 0x2029) return false;
    }
    return true;
  }

  /** The first `:` or `：` in [from, end), or −1. */
  colonIn(from: number, end: number): number {
    if (this.colon < from) this.colon = this.found(this.text.indexOf(':', from));
    if (this.wide < from) this.wide = this.found(this.text.indexOf('：', from));
    const first = Math.min(this.colon, this.wide);
    return first < end ? first : -1;
  }

  private found(i: number): number {
    return i < 0 ? this.text.length : i;
  }

  closeReply(): void {
    this.reply = undefined;
    this.replyKey = -1;
  }

  closeEntry(): void {
    const entry = this.entry;
    if (!entry) return;
    this.closeReply();
    entry.replies = this.replies.take();
    if (this.messageParts.size) entry.message = joinParts(this.messageParts.take());
    if (this.noteParts.size) entry.note = joinParts(this.noteParts.take());
    this.entry = undefined;
    this.entryKey = -1;
    this.key = -1;
  }

  closeSection(): void {
    this.closeEntry();
    if (this.section) this.section.body = this.bodyLines.join('\n').trim();
    this.bodyLines = [];
  }

  scan(start: number, firstLine: number): SectionScan[] {
    const text = this.text;
    const crs = text.indexOf('\r', start) >= 0;
    let next = 0;
    for (let ls = start, lineNo = firstLine; ls <= text.length; ls = next, lineNo++) {
      let le = crs ? lineEnd(text, ls) : text.indexOf('\n', ls);
      if (le < 0) le = text.length;
      next = nextLine(text, le);
      this.line(ls, le, lineNo);
    }
    this.closeSection();
    return this.sections;
  }

  /** One line, [ls, le). */
  line(ls: number, le: number, lineNo: number): void {
    const text = this.text;
    // Classify by the first non-blank character, so most lines meet one pattern at most.
    let p = ls;
    while (p < le && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const ch = p < le ? text.charCodeAt(p) : -1;
    const lead = p - ls;
    const second = ls + 1 < le ? text.charCodeAt(ls + 1) : -1;
    const third = ls + 2 < le ? text.charCodeAt(ls + 2) : -1;

    if ((ch === 96 || ch === 126) && lead <= 3 && FENCE.test(text.slice(ls, le))) this.inFence = !this.inFence;
    const h1 = !this.inFence && lead === 0 && ch === 35 && second !== 35 ? H1.exec(text.slice(ls, le)) : null;
    if (h1) {
      this.closeSection();
      this.section = {
        heading: h1[1],
        headingColumn: h1.input.indexOf(h1[1]) + 1,
        line: lineNo,
        column: 1,
        body: '',
        entries: [],
      };
      this.isStructured = this.structured(h1[1]);
      this.sections.push(this.section);
      this.last = 'none';
      return;
    }
    const section = this.section;
    if (!section) return; // text before the first section is for human readers only
    if (!this.isStructured) {
      this.bodyLines.push(text.slice(ls, le));
      return;
    }

    // `## heading`: two hashes, blanks, the heading, then optional closing hashes and blanks.
    if (!this.inFence && lead === 0 && ch === 35 && second === 35 && (third === 32 || third === 9) && this.plain(ls + 3, le)) {
      let from = ls + 3;
      while (from < le && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
      let to = le;
      while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
      while (to > from && text.charCodeAt(to - 1) === 35) to--;
      while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
      const heading = text.slice(from, to);
      this.closeEntry();
      this.entry = {
        heading,
        headingColumn: text.indexOf(heading, ls) - ls + 1,
        line: lineNo,
        column: 1,
        firstKey: -1,
        // Every field present from the start, so that all entries share one shape.
        message: undefined,
        messageAt: undefined,
        note: undefined,
        replies: NONE,
      };
      section.entries.push(this.entry);
      this.last = 'none';
      return;
    }

    const last = this.last;
    if (ch < 0) {
      if (last === 'quote') this.messageParts.add('');
      else if (last === 'note') this.noteParts.add('');
      if (last !== 'none') this.last = 'blank';
      return;
    }

    const entry = this.entry;
    if (!entry) {
      section.stray ??= { line: lineNo, column: indentOf(text, ls, le) + 1 };
      return;
    }

    // Up to three spaces (no tabs) before a quote or a numbered reply, as in Markdown.
    let spaced = lead <= 3 && !this.inFence;
    for (let i = ls; spaced && i < p; i++) spaced = text.charCodeAt(i) === 32;

    // `> message`: up to three spaces, `>`, one optional blank, then the rest of the line.
    if (spaced && ch === 62 && this.plain(p + 1, le)) {
      if (!entry.messageAt) entry.messageAt = { line: lineNo, column: lead + 1 };
      const c = p + 1 < le ? text.charCodeAt(p + 1) : -1;
      this.messageParts.add(text.slice(c === 32 || c === 9 ? p + 2 : p + 1, le));
      this.last = 'quote';
      return;
    }

    // `1. text`, `1) text`, `1、text`: one to three digits and a marker, then a blank and the text, or nothing.
    if (spaced && ch >= 48 && ch <= 57) {
      let q = p;
      while (q < le && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      const m = q < le ? text.charCodeAt(q) : -1;
      if (q - p <= 3 && (m === 46 || m === 41 || m === 0x3001)) {
        let t = q + 1;
        while (t < le && (text.charCodeAt(t) === 32 || text.charCodeAt(t) === 9)) t++;
        if (t === q + 1 ? t === le : this.plain(t, le)) {
          this.closeReply();
          // Every field present from the start, so that all replies share one shape.
          this.reply = { text: text.slice(t, le), line: lineNo, column: lead + 1, firstKey: -1, keysNotIndented: undefined };
          this.replies.add(this.reply);
          this.key = -1;
          this.last = 'reply';
          return;
        }
      }
    }

    // A bullet: `-`, `*` or `+` followed by a space or tab.
    const after = p + 1 < le ? text.charCodeAt(p + 1) : -1;
    if (!this.inFence && (ch === 45 || ch === 42 || ch === 43) && (after === 32 || after === 9)) {
      const bulletIndent = indentOf(text, ls, le);
      let c = p + 2;
      while (c < le && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
      const reply = this.reply;
      const key = addKey(this.keys, reply ? this.replyKey : this.entryKey, text, c, le, this.colonIn(c, le), ls, lineNo);
      if (reply) {
        if (bulletIndent === 0 && !reply.keysNotIndented) reply.keysNotIndented = { line: lineNo, column: lead + 1 };
        if (reply.firstKey < 0) reply.firstKey = key;
        this.replyKey = key;
      } else {
        if (entry.firstKey < 0) entry.firstKey = key;
        this.entryKey = key;
      }
      this.key = key;
      this.keyIndent = bulletIndent;
      this.last = 'key';
      return;
    }

    // A plain line: continuation of what came just before, or a note.
    const indent = indentOf(text, ls, le);
    const line = text.slice(ls, le).trim();
    const key = this.key;
    const reply = this.reply;
    if (last === 'quote') {
      this.messageParts.add(line);
      return;
    }
    const keys = this.keys;
    if (last === 'key' && key >= 0) {
      const value = keys.value(key);
      keys.setValue(key, value ? `${value}\n${line}` : line);
      return;
    }
    if (last === 'reply' && reply) {
      reply.text = `${reply.text}\n${line}`;
      return;
    }
    if (last === 'blank' && key >= 0 && indent > this.keyIndent) {
      keys.setValue(key, `${keys.value(key)}\n\n${line}`);
      this.last = 'key';
      return;
    }
    if (last === 'blank' && reply && key < 0 && indent >= 2) {
      reply.text = `${reply.text}\n\n${line}`;
      this.last = 'reply';
      return;
    }
    this.noteParts.add(line);
    this.closeReply();
    this.key = -1;
    this.last = 'note';
  }
}
