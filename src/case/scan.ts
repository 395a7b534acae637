/**
 * The scanner: reads the body of a case or rulebook file, line by line and once, into its syntax
 * tree (`syntax.ts`) — sections, entries, key lines, quotes, narration and numbered replies, each
 * with the line and column it was written at.
 *
 * Why not a Markdown parser: marked's tokens carry no positions, and every diagnostic must point
 * at a line and column. The structure the format uses is small; prose inside it is kept as
 * Markdown text and rendered by marked later. Continuation lines follow Markdown's rules (a line
 * right after a quote, reply or key, without a blank line, continues it), so the file means the
 * same thing here as in any Markdown viewer. The patterns use `(.*)$`, which does not match past
 * a U+2028 or U+2029 separator: such a line is read as plain text, as a line-based reader sees it.
 */
import type { EntrySyntax, KeyLine, ReplySyntax, SectionSyntax } from './syntax.ts';

/** Only spaces and tabs. */
const BLANK = /^[ \t]*$/;
/** A code fence: inside one, nothing starts a heading, quote, reply or key. */
const FENCE = /^ {0,3}(```|~~~)/;
/** `# Section`, with optional closing hashes. */
const SECTION = /^#[ \t]+(.*?)[ \t]*#*[ \t]*$/;
/** `## entry-id`, with optional closing hashes. */
const ENTRY = /^##[ \t]+(.*?)[ \t]*#*[ \t]*$/;
/** `> message`: up to three spaces (no tabs), `>`, one optional blank, then the text. */
const QUOTE = /^( {0,3})>[ \t]?(.*)$/;
/** `1. text`, `1) text`, `1、text`: up to three spaces, one to three digits, a marker, a blank and the text, or nothing. */
const REPLY = /^( {0,3})\d{1,3}[.)、](?:[ \t]+(.*))?$/;
/** A bullet: `-`, `*` or `+` followed by a blank; the key line is what follows the blanks. */
const BULLET = /^([ \t]*)[-*+][ \t]+/;
/** `key: value`: the key, up to the first colon (authors typing Chinese write the full-width one), and the blanks after it. */
const KEY_VALUE = /^([^:：]*)[:：][ \t]*/;
/** Columns a tab stands for when measuring indentation. */
const TAB_WIDTH = 4;

/** What the previous line was, which decides what a plain line continues. */
type Last = 'none' | 'quote' | 'note' | 'reply' | 'key' | 'blank';

/**
 * The body: the file's `lines` from line `firstLine` (1-based) on. `structured` says which sections
 * hold `##` entries; the others are prose, kept whole as Markdown.
 */
export function scanBody(lines: readonly string[], firstLine: number, structured: (heading: string) => boolean): SectionSyntax[] {
  const scanner = new Scanner(structured);
  for (let line = firstLine; line <= lines.length; line++) scanner.line(lines[line - 1] ?? '', line);
  return scanner.end();
}

/** Columns of leading blanks, a tab counting four. */
export function indentOf(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += TAB_WIDTH;
    else break;
  }
  return width;
}

/** A key line from the text after its bullet, which starts at `column`. */
function keyLine(content: string, line: number, column: number): KeyLine {
  const m = KEY_VALUE.exec(content);
  const key = m?.[1]?.trim();
  // Every field present from the start, read or not: all key lines have one shape.
  if (!m || !key) return { line, column, key: content.trim(), value: '', valueColumn: column, malformed: true, name: undefined, lang: undefined };
  const value = content.slice(m[0].length).trimEnd();
  return { line, column, key, value, valueColumn: column + m[0].length, malformed: false, name: undefined, lang: undefined };
}

/** The tree being built, and what an unmarked line would continue. */
class Scanner {
  private readonly sections: SectionSyntax[] = [];
  private section: SectionSyntax | undefined;
  /** The open section holds entries; otherwise its lines are prose. */
  private structured = false;
  private entry: EntrySyntax | undefined;
  /** The reply whose key list is open. */
  private reply: ReplySyntax | undefined;
  /** The key line a more indented paragraph would continue, and the indentation of its bullet. */
  private key: { line: KeyLine; indent: number } | undefined;
  private last: Last = 'none';
  private inFence = false;

  constructor(private readonly isStructured: (heading: string) => boolean) {}

