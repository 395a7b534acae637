/**
 * Reading a file's lines in place, by offsets, as the scanner does: where a line ends, its
 * indentation, and small helpers that keep a large file from turning into many small strings
 * and lists.
 */

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
  return end + 1 < text.length && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/**
 * Recently cut strings, reused when the same characters come again: a large case writes `next`,
 * `feedback`, `+1` or a rule id thousands of times, and one string for each is less garbage and
 * faster to look up (a string's hash is computed once).
 */
export class Recent {
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
export function joinParts(parts: string[]): string {
  let first = 0;
  let last = parts.length;
  while (first < last && parts[first] === '') first++;
  while (last > first && parts[last - 1] === '') last--;
  return (last - first === 1 ? parts[first] : parts.slice(first, last).join('\n')).trim();
}

/** Columns of leading blanks, a tab counting four. */
export function indentOf(text: string, start: number, end: number): number {
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
 * Items collected for the entry or reply being read, handed out at their exact size. The array
 * is kept and overwritten: emptying it would free its storage, and the next item would allocate
 * room for sixteen again.
 */
export class Collector<T> {
  private readonly items: T[] = [];
  size = 0;

  add(item: T): void {
    this.items[this.size++] = item;
  }

  take(): T[] {
    const out = this.items.slice(0, this.size);
    this.size = 0;
    return out;
  }
}

/** Stands for a list that is filled in when its entry or reply ends; never added to. */
export const NONE: never[] = [];
