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

const H1 = /^#[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const H2 = /^##[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const ORDERED = /^( {0,3})\d{1,3}[.)、](?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(```|~~~)/;

function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** `key: value` from the bullet content starting at `from` (a full-width colon counts too). */
function keyEntry(raw: string, from: number, line: number, column: number): KeyEntry {
  let colon = raw.indexOf(':', from);
  const wide = raw.indexOf('：', from);
  if (wide >= 0 && (colon < 0 || wide < colon)) colon = wide;
  const key = colon > from ? raw.slice(from, colon).trim() : '';
  if (colon < 0 || !key) return { key: raw.slice(from).trim(), value: '', line, column, valueColumn: column, malformed: true };
  let v = colon + 1;
  while (raw.charCodeAt(v) === 32 || raw.charCodeAt(v) === 9) v++;
  const value = raw.slice(v).trimEnd();
  return { key, value, line, column, valueColumn: v + 1 };
}

type Last = 'none' | 'quote' | 'note' | 'reply' | 'key' | 'blank';

/**
 * Scan the body. `firstLine` is the 1-based line number of `lines[0]` in the whole file.
 * `structured` says which sections (by normalised name test) hold `##` entries.
 */
export function scanBody(lines: string[], firstLine: number, structured: (heading: string) => boolean): SectionScan[] {
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
  let noteParts: string[] = [];
  let messageParts: string[] = [];

  const closeEntry = () => {
    if (!entry) return;
    if (messageParts.length) entry.message = messageParts.join('\n').trim();
    if (noteParts.length) entry.note = noteParts.join('\n').trim();
    messageParts = [];
    noteParts = [];
    entry = undefined;
    reply = undefined;
    key = undefined;
  };
  const closeSection = () => {
    closeEntry();
    if (section) section.body = bodyLines.join('\n').trim();
    bodyLines = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = firstLine + i;
    // Classify by the first non-blank character, so most lines meet one pattern at most.
    let p = 0;
    while (p < raw.length && (raw.charCodeAt(p) === 32 || raw.charCodeAt(p) === 9)) p++;
    const ch = raw[p];

    if ((ch === '`' || ch === '~') && p <= 3 && FENCE.test(raw)) inFence = !inFence;
    const h1 = !inFence && p === 0 && ch === '#' && raw[1] !== '#' ? H1.exec(raw) : null;
    if (h1) {
      closeSection();
      section = {
        heading: h1[1],
        headingColumn: raw.indexOf(h1[1]) + 1,
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
      bodyLines.push(raw);
      continue;
    }

    const h2 = !inFence && p === 0 && ch === '#' && raw[2] !== '#' ? H2.exec(raw) : null;
    if (h2) {
      closeEntry();
      entry = {
        heading: h2[1],
        headingColumn: raw.indexOf(h2[1]) + 1,
        line: lineNo,
        column: 1,
        keys: [],
        replies: [],
      };
      section.entries.push(entry);
      last = 'none';
      continue;
    }

    if (ch === undefined) {
      if (last === 'quote') messageParts.push('');
      else if (last === 'note') noteParts.push('');
      if (last !== 'none') last = 'blank';
      continue;
    }

    if (!entry) {
      section.stray ??= { line: lineNo, column: indentOf(raw) + 1 };
      continue;
    }

    const indent = indentOf(raw);
    const quote = !inFence && ch === '>' && p <= 3 ? QUOTE.exec(raw) : null;
    if (quote) {
      if (!entry.messageAt) entry.messageAt = { line: lineNo, column: raw.indexOf('>') + 1 };
      messageParts.push(quote[1]);
      last = 'quote';
      continue;
    }

    const ordered = !inFence && p <= 3 && ch >= '0' && ch <= '9' ? ORDERED.exec(raw) : null;
    if (ordered) {
      reply = { text: ordered[2] ?? '', line: lineNo, column: ordered[1].length + 1, keys: [] };
      entry.replies.push(reply);
      key = undefined;
      last = 'reply';
      continue;
    }

    // A bullet: `-`, `*` or `+` followed by a space or tab.
    const next = raw.charCodeAt(p + 1);
    if (!inFence && (ch === '-' || ch === '*' || ch === '+') && (next === 32 || next === 9)) {
      const bulletIndent = indent;
      const column = p + 1;
      let c = p + 2;
      while (raw.charCodeAt(c) === 32 || raw.charCodeAt(c) === 9) c++;
      const contentColumn = c + 1;
      const entryKey = keyEntry(raw, c, lineNo, contentColumn);
      if (reply) {
        if (bulletIndent === 0 && !reply.keysNotIndented) reply.keysNotIndented = { line: lineNo, column };
        reply.keys.push(entryKey);
      } else {
        entry.keys.push(entryKey);
      }
      key = entryKey;
      keyIndent = bulletIndent;
      last = 'key';
      continue;
    }

    // A plain line: continuation of what came just before, or a note.
    const text = raw.trim();
    if (last === 'quote') {
      messageParts.push(text);
      continue;
    }
    if (last === 'key' && key) {
      key.value = key.value ? `${key.value}\n${text}` : text;
      continue;
    }
    if (last === 'reply' && reply) {
      reply.text = `${reply.text}\n${text}`;
      continue;
    }
    if (last === 'blank' && key && indent > keyIndent) {
      key.value = `${key.value}\n\n${text}`;
      last = 'key';
      continue;
    }
    if (last === 'blank' && reply && !key && indent >= 2) {
      reply.text = `${reply.text}\n\n${text}`;
      last = 'reply';
      continue;
    }
    noteParts.push(text);
    reply = undefined;
    key = undefined;
    last = 'note';
  }
  closeSection();
  return sections;
}