  /** One line: a heading, a blank line, or in an entry a quote, a reply, a key line or plain text. */
  line(text: string, line: number): void {
    if (FENCE.test(text)) this.inFence = !this.inFence;
    const section = this.inFence ? null : SECTION.exec(text);
    if (section) return this.openSection(section[1] ?? '', text, line);
    if (!this.section) return; // text before the first section is for human readers only
    if (!this.structured) {
      this.section.body += `${text}\n`;
      return;
    }
    const entry = this.inFence ? null : ENTRY.exec(text);
    if (entry) return this.openEntry(this.section, entry[1] ?? '', text, line);
    if (BLANK.test(text)) return this.blank();
    if (!this.entry) {
      this.section.stray ??= { line, column: indentOf(text) + 1 };
      return;
    }
    if (this.inFence || !(this.quote(this.entry, text, line) || this.replyLine(this.entry, text, line) || this.bullet(this.entry, text, line)))
      this.plain(this.entry, text);
  }

  end(): SectionSyntax[] {
    this.closeSection();
    return this.sections;
  }

  private openSection(heading: string, text: string, line: number): void {
    this.closeSection();
    this.section = { heading, headingColumn: text.indexOf(heading) + 1, line, column: 1, body: '', entries: [] };
    this.structured = this.isStructured(heading);
    this.sections.push(this.section);
    this.last = 'none';
  }

  private closeSection(): void {
    this.closeEntry();
    if (this.section) this.section.body = this.section.body.trim();
  }

  private openEntry(section: SectionSyntax, heading: string, text: string, line: number): void {
    this.closeEntry();
    this.entry = { heading, headingColumn: text.indexOf(heading) + 1, line, column: 1, keys: [], message: undefined, messageAt: undefined, note: undefined, replies: [] };
    section.entries.push(this.entry);
    this.last = 'none';
  }

  /** Message and narration are collected with their blank lines; the ends are trimmed here. */
  private closeEntry(): void {
    if (!this.entry) return;
    const { message, note } = this.entry;
    if (message !== undefined) this.entry.message = message.trim();
    if (note !== undefined) this.entry.note = note.trim();
    this.entry = undefined;
    this.reply = undefined;
    this.key = undefined;
  }

  /** A blank line keeps a paragraph break inside a message or narration. */
  private blank(): void {
    const entry = this.entry;
    if (entry && this.last === 'quote') entry.message = `${entry.message ?? ''}\n`;
    else if (entry && this.last === 'note') entry.note = `${entry.note ?? ''}\n`;
    if (this.last !== 'none') this.last = 'blank';
  }

  private quote(entry: EntrySyntax, text: string, line: number): boolean {
    const m = QUOTE.exec(text);
    if (!m) return false;
    entry.messageAt ??= { line, column: (m[1] ?? '').length + 1 };
    entry.message = entry.message === undefined ? (m[2] ?? '') : `${entry.message}\n${m[2] ?? ''}`;
    this.last = 'quote';
    return true;
  }

  private replyLine(entry: EntrySyntax, text: string, line: number): boolean {
    const m = REPLY.exec(text);
    if (!m) return false;
    this.reply = { text: m[2] ?? '', line, column: (m[1] ?? '').length + 1, keys: [], keysNotIndented: undefined };
    entry.replies.push(this.reply);
    this.key = undefined;
    this.last = 'reply';
    return true;
  }

  /** A key line belongs to the open reply, else to the entry. */
  private bullet(entry: EntrySyntax, text: string, line: number): boolean {
    const m = BULLET.exec(text);
    if (!m) return false;
    const indent = indentOf(text);
    const key = keyLine(text.slice(m[0].length), line, m[0].length + 1);
    if (this.reply) {
      if (indent === 0) this.reply.keysNotIndented ??= { line, column: (m[1] ?? '').length + 1 };
      this.reply.keys.push(key);
    } else entry.keys.push(key);
    this.key = { line: key, indent };
    this.last = 'key';
    return true;
  }

  /** A line with no marker: it continues what came just before it, or it is narration. */
  private plain(entry: EntrySyntax, text: string): void {
    const line = text.trim();
    const { key, reply, last } = this;
    if (last === 'quote') entry.message = `${entry.message ?? ''}\n${line}`;
    else if (last === 'key' && key) key.line.value = key.line.value ? `${key.line.value}\n${line}` : line;
    else if (last === 'reply' && reply) reply.text = `${reply.text}\n${line}`;
    else if (last === 'blank' && key && indentOf(text) > key.indent) {
      // A paragraph indented under a key line continues its value.
      key.line.value = `${key.line.value}\n\n${line}`;
      this.last = 'key';
    } else if (last === 'blank' && reply && !key && indentOf(text) >= 2) {
      // A paragraph indented under a reply with no key list yet continues its text.
      reply.text = `${reply.text}\n\n${line}`;
      this.last = 'reply';
    } else {
      entry.note = entry.note === undefined ? line : `${entry.note}\n${line}`;
      this.reply = undefined;
      this.key = undefined;
      this.last = 'note';
    }
  }
}
