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

export interface Located {
  line: number;
  column: number;
}

export interface KeyEntry extends Located {
  key: string;
  value: string;
  valueColumn: number;
  /** The line had no `key: value` shape. */
  malformed?: boolean;
  /** Set when the list is read against a vocabulary: the canonical key and, for `feedback en`, its language. */
  name?: string;
  lang?: 'zh' | 'en';
}

export interface ReplyScan extends Located {
  text: string;
  keys: KeyEntry[];
  /** Its key list was written without indentation. */
  keysNotIndented?: Located;
}

export interface EntryScan extends Located {
  /** The heading text as written (the id). */
  heading: string;
  headingColumn: number;
  keys: KeyEntry[];
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

type Last = 'none' | 'quote' | 'note' | 'reply' | 'key' | 'blank';

/** `key: value` from the bullet content starting at `from` on the line [`lineStart`, `end`) (a full-width colon counts too). */
function keyEntry(text: string, from: number, end: number, lineStart: number, line: number, recent: Recent): KeyEntry {
  const column = from - lineStart + 1;
  let colon = -1;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 0xff1a) {
      colon = i;
      break;
    }
  }
  const key = colon > from ? recent.cut(text, from, colon).trim() : '';
  // Every field present from the start, so that all entries share one shape.
  if (colon < 0 || !key) return { key: text.slice(from, end).trim(), value: '', line, column, valueColumn: column, malformed: true, name: undefined, lang: undefined };
  let v = colon + 1;
  while (v < end && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
  return { key, value: recent.cut(text, v, end).trimEnd(), line, column, valueColumn: v - lineStart + 1, malformed: false, name: undefined, lang: undefined };
}

const H1 = /^#[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const H2 = /^##[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/** The end of the line that starts at `start`: the next \n, \r or \r\n (as `split(/\r\n|\r|\n/)` reads lines). */
export function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The start of the line after the one ending at `end`; past the end of `text` after the last line. */
export function nextLine(text: string, end: number): number {
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/**
 * Recently cut strings, reused when the same characters come again: a large case writes `next`,
 * `feedback`, `+1` or a rule id thousands of times, and one string for each is less garbage and
 * faster to look up (a string's hash is computed once).
 */
class Recent {
  /** By a cheap hash of their characters: one comparison per cut. */
  private readonly slots: string[] = new Array<string>(64).fill('');

  cut(text: string, from: number, to: number): string {
    const length = to - from;
    if (length > 24) return text.slice(from, to);
    // Length, first and last character tell the few strings that repeat apart well enough.
    const slot = length ? (length * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(to - 1)) & 63 : 0;
    const s = this.slots[slot];
    if (s.length === length && text.startsWith(s, from)) return s;
    return (this.slots[slot] = text.slice(from, to));
  }
}

/**
 * Paragraph lines joined and trimmed. Blank lines at either end only add line breaks that the
 * trim removes, so they are left out: a one-line message is then kept as it was cut.
 */
function joinParts(parts: string[]): string {
  let first = 0;
  let last = parts.length;
  while (first < last && parts[first] === '') first++;
  while (last > first && parts[last - 1] === '') last--;
  return (last - first === 1 ? parts[first] : parts.slice(first, last).join('\n')).trim();
}

/** Columns of leading blanks, a tab counting four. */
function indentOf(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) n += 1;
    else if (c === 9) n += 4;
    else break;
  }
  return n;
}

/**
 * Lines are read in place, by offsets into the file, and only the parts that are kept are cut
 * out: a large case has tens of thousands of lines, and a string per line is most of the garbage.
 * `(.*)$` in a pattern does not match past U+2028 or U+2029, so the shapes below that stand for
 * such patterns refuse those characters too (`plain`).
 */
export function scanBody(text: string, start: number, firstLine: number, structured: (heading: string) => boolean): SectionScan[] {
  const sections: SectionScan[] = [];
  let section: SectionScan | undefined;
  let isStructured = false;
  let bodyLines: string[] = [];
  let entry: EntryScan | undefined;
  let reply: ReplyScan | undefined;
  let key: KeyEntry | undefined;
  let keyIndent = 0;
  let last: Last = 'none';
  let inFence = false;
  const noteParts: string[] = [];
  const messageParts: string[] = [];
  // An entry's replies and a reply's keys are collected here and copied out at their exact size
  // when the reply or entry ends; growing each small list in place allocates several times its size.
  const replies: ReplyScan[] = [];
  const replyKeys: KeyEntry[] = [];
  const recent = new Recent();
  const crs = text.indexOf('\r', start) >= 0;
  const separators = /[\u2028\u2029]/.test(text);
  const plain = (from: number, to: number): boolean => {
    if (!separators) return true;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2028 || c === 0x2029) return false;
    }
    return true;
  };

  const closeReply = () => {
    if (reply) reply.keys = replyKeys.slice();
    replyKeys.length = 0;
    reply = undefined;
  };
  const closeEntry = () => {
    if (!entry) return;
    closeReply();
    entry.replies = replies.slice();
    replies.length = 0;
    if (messageParts.length) entry.message = joinParts(messageParts);
    if (noteParts.length) entry.note = joinParts(noteParts);
    messageParts.length = 0;
    noteParts.length = 0;
    entry = undefined;
    reply = undefined;
    key = undefined;
  };
  const closeSection = () => {
    closeEntry();
    if (section) section.body = bodyLines.join('\n').trim();
    bodyLines = [];
  };

  let next = 0;
  for (let ls = start, lineNo = firstLine; ls <= text.length; ls = next, lineNo++) {
    let le = crs ? lineEnd(text, ls) : text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    next = nextLine(text, le);
    // Classify by the first non-blank character, so most lines meet one pattern at most.
    let p = ls;
    while (p < le && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const ch = p < le ? text.charCodeAt(p) : -1;
    const lead = p - ls;

    if ((ch === 96 || ch === 126) && lead <= 3 && FENCE.test(text.slice(ls, le))) inFence = !inFence;
    const h1 = !inFence && lead === 0 && ch === 35 && !(ls + 1 < le && text.charCodeAt(ls + 1) === 35) ? H1.exec(text.slice(ls, le)) : null;
    if (h1) {
      closeSection();
      section = {
        heading: h1[1],
        headingColumn: h1.input.indexOf(h1[1]) + 1,
        line: lineNo,
        column: 1,
        body: '',
        entries: [],
      };
      isStructured = structured(h1[1]);
      sections.push(section);
      last = 'none';
      continue;
    }
    if (!section) continue; // text before the first section is for human readers only
    if (!isStructured) {
      bodyLines.push(text.slice(ls, le));
      continue;
    }

    const h2 = !inFence && lead === 0 && ch === 35 && !(ls + 2 < le && text.charCodeAt(ls + 2) === 35) ? H2.exec(text.slice(ls, le)) : null;
    if (h2) {
      closeEntry();
      entry = {
        heading: h2[1],
        headingColumn: h2.input.indexOf(h2[1]) + 1,
        line: lineNo,
        column: 1,
        keys: [],
        replies,
      };
      section.entries.push(entry);
      last = 'none';
      continue;
    }

    if (ch < 0) {
      if (last === 'quote') messageParts.push('');
      else if (last === 'note') noteParts.push('');
      if (last !== 'none') last = 'blank';
      continue;
    }

    if (!entry) {
      section.stray ??= { line: lineNo, column: indentOf(text, ls, le) + 1 };
      continue;
    }

    // Up to three spaces (no tabs) before a quote or a numbered reply, as in Markdown.
    let spaced = lead <= 3 && !inFence;
    for (let i = ls; spaced && i < p; i++) spaced = text.charCodeAt(i) === 32;

    // `> message`: up to three spaces, `>`, one optional blank, then the rest of the line.
    if (spaced && ch === 62 && plain(p + 1, le)) {
      if (!entry.messageAt) entry.messageAt = { line: lineNo, column: lead + 1 };
      const c = text.charCodeAt(p + 1);
      messageParts.push(text.slice(p + 1 < le && (c === 32 || c === 9) ? p + 2 : p + 1, le));
      last = 'quote';
      continue;
    }

    // `1. text`, `1) text`, `1、text`: one to three digits and a marker, then a blank and the text, or nothing.
    if (spaced && ch >= 48 && ch <= 57) {
      let q = p;
      while (q < le && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
      const m = text.charCodeAt(q);
      if (q - p <= 3 && q < le && (m === 46 || m === 41 || m === 0x3001)) {
        let t = q + 1;
        while (t < le && (text.charCodeAt(t) === 32 || text.charCodeAt(t) === 9)) t++;
        if (t === q + 1 ? t === le : plain(t, le)) {
          closeReply();
          reply = { text: text.slice(t, le), line: lineNo, column: lead + 1, keys: replyKeys };
          replies.push(reply);
          key = undefined;
          last = 'reply';
          continue;
        }
      }
    }

    // A bullet: `-`, `*` or `+` followed by a space or tab.
    const after = p + 1 < le ? text.charCodeAt(p + 1) : -1;
    if (!inFence && (ch === 45 || ch === 42 || ch === 43) && (after === 32 || after === 9)) {
      const bulletIndent = indentOf(text, ls, le);
      let c = p + 2;
      while (c < le && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
      const entryKey = keyEntry(text, c, le, ls, lineNo, recent);
      if (reply) {
        if (bulletIndent === 0 && !reply.keysNotIndented) reply.keysNotIndented = { line: lineNo, column: lead + 1 };
        replyKeys.push(entryKey);
      } else {
        entry.keys.push(entryKey);
      }
      key = entryKey;
      keyIndent = bulletIndent;
      last = 'key';
      continue;
    }

    // A plain line: continuation of what came just before, or a note.
    const indent = indentOf(text, ls, le);
    const line = text.slice(ls, le).trim();
    if (last === 'quote') {
      messageParts.push(line);
      continue;
    }
    if (last === 'key' && key) {
      key.value = key.value ? `${key.value}\n${line}` : line;
      continue;
    }
    if (last === 'reply' && reply) {
      reply.text = `${reply.text}\n${line}`;
      continue;
    }
    if (last === 'blank' && key && indent > keyIndent) {
      key.value = `${key.value}\n\n${line}`;
      last = 'key';
      continue;
    }
    if (last === 'blank' && reply && !key && indent >= 2) {
      reply.text = `${reply.text}\n\n${line}`;
      last = 'reply';
      continue;
    }
    noteParts.push(line);
    closeReply();
    key = undefined;
    last = 'note';
  }
  closeSection();
  return sections;
}
